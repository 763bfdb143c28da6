#include "checks/common.h"
#include "core/text.h"

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
        // A replacement may be several tools ("TaskCreate, TaskUpdate"): name each one.
        std::vector<std::string> names;
        for (size_t at = 0; at <= tool.replacement.size();) {
          const size_t comma = std::min(tool.replacement.find(',', at), tool.replacement.size());
          const std::string name(Trim(std::string_view(tool.replacement).substr(at, comma - at)));
          if (!name.empty()) names.push_back(name);
          at = comma + 1;
        }
        out.Report(entry.span, "`" + tool.name + "` is deprecated: " + tool.note,
                   names.empty() ? "remove it" : "use " + JoinCode(names, " and "));
      }
    }
  }
}

}  // namespace agentlint
