#include <re2/re2.h>

#include <cctype>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {
// The gap between the verb and the file is at most 80 characters: counted in code, not in the
// regex, whose automaton a counted gap would make build a state at almost every byte.
constexpr size_t kMaxGap = 80;
const Regex kEdit(
    R"(^(?:\s*(?:[-*+]|\d+[.)])\s+)?(?:\*\*)?(Create|Write|Update|Modify|Edit|Save|Append|Add|Generate|Rewrite|Refactor|Apply|Patch|Implement)\b([^.\n]*?)\b(files?|\S+\.(?:py|ts|tsx|js|jsx|md|json|ya?ml|go|rs|java|rb|sql|toml|css|html|sh|cpp|h|c|cs|kt|swift))\b)");

bool Re2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// True when `text` opens with one of kEdit's verbs where the pattern puts it: at the start, or
// after a list marker and spaces, each then after an optional `**`; the verb a whole word (`\b`,
// ASCII). Most prose lines fail this, and are not given to the regex.
bool OpensWithVerb(std::string_view text) {
  const auto verb_at = [&](size_t i) {
    if (text.substr(i, 2) == "**") i += 2;
    if (i >= text.size() || text[i] < 'A' || text[i] > 'W') return false;
    static constexpr std::string_view kVerbs[] = {
        "Create", "Write",    "Update",  "Modify",   "Edit",  "Save",  "Append",
        "Add",    "Generate", "Rewrite", "Refactor", "Apply", "Patch", "Implement"};
    for (const std::string_view verb : kVerbs) {
      if (verb[0] != text[i] || text.compare(i, verb.size(), verb) != 0) continue;
      const size_t end = i + verb.size();
      if (end == text.size()) return true;
      const char next = text[end];
      return !std::isalnum(static_cast<unsigned char>(next)) && next != '_';
    }
    return false;
  };
  if (verb_at(0)) return true;
  size_t i = 0;
  while (i < text.size() && Re2Space(text[i])) ++i;
  if (i < text.size() && (text[i] == '-' || text[i] == '*' || text[i] == '+')) {
    ++i;
  } else {
    const size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || i == text.size() || (text[i] != '.' && text[i] != ')')) return false;
    ++i;
  }
  const size_t spaces = i;
  while (i < text.size() && Re2Space(text[i])) ++i;
  return i > spaces && verb_at(i);
}

}  // namespace

void CheckEditsWithoutWriteTools(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc)) return;
  for (const char* tool : {"Write", "Edit", "NotebookEdit"}) {
    if (AgentHasTool(doc, ctx.knowledge, tool)) return;
  }
  // An instruction that starts with a file-changing verb and names a file or a path.
  for (const ProseLine& line : ProseLines(ctx)) {
    if (!OpensWithVerb(line.text)) continue;
    re2::StringPiece input(line.text.data(), line.text.size());
    std::string verb, middle, object;
    if (!RE2::PartialMatch(input, kEdit, &verb, &middle, &object)) continue;
    size_t gap = 0;  // in characters, as `{0,80}` would count them
    for (const char c : middle) gap += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (gap > kMaxGap) continue;
    if (middle.find(" report") != std::string::npos || middle.find("summary") != std::string::npos)
      continue;
    out.Report(line.span,
               "the body tells the agent to " + Lower(verb) +
                   " files, but it has no `Write`, `Edit` or `NotebookEdit`",
               "add `Write` and `Edit` to " + FieldRef(doc, "tools") +
                   ", or have the agent return the change for its caller to apply");
    return;
  }
}

}  // namespace agentlint
