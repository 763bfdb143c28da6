#include "checks/common.h"

namespace agentlint {

void CheckNoUsableTools(const FileContext& ctx, Reporter& out) {
  const ToolList list = ctx.doc.Tools("tools");
  if (list.entries.empty()) return;  // absent (inherit all) or explicitly empty (no tools)
  for (const ToolEntry& entry : list.entries) {
    if (GrantsSomething(ResolveTool(ctx.knowledge, entry.name, false), ctx.doc)) return;
  }
  out.Report(
      list.node->span,
      "no entry of `tools` is a tool this agent can have, so Claude Code refuses to spawn it",
      "list at least one current tool (for example `Read`), or remove `tools` to inherit all");
}

}  // namespace agentlint
