#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

void CheckInvalidPermissionMode(const FileContext& ctx, Reporter& out) {
  const YamlNode* mode = ScalarField(ctx.doc, "permissionMode");
  const FieldInfo* field = ctx.knowledge.FindField("permissionMode");
  if (!mode || !field || ClaudeTakes(ctx.knowledge, *field, *mode)) return;
  const auto removed = ctx.knowledge.removed_permission_modes.find(mode->value);
  if (removed != ctx.knowledge.removed_permission_modes.end()) {
    out.Report(mode->span,
               "`permissionMode` `" + mode->value + "` was removed (" + removed->second + ")",
               "use " + JoinCode(ctx.knowledge.permission_modes));
    return;
  }
  const std::string guess = ClosestMatch(mode->value, ctx.knowledge.permission_modes);
  out.Report(mode->span,
             "`permissionMode` `" + mode->value + "` is not a permission mode; it is ignored",
             guess.empty() ? "use " + JoinCode(ctx.knowledge.permission_modes)
                           : "did you mean `" + guess + "`?");
}

}  // namespace agentlint
