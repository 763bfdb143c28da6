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
  return {source.path(), span, source.Locate(span.begin), source.Locate(span.end)};
}

Diagnostic& ProjectReporter::Report(const AgentDoc& doc, Span span, std::string message,
                                    std::string help) {
  Reporter reporter(rule_, doc, out_);
  return reporter.Report(span, std::move(message), std::move(help));
}

Diagnostic& Reporter::Report(Span span, std::string message, std::string help) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.location = MakeLocation(doc_.source(), span);
  d.line_text = std::string(doc_.source().LineText(d.location.start.line));
  d.message = std::move(message);
  d.help = std::move(help);
  out_.push_back(std::move(d));
  return out_.back();
}

}  // namespace agentlint
