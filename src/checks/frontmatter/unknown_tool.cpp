#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckUnknownTool(const FileContext& ctx, Reporter& out) {
  std::vector<std::string> current;
  for (const ToolInfo& tool : ctx.knowledge.tools) {
    if (tool.status == ToolStatus::kCurrent) current.push_back(tool.name);
  }
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    for (const ToolEntry& entry : list.entries) {
      if (entry.quoted || entry.name.empty()) continue;  // malformed-tool-entry says why
      if (ResolveTool(ctx.knowledge, entry.name, field[0] == 'd').kind != ToolRef::kUnknown)
        continue;
      std::string base = entry.name.substr(0, entry.name.find('('));
      if (const auto foreign = ctx.knowledge.foreign_tools.find(base);
          foreign != ctx.knowledge.foreign_tools.end()) {
        out.Report(entry.span,
                   "`" + entry.name +
                       "` is a VS Code (Copilot) tool name, not a Claude Code one; it is silently "
                       "dropped",
                   foreign->second.empty() ? "remove it: Claude Code's subagents have no such tool"
                                           : "Claude Code's equivalent: `" + foreign->second + "`");
        continue;
      }
      const std::string guess = ClosestMatch(base, current);
      out.Report(entry.span,
                 "`" + entry.name + "` is not a Claude Code tool; it is silently dropped",
                 guess.empty() ? "use a built-in tool name or `mcp__<server>__<tool>`"
                               : "did you mean `" + guess + "`?");
    }
  }
}

}  // namespace agentlint
