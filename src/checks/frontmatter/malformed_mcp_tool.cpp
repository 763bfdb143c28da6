#include "checks/common.h"

namespace agentlint {

void CheckMalformedMcpTool(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    for (const ToolEntry& entry : ctx.doc.Tools(field).entries) {
      if (ResolveTool(ctx.knowledge, entry.name, field[0] == 'd').kind != ToolRef::kMalformedMcp)
        continue;
      std::string help = "write `mcp__<server>__<tool>`, `mcp__<server>` or `mcp__<server>__*`";
      if (entry.name == "mcp__*") {
        help =
            "`mcp__*` is only allowed in `disallowedTools`; to grant every MCP tool, list the "
            "servers";
      } else if (entry.name.find('/') != std::string::npos) {
        help = "`server/tool` is GitHub Copilot's syntax; Claude Code uses `mcp__server__tool`";
      }
      out.Report(entry.span,
                 "`" + entry.name + "` is not a valid MCP tool reference; it never matches", help);
    }
  }
}

}  // namespace agentlint
