#include <re2/re2.h>

#include <cctype>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// How many body lines metadata such as `**Model**: Opus` may sit in.
constexpr int kHeaderLines = 30;

// True when the line's first word, after punctuation, starts with `word` (lower-case) in any
// case: the cheap test before the line's regex.
bool FirstWordIs(std::string_view line, std::string_view word) {
  size_t i = 0;
  while (i < line.size() && !std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
  return ContainsLower(line.substr(i, word.size()), word);
}

const Regex kModel(R"((?i)^\W*model\W*:\s*\**\s*([A-Za-z][\w .-]*?)\s*\**\s*$)");

void CheckModel(const FileContext& ctx, Reporter& out, std::string_view line, size_t offset) {
  std::string stated;
  if (!FirstWordIs(line, "model") ||
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

void CheckTools(const FileContext& ctx, Reporter& out, std::string_view line, size_t offset) {
  std::string stated;
  if ((!FirstWordIs(line, "tools") && !FirstWordIs(line, "allowed tools")) ||
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
  for (int line = first; line < first + kHeaderLines && line <= source.line_count(); ++line) {
    CheckModel(ctx, out, source.LineText(line), source.LineStart(line));
    CheckTools(ctx, out, source.LineText(line), source.LineStart(line));
  }
}

}  // namespace agentlint
