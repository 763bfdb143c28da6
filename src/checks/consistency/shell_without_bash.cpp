#include <re2/re2.h>

#include <cctype>
#include <string>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

bool IsShellInfo(std::string_view info) {
  for (const char* lang :
       {"bash", "sh", "shell", "zsh", "console", "terminal", "powershell", "ps1", "pwsh", "cmd"}) {
    if (info == lang) return true;
  }
  return false;
}

// `Glob("**/*.kt")`, `glob "**/*.kt"`, `Read(src/app.py)`: a Claude Code tool written as a call,
// a way of showing which tool to use, not a shell command.
bool ToolPseudoCall(std::string_view line, const Knowledge& knowledge) {
  size_t n = 0;
  while (n < line.size() && std::isalpha(static_cast<unsigned char>(line[n]))) ++n;
  if (n == 0 || n == line.size()) return false;
  const std::string word = Lower(line.substr(0, n));
  if (line[n] == '(') return knowledge.FindToolIgnoringCase(word) != nullptr;
  const bool quoted =
      line[n] == ' ' && n + 1 < line.size() && (line[n + 1] == '"' || line[n + 1] == '\'');
  // Only names that are not also shell commands (`grep "x"`, `read "x"` are real shell).
  for (const char* tool : {"glob", "webfetch", "websearch", "todowrite", "multiedit"})
    if (word == tool && quoted) return true;
  return false;
}

// The first line of a shell block that is a command (not a comment, not blank, not a tool
// written as a call), and where it starts in `code`.
std::string FirstCommand(std::string_view code, size_t& offset, const Knowledge& knowledge) {
  size_t at = 0;
  while (at < code.size()) {
    size_t eol = code.find('\n', at);
    if (eol == std::string_view::npos) eol = code.size();
    std::string_view line = code.substr(at, eol - at);
    size_t skip = 0;
    while (skip < line.size() && (line[skip] == ' ' || line[skip] == '$' || line[skip] == '>'))
      ++skip;
    line.remove_prefix(skip);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#' && !ToolPseudoCall(line, knowledge)) {
      offset = at + skip;
      return std::string(line.substr(0, 60));
    }
    at = eol + 1;
  }
  return "";
}

const Regex kRun(R"((?i)\b(run|execute|invoke)\s+(the\s+)?(command\s+)?$)");
}  // namespace

void CheckShellWithoutBash(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc) || AgentHasTool(doc, ctx.knowledge, "Bash") ||
      AgentHasTool(doc, ctx.knowledge, "PowerShell")) {
    return;
  }
  Span evidence{};
  std::string command;
  for (const CodeBlock& block : doc.body().code_blocks) {
    if (!IsShellInfo(block.info) || !IsInstructionBlock(doc, block)) continue;
    size_t offset = 0;
    command = FirstCommand(SpanText(doc, block.content), offset, ctx.knowledge);
    if (command.empty()) continue;
    evidence = {block.content.begin + offset, block.content.begin + offset + command.size()};
    break;
  }
  if (command.empty()) {
    // "Run `npm test`": an inline command right after an imperative verb.
    for (const CodeSpan& code : doc.body().code_spans) {
      const size_t from = code.span.begin > 40 ? code.span.begin - 40 : 0;
      const std::string_view before = SpanText(doc, {from, code.span.begin});
      if (code.text.find(' ') == std::string::npos && code.text.find('/') == std::string::npos)
        continue;
      if (!RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kRun)) continue;
      // "Tell the user to run `npm audit`": a command for someone else.
      const size_t sentence = code.span.begin > 100 ? code.span.begin - 100 : 0;
      if (RE2::PartialMatch(std::string(SpanText(doc, {sentence, code.span.begin})),
                            R"((?i)\b(user|they|them)\b)"))
        continue;
      command = code.text;
      evidence = code.span;
      break;
    }
  }
  if (command.empty()) return;
  out.Report(evidence,
             "the body runs shell commands (`" + command +
                 "`) but the agent has neither `Bash` nor `PowerShell`",
             "add `Bash` to " + FieldRef(doc, "tools") +
                 ", or say that the commands are for the user to run");
}

}  // namespace agentlint
