#include "checks/common.h"

namespace agentlint {

void CheckRemovedTool(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    for (const ToolEntry& entry : list.entries) {
      const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, field[0] == 'd');
      if (ref.kind != ToolRef::kBuiltin) continue;
      const ToolInfo& tool = *ref.tool;
      if (tool.status != ToolStatus::kRemoved && tool.status != ToolStatus::kRenamed) continue;
      // removed_in is a version ("2.0.32") or, where no version is known, a month ("2026-03").
      const bool version = tool.removed_in.find('.') != std::string::npos;
      std::string message =
          "`" + tool.name + "` was " +
          (tool.status == ToolStatus::kRenamed ? "renamed" : "removed") +
          (tool.removed_in.empty() ? "" : (version ? " in v" : " in ") + tool.removed_in);
      message += "; Claude Code silently drops it";
      std::string help = tool.replacement.empty() ? "remove it" : "use `" + tool.replacement + "`";
      if (!tool.note.empty()) help += " (" + tool.note + ")";
      Diagnostic& d = out.Report(entry.span, message, help);
      if (tool.fixable && !entry.quoted) {
        d.fix = Fix{"replace `" + tool.name + "` with `" + tool.replacement + "`",
                    {{entry.span, tool.replacement}},
                    true};
      }
    }
  }
}

}  // namespace agentlint
