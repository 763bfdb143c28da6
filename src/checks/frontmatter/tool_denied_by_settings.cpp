#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckToolDeniedBySettings(const FileContext& ctx, Reporter& out) {
  const std::vector<DeniedTool>* denied = ctx.doc.origin().denied_tools.get();
  if (!denied) return;
  for (const ToolEntry& entry : ctx.doc.Tools("tools").entries) {
    const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, false);
    if (ref.kind == ToolRef::kWildcard || !GrantsSomething(ref, ctx.doc)) continue;
    const std::string name = CanonicalToolName(ctx.knowledge, entry, true);
    const DeniedTool* tool = FindDenied(denied, name);
    if (!tool) continue;
    out.Report(entry.span,
               "`" + name + "` is denied to every agent by `" + tool->setting +
                   "` (`permissions.deny`); this agent never gets it",
               "remove it from `tools`, or take `" + name + "` out of `permissions.deny` in `" +
                   tool->setting + "`");
  }
}

}  // namespace agentlint
