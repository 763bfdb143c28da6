#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// How many body lines metadata such as `**Model**: Opus` may sit in.
constexpr int kHeaderLines = 30;

// True when `from_first_word` (a line from its first letter or digit on) starts with `word`
// (lower-case) in any case: the cheap test before the line's regex.
bool StartsWithWord(std::string_view from_first_word, std::string_view word) {
  return from_first_word.size() >= word.size() &&
         ContainsLower(from_first_word.substr(0, word.size()), word);
}

const Regex kModel(R"((?i)^\W*model\W*:\s*\**\s*([A-Za-z][\w .-]*?)\s*\**\s*$)");

// `line` at `offset` of the file; `first_word`: the line from its first letter or digit on.
void CheckModel(const FileContext& ctx, Reporter& out, std::string_view line, size_t offset,
                std::string_view first_word) {
  std::string stated;
  if (!StartsWithWord(first_word, "model") ||
      !RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kModel, &stated))
    return;
  const YamlNode* model = ScalarField(ctx.doc, "model");
  const std::string actual = model ? Lower(model->value) : "inherit";
  const std::string said = Lower(stated);
  // Agreement when either names the other ("Claude Sonnet 4" vs `sonnet`).
  if (said.find(actual) != std::string::npos || actual.find(said) != std::string::npos) return;
  const size_t at = offset + line.find(stated);
  out.Report({at, at + stated.size()},
             "the body says the model is `" + stated + "`, but the front matter " +
                 (model ? "sets `model: " + model->value + "`" : "sets no `model` (inherit)"),
             "make them agree: the front matter decides");
}

const Regex kTools(R"((?i)^\W*(?:allowed )?tools\W*:\s*\**\s*(.+?)\s*$)");

void CheckTools(const FileContext& ctx, Reporter& out, std::string_view line, size_t offset,
                std::string_view first_word) {
  std::string stated;
  if ((!StartsWithWord(first_word, "tools") && !StartsWithWord(first_word, "allowed tools")) ||
      !RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kTools, &stated))
    return;
  const ToolList declared = ctx.doc.Tools("tools");
  if (!declared.node) return;  // nothing to compare with
  std::vector<std::string> granted;
  for (const ToolEntry& entry : declared.entries)
    granted.push_back(CanonicalToolName(ctx.knowledge, entry, true));
  std::vector<std::string> extra;
  size_t start = 0;
  while (start <= stated.size()) {
    size_t comma = stated.find(',', start);
    if (comma == std::string::npos) comma = stated.size();
    std::string name(Trim(std::string_view(stated).substr(start, comma - start)));
    while (!name.empty() && (name.front() == '`' || name.front() == '*')) name.erase(0, 1);
    while (!name.empty() && (name.back() == '`' || name.back() == '*')) name.pop_back();
    const ToolRef ref = ResolveTool(ctx.knowledge, name, false);
    // Only names that are tools: "Tools: whatever the task needs" is prose, not a list.
    if (ref.kind == ToolRef::kBuiltin && !Contains(granted, ref.tool->name))
      extra.push_back(ref.tool->name);
    start = comma + 1;
  }
  if (extra.empty()) return;
  const size_t at = offset + line.find(stated);
  out.Report({at, at + stated.size()},
             "the body lists " + JoinCode(extra, " and ") + " as tools, but " +
                 FieldRef(ctx.doc, "tools") + " does not grant " +
                 (extra.size() == 1 ? "it" : "them"),
             "make them agree: the front matter decides what the agent gets");
}

}  // namespace

void CheckMetadataDrift(const FileContext& ctx, Reporter& out) {
  const SourceFile& source = ctx.doc.source();
  const int first = source.Locate(ctx.doc.body().span.begin).line;
  const int last = std::min(first + kHeaderLines - 1, source.line_count());
  for (int line = first; line <= last; ++line) {
    const std::string_view text = source.LineText(line);
    size_t i = 0;
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    const std::string_view first_word = text.substr(i);
    // "model", "tools", "allowed tools": most lines start with none of their letters.
    const char initial =
        first_word.empty()
            ? '\0'
            : static_cast<char>(std::tolower(static_cast<unsigned char>(first_word[0])));
    if (initial != 'm' && initial != 't' && initial != 'a') continue;
    const size_t offset = source.LineStart(line);
    CheckModel(ctx, out, text, offset, first_word);
    CheckTools(ctx, out, text, offset, first_word);
  }
}

}  // namespace agentlint
