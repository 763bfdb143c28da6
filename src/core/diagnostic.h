// One finding: which rule, how severe, where (byte span plus resolved line and column), what is
// wrong, what to do, other locations involved, and an optional fix made of byte edits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace agentlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
const char* SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

struct RuleInfo;

struct Location {
  std::string path;
  Span span;
  LineCol start;
  LineCol end;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

// Replace the bytes of `span` with `replacement`.
struct TextEdit {
  Span span;
  std::string replacement;
};

struct Fix {
  std::string description;
  std::vector<TextEdit> edits;
  bool safe = true;
};

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kWarning;
  Location location;
  // The first source line of the span, for the code frame and the baseline: the whole line, or
  // on a very long line a window of it around the span (a finding never holds a megabyte).
  std::string line_text;
  size_t line_text_offset = 0;  // where line_text starts in the file (bytes)
  bool line_text_cut = false;   // the line goes on after line_text
  std::string message;
  std::string help;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
};

// Sort order of all output: path, line, column, rule id, message.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace agentlint
