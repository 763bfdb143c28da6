#include "core/check.h"

#include <algorithm>

namespace agentlint {

const char* CategoryName(Category category) {
  switch (category) {
    case Category::kInput:
      return "input";
    case Category::kFrontMatter:
      return "frontmatter";
    case Category::kBody:
      return "body";
    case Category::kConsistency:
      return "consistency";
    case Category::kProject:
      return "project";
    case Category::kSecurity:
      return "security";
    case Category::kEngine:
      return "engine";
  }
  return "engine";
}

std::string RuleInfo::DocPath() const {
  std::string file(name);
  std::replace(file.begin(), file.end(), '-', '_');
  return "src/checks/" + std::string(CategoryName(category)) + "/" + file + ".md";
}

Location MakeLocation(const SourceFile& source, Span span) {
  span.begin = std::min(span.begin, source.size());
  span.end = std::clamp(span.end, span.begin, source.size());
  return {source.shared_path(), span, source.Locate(span.begin), source.Locate(span.end)};
}

void SetLineText(Diagnostic& d, const SourceFile& source) {
  // Up to kContext code points on each side of the span's start, cut at sequence boundaries.
  constexpr size_t kContext = 512;
  const std::string_view text = source.text();
  const int line = d.location.start.line;
  const size_t line_begin = source.LineStart(line);
  const size_t line_end = source.LineContentEnd(line);
  const size_t at = std::clamp(d.location.span.begin, line_begin, line_end);
  size_t begin = at;
  for (size_t n = 0; begin > line_begin && n < kContext; ++n) {
    --begin;
    while (begin > line_begin && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80 &&
           at - begin < 4 * kContext)
      --begin;
  }
  size_t end = at;
  for (size_t n = 0; end < line_end && n < kContext; ++n) {
    const size_t len = Utf8SequenceLength(text, end);
    end = std::min(line_end, end + (len == 0 ? 1 : len));
  }
  d.line_text = std::string(text.substr(begin, end - begin));
  d.line_text_offset = begin;
  d.line_text_cut = end < line_end;
}

Diagnostic& ProjectReporter::Report(const Anchor& at, std::string message, std::string help) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.location = at.location;
  d.line_text = at.line_text;
  d.line_text_offset = at.line_text_offset;
  d.line_text_cut = at.line_text_cut;
  d.message = std::move(message);
  d.help = InternHelp(std::move(help));
  out_.push_back(std::move(d));
  return out_.back();
}

Diagnostic& Reporter::Report(Span span, std::string message, std::string help) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.location = MakeLocation(doc_.source(), span);
  SetLineText(d, doc_.source());
  d.message = std::move(message);
  d.help = InternHelp(std::move(help));
  out_.push_back(std::move(d));
  return out_.back();
}

}  // namespace agentlint
