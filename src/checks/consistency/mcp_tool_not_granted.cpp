#include <re2/re2.h>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// True when a `tools` entry grants the MCP tool `name` (mcp__server__tool).
bool Granted(const AgentDoc& doc, const std::string& name) {
  const size_t second = name.find("__", 5);
  const std::string server = second == std::string::npos ? name : name.substr(0, second);
  for (const ToolEntry& entry : doc.Tools("tools").entries) {
    if (entry.name == "*" || entry.name == name || entry.name == server ||
        entry.name == server + "__*") {
      return true;
    }
  }
  return false;
}

// True when `tools` grants any MCP tool at all (or every tool).
bool AnyMcpGranted(const AgentDoc& doc) {
  for (const ToolEntry& entry : doc.Tools("tools").entries) {
    if (entry.name == "*" || entry.name.rfind("mcp__", 0) == 0) return true;
  }
  return false;
}

const LazyRegex kMcpInProse(
    R"(\b(?i:via|using|use|uses|with|through|call|calls|from|query|queries)\s+(?:the\s+)?`?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)`?\s+MCP\b)");

// "Create a branch via the Neon MCP": an MCP server named in prose, by an agent whose explicit
// `tools` grants no MCP tool at all.
void ReportMcpInProse(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  // The word `MCP` first, as a literal: the pattern itself would widen the file's one regex pass.
  if (SpanText(doc, doc.body().span).find("MCP") == std::string_view::npos || AnyMcpGranted(doc))
    return;
  for (const ProseLine& line : ProseLines(ctx)) {
    if (line.text.find("MCP") == std::string_view::npos) continue;  // the pattern's own literal
    re2::StringPiece input(line.text.data(), line.text.size());
    re2::StringPiece server;
    if (!RE2::PartialMatch(input, kMcpInProse.get(), &server) || LooksLikeCaution(line.text))
      continue;
    const size_t at = line.span.begin + static_cast<size_t>(server.data() - line.text.data());
    const std::string name(server.data(), server.size());
    out.Report({at, at + server.size()},
               "the body uses the " + name +
                   " MCP server, but `tools` grants no MCP tool, so "
                   "the agent cannot call it",
               "add the server's tools to " + FieldRef(doc, "tools") + " (`mcp__" +
                   Lower(name.substr(0, name.find(' '))) + "` grants all of them)");
    return;
  }
}

const Regex kMcp(R"(\b(mcp__[A-Za-z0-9_-]+?__[A-Za-z0-9_.-]*[A-Za-z0-9]))");
}  // namespace

void CheckMcpToolNotGranted(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc)) return;
  ReportMcpInProse(ctx, out);
  const std::string_view body = SpanText(doc, doc.body().span);
  if (body.find("mcp__") == std::string_view::npos) return;  // no regex scan for most bodies
  re2::StringPiece input(body.data(), body.size());
  std::string name;
  std::vector<std::string> reported;
  while (RE2::FindAndConsume(&input, kMcp, &name)) {
    const size_t end = doc.body().span.begin + static_cast<size_t>(input.data() - body.data());
    if (Granted(doc, name) || Contains(reported, name) || InHtmlComment(doc, end - 1)) continue;
    reported.push_back(name);
    out.Report({end - name.size(), end},
               "the body uses `" + name + "`, which `tools` does not grant",
               "add `" + name + "` (or `" + name.substr(0, name.find("__", 5)) + "`) to " +
                   FieldRef(doc, "tools"));
  }
}

}  // namespace agentlint
