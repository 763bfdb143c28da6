#include "checks/common.h"

namespace agentlint {

void CheckPermissionSpecifierInTools(const FileContext& ctx, Reporter& out) {
  for (const ToolEntry& entry : ctx.doc.Tools("tools").entries) {
    const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, false);
    if (ref.kind != ToolRef::kSpecifier) continue;
    out.Report(entry.span,
               "`" + entry.name + "` grants all of `" + ref.tool->name +
                   "`: `tools` ignores the part in parentheses",
               "list `" + ref.tool->name +
                   "` and restrict it with a `PreToolUse` hook or "
                   "`permissions.deny` rules");
  }
}

}  // namespace agentlint
