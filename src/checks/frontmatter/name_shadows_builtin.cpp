#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckNameShadowsBuiltin(const FileContext& ctx, Reporter& out) {
  const YamlNode* name = ScalarField(ctx.doc, "name");
  if (!name) return;
  for (const std::string& builtin : ctx.knowledge.builtin_agents) {
    if (Lower(builtin) == Lower(name->value)) {
      out.Report(name->span,
                 "`name` `" + name->value + "` replaces Claude Code's built-in `" + builtin +
                     "` agent for every delegation",
                 "choose a distinct name unless replacing the built-in is intended");
      return;
    }
  }
}

}  // namespace agentlint
