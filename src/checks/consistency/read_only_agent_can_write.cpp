#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {

// Why the agent can write, or "" when it cannot.
std::string WriteAccess(const AgentDoc& doc, const Knowledge& knowledge) {
  if (const YamlNode* mode = ScalarField(doc, "permissionMode")) {
    if (mode->value == "acceptEdits" || mode->value == "bypassPermissions") {
      return "`permissionMode: " + mode->value + "` accepts edits";
    }
  }
  if (doc.Field("memory")) return "`memory` grants `Write` and `Edit`";
  for (const char* tool : {"Write", "Edit", "NotebookEdit"}) {
    if (!AgentHasTool(doc, knowledge, tool)) continue;
    return ToolsDeclared(doc) ? "`tools` grants `" + std::string(tool) + "`"
                              : "`tools` is omitted, so it inherits `" + std::string(tool) + "`";
  }
  return "";
}

// A promise about the agent itself, not "read-only parameters" or "read-only access" in code.
// The one pass looks for its cores only ("read-only", "modify any files"): the words before
// them, matched from the start of every word, would cost the pass more than this rule saves.
const ScanPattern kPromise(
    R"((?i)(\b(?:you are|you're|this agent is|the agent is|agent is|operates? in|works? in|stays?|remains?|strictly|purely|always)\s+(?:an?\s+)?read[- ]only\b|\bread[- ]only\s+(?:agent|mode|reviewer|auditor|analy\w+|role|review)\b|\b(?:never|do not|don't|must not|does not|doesn't|will not|won't|cannot|can't)\s+(?:modify|edit|change|write|alter|touch)\s+(?:any\s+)?(?:files?|code|the code(?:base)?|source(?: code)?)\b))",
    R"((?i)\bread[- ]only\b|\b(?:modify|edit|change|write|alter|touch)\s+(?:any\s+)?(?:files?|code|the code(?:base)?|source(?: code)?)\b)");

const Regex kNegated(R"((?i)\bnot\s+(a\s+)?read[- ]only\b)");
const Regex kHedge(R"(^\W{0,3}(unless|except|logic|without (your|explicit)))");
const Regex kAboutCode(R"((?i)\b(code|source)\b)");
const Regex kReadOnly(R"((?i)read[- ]only)");
const Regex kWritesOther(
    R"((?i)\b(?:writes?|creates?|generates?|produces?|adds?)\s+(?:\S+\s+){0,3}?(?:tests?|specs?|docs?|documentation|reports?|migrations?|fixtures?)\b)");
}  // namespace

void CheckReadOnlyAgentCanWrite(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  Span promise{};
  std::string words;
  const auto search = [&](Span span) {
    const std::string_view text = SpanText(doc, span);
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(input, kPromise.re(), &match) || RE2::PartialMatch(input, kNegated))
      return false;
    const size_t at = static_cast<size_t>(match.data() - text.data());
    // "does not modify files unless asked", "do not modify source code logic": conditional.
    const std::string_view after = text.substr(at + match.size(), 40);
    if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kHedge)) return false;
    promise = {span.begin + at, span.begin + at + match.size()};
    words = std::string(match.data(), match.size());
    return true;
  };
  const YamlNode* description = ScalarField(doc, "description");
  if (!Saw(ctx, kPromise)) return;  // the description and the body hold no promise
  bool found = description && search(description->span);
  for (const ProseLine& line : ProseLines(ctx)) {
    if (found) break;
    found = search(line.span);
  }
  if (!found) return;
  // "Does not touch source code" in an agent that writes tests or docs: the promise is about
  // the code under work, not about files in general, and its job needs Write.
  if (!RE2::PartialMatch(words, kReadOnly) && RE2::PartialMatch(words, kAboutCode)) {
    const std::string_view what =
        description ? SpanText(doc, description->span) : std::string_view{};
    if (RE2::PartialMatch(re2::StringPiece(what.data(), what.size()), kWritesOther)) return;
    for (const ProseLine& line : ProseLines(ctx)) {
      if (RE2::PartialMatch(re2::StringPiece(line.text.data(), line.text.size()), kWritesOther))
        return;
    }
  }
  const std::string access = WriteAccess(doc, ctx.knowledge);
  if (access.empty()) return;
  while (!words.empty() && !std::isalpha(static_cast<unsigned char>(words.front())))
    words.erase(0, 1);
  if (!words.empty() && promise.begin < promise.end &&
      !std::isalpha(static_cast<unsigned char>(SpanText(doc, promise).front()))) {
    promise.begin = promise.end - words.size();
  }
  out.Report(promise, "the agent promises \"" + words + "\" but can write files: " + access,
             "limit " + FieldRef(doc, "tools") +
                 " to read-only tools such as `Read, Grep, Glob`, or add `disallowedTools: Write, "
                 "Edit, NotebookEdit`");
}

}  // namespace agentlint
