#include "core/diagnostic.h"

#include <mutex>
#include <tuple>
#include <unordered_map>

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

SharedString InternHelp(std::string text) {
  if (text.empty()) return {};
  static std::mutex mutex;
  // Keyed by a view of the shared text itself, which lives as long as the table.
  static auto& texts = *new std::unordered_map<std::string_view, SharedString>();
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = texts.find(text); it != texts.end()) return it->second;
  // A long-lived process (the language server) meets ever new texts with names in them: the
  // table starts over now and then (the texts already handed out stay valid, only unshared).
  if (texts.size() >= 4096) texts.clear();
  SharedString shared(std::move(text));
  texts.emplace(std::string_view(shared.str()), shared);
  return shared;
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
