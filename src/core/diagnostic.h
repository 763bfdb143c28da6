// One finding: which rule, how severe, where (byte span plus resolved line and column), what is
// wrong, what to do, other locations involved, and an optional fix made of byte edits.
#pragma once

#include <memory>
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
  SharedPath path;
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

// An optional value kept on the heap: one pointer in the object that holds it. A finding holds
// its fix so (most findings have none, and every finding is kept until the run's end); it reads
// like std::optional: `if (d.fix)`, `d.fix->edits`, `d.fix = Fix{...}`.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: like optional
  Boxed(const Boxed& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  explicit operator bool() const { return value_ != nullptr; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

 private:
  std::unique_ptr<T> value_;
};

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kWarning;
  Location location;
  // The first source line of the span, for the code frame and the baseline: the whole line, or
  // on a very long line a window of it around the span (a finding never holds a megabyte).
  // Shared with the anchor it was made from: a project finding does not copy its line.
  SharedString line_text;
  size_t line_text_offset = 0;  // where line_text starts in the file (bytes)
  bool line_text_cut = false;   // the line goes on after line_text
  std::string message;
  // What to do. Findings repeat their rule's help (a big folder's thousands of findings hold a
  // few hundred texts): set it with InternHelp, which holds each distinct text once.
  SharedString help;
  std::vector<RelatedLocation> related;
  Boxed<Fix> fix;
};

// The one shared copy of `text` among the help texts findings hold (thread-safe; the table is
// the process's, started over past 4,096 texts).
SharedString InternHelp(std::string text);

// Sort order of all output: path, line, column, rule id, message.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace agentlint
