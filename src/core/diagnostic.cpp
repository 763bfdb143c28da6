#include "core/diagnostic.h"

#include <tuple>

#include "core/check.h"

namespace agentlint {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  const auto key = [](const Diagnostic& d) {
    return std::make_tuple(std::string_view(d.location.path), d.location.start.line,
                           d.location.start.column, d.rule ? d.rule->id : std::string_view(),
                           std::string_view(d.message));
  };
  return key(a) < key(b);
}

}  // namespace agentlint
