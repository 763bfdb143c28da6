#include "checks/common.h"

namespace agentlint {

void CheckDeprecatedTool(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    for (const ToolEntry& entry : list.entries) {
      const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, field[0] == 'd');
      if (ref.kind != ToolRef::kBuiltin) continue;
      const ToolInfo& tool = *ref.tool;
      if (tool.status == ToolStatus::kAlias) {
        Diagnostic& d = out.Report(
            entry.span, "`" + tool.name + "` is the old name of `" + tool.replacement + "`",
            "write `" + tool.replacement + "`; the alias still works");
        if (tool.fixable && !entry.quoted) {
          d.fix =
              Fix{"rename to `" + tool.replacement + "`", {{entry.span, tool.replacement}}, true};
        }
      } else if (tool.status == ToolStatus::kDeprecated &&
                 tool.subagents != SubagentAvailability::kNever) {
        out.Report(entry.span, "`" + tool.name + "` is deprecated: " + tool.note,
                   "use " + std::string(tool.replacement.empty() ? "its replacement"
                                                                 : "`" + tool.replacement + "`"));
      }
    }
  }
}

}  // namespace agentlint
