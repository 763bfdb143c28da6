#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {
const ScanPattern kWeb(
    R"((?i)\b(search(ing)? the web|web search(es)?|search online|look (it |them )?up online|browse the web|research online|WebSearch|WebFetch|fetch (the )?(url|web ?page|page at))\b)");

const Regex kWebServer(
    R"((?i)(search|fetch|web|brows|crawl|scrap|exa|tavily|perplexity|context7|docs))");
}  // namespace

void CheckWebWithoutWebTools(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc) || AgentHasTool(doc, ctx.knowledge, "WebSearch") ||
      AgentHasTool(doc, ctx.knowledge, "WebFetch")) {
    return;
  }
  // An MCP server for search, fetching or a browser also reaches the web.
  for (const ToolEntry& entry : doc.Tools("tools").entries) {
    if (entry.name.rfind("mcp__", 0) == 0 && RE2::PartialMatch(entry.name, kWebServer)) {
      return;
    }
  }
  if (!Saw(ctx, kWeb)) return;
  for (const ProseLine& line : ProseLines(ctx)) {
    re2::StringPiece input(line.text.data(), line.text.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(input, kWeb.re(), &match)) continue;
    const size_t at = line.span.begin + static_cast<size_t>(match.data() - line.text.data());
    out.Report(
        {at, at + match.size()},
        "the body asks for web research, but the agent has neither `WebSearch` nor `WebFetch`",
        "add `WebSearch, WebFetch` to " + FieldRef(doc, "tools"));
    return;
  }
}

}  // namespace agentlint
