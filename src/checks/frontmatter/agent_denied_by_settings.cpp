#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckAgentDeniedBySettings(const FileContext& ctx, Reporter& out) {
  if (!ctx.claude || ctx.claude->loads) return;
  if (ctx.claude->why_not.rfind(kDeniedBySettings, 0) != 0) return;
  const DeniedTool* denied = DeniedAgent(ctx.doc, ctx.claude->name);
  if (!denied) return;
  const bool every = denied->name == "Agent";
  const std::string& rule = denied->written;
  const YamlNode* name = ScalarField(ctx.doc, "name");
  out.Report(name ? name->span : ctx.doc.front_matter().open_fence,
             "`" + rule + "` in `permissions.deny` of `" + denied->setting + "` denies " +
                 (every ? "the Agent tool, so no agent of the project runs"
                        : "agent `" + ctx.claude->name + "`") +
                 NotLoadedSuffix(ctx),
             "take `" + rule + "` out of `permissions.deny`, or delete the agent if it is retired");
}

}  // namespace agentlint
