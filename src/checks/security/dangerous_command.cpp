#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "checks/common.h"

namespace agentlint {

namespace {

// Reports the first pattern of the kind (body or config) found in `text`; `where` is the span
// to report when `text` is not a slice of the file (a command joined from `command` and `args`).
// `only`, when given, holds the patterns worth trying (those found somewhere in the body).
void Scan(const FileContext& ctx, Reporter& out, std::string_view text, bool config,
          std::optional<Span> where = std::nullopt, const std::vector<bool>* only = nullptr) {
  for (size_t index = 0; index < ctx.knowledge.dangerous.size(); ++index) {
    const DangerPattern& danger = ctx.knowledge.dangerous[index];
    if (danger.in_config != config || (only && !(*only)[index])) continue;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(input, danger.pattern->get(), &match)) continue;
    std::string_view found(match.data(), match.size());
    while (!found.empty() && (found.back() == ' ' || found.back() == '"' || found.back() == '\n')) {
      found.remove_suffix(1);
    }
    if (danger.id.rfind("unpinned", 0) == 0) {
      // `pkg@1.2.3` is pinned; a bare name or `@latest` is not.
      const size_t name = found.rfind(' ');
      const std::string_view package = found.substr(name == std::string_view::npos ? 0 : name + 1);
      const size_t version = package.find('@', 1);
      if (version != std::string_view::npos && package.substr(version) != "@latest") continue;
    }
    Span span = where.value_or(Span{});
    if (!where) {
      span.begin = static_cast<size_t>(found.data() - ctx.doc.source().text().data());
      span.end = span.begin + found.size();
    }
    out.Report(
        span, "`" + std::string(found) + "` " + danger.message,
        config ? "pin the package version (`pkg@1.2.3`) so a new release cannot change what runs"
               : "remove it, or scope it to a command a reviewer has checked; agent files are "
                 "shared and run with the user's permissions");
  }
}

// `command` plus its `args`, as the shell would see them.
std::string CommandLine(const YamlNode& config) {
  const YamlNode* command = config.Find("command");
  if (!command || !command->IsScalar()) return "";
  std::string line = command->value;
  if (const YamlNode* args = config.Find("args"); args && args->IsSequence()) {
    for (const YamlNode& arg : args->children) line += " " + arg.value;
  }
  return line;
}

void ScanCommands(const FileContext& ctx, Reporter& out, const YamlNode& node) {
  if (node.IsMapping()) {
    if (const YamlNode* command = node.Find("command"); command && command->IsScalar()) {
      const std::string line = CommandLine(node);
      Scan(ctx, out, line, true, command->span);
      Scan(ctx, out, line, false, command->span);
    }
    for (size_t i = 0; i < node.MapSize(); ++i) ScanCommands(ctx, out, node.Value(i));
  } else if (node.IsSequence()) {
    for (const YamlNode& item : node.children) ScanCommands(ctx, out, item);
  }
}

}  // namespace

void CheckDangerousCommand(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  // Instructions in the body: prose and code blocks that are not warnings or examples. One pass
  // over the whole body first: most bodies hold none of the patterns.
  // The engine's one pass over the file saw which patterns occur; only those are tried.
  std::vector<bool> found(ctx.knowledge.dangerous.size(), false);
  bool any = false;
  for (size_t index = 0; index < ctx.knowledge.dangerous.size(); ++index) {
    const DangerPattern& danger = ctx.knowledge.dangerous[index];
    found[index] =
        !danger.in_config && (!ctx.knowledge_scan || ctx.knowledge_scan->MayContain(danger.scan));
    any = any || found[index];
  }
  static const std::vector<ProseLine> kNone;
  for (const ProseLine& line : any ? ProseLines(ctx) : kNone) {
    if (!LooksLikeCaution(line.text) && !LooksLikeCaution(line.section))
      Scan(ctx, out, line.text, false, std::nullopt, &found);
  }
  for (const CodeBlock& block : doc.body().code_blocks) {
    if (any && IsInstructionBlock(doc, block))
      Scan(ctx, out, SpanText(doc, block.content), false, std::nullopt, &found);
  }
  // Commands Claude Code runs itself: hooks and inline MCP servers in the front matter.
  for (const char* field : {"hooks", "mcpServers"}) {
    if (const YamlNode* node = doc.Field(field)) ScanCommands(ctx, out, *node);
  }
}

}  // namespace agentlint
