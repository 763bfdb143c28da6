#include "core/baseline.h"

#include <re2/re2.h>

#include <cstdio>

#include "core/check.h"
#include "core/text.h"
#include "output/json.h"

namespace agentlint {

namespace {

// The flagged text when the finding lies on one line (columns are code points), else "".
std::string_view FlaggedText(const Diagnostic& d) {
  if (d.location.start.line != d.location.end.line) return {};
  const std::string_view line = d.line_text;
  size_t begin = line.size();
  size_t end = line.size();
  int column = 1;
  for (size_t i = 0; i <= line.size(); ++column) {
    if (column == d.location.start.column) begin = i;
    if (column == d.location.end.column) end = i;
    if (i == line.size()) break;
    const size_t len = Utf8SequenceLength(line, i);
    i += len == 0 ? 1 : len;
  }
  return begin <= end ? line.substr(begin, end - begin) : std::string_view();
}

}  // namespace

std::string Fingerprint(const Diagnostic& d) {
  // FNV-1a 64 over rule, path, the flagged line (trimmed) and the flagged text: not the line or
  // column numbers, which unrelated edits move.
  uint64_t hash = 1469598103934665603ull;
  const auto mix = [&](std::string_view part) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;
    hash *= 1099511628211ull;
  };
  mix(d.rule ? d.rule->id : "");
  mix(d.location.path);
  mix(Trim(d.line_text));
  mix(FlaggedText(d));
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string BaselineJson(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "{\n  \"schema\": \"agentlint-baseline/v1\",\n  \"findings\": [";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    out += std::string(i ? ",\n" : "\n") + "    {\"fingerprint\": \"" + Fingerprint(d) +
           "\", \"rule\": " + JsonString(d.rule->id) +
           ", \"path\": " + JsonString(d.location.path) +
           ", \"line\": " + std::to_string(d.location.start.line) + "}";
  }
  out += diagnostics.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

bool ParseBaseline(const std::string& text, std::map<std::string, int>& counts,
                   std::string& error) {
  if (text.find("\"schema\": \"agentlint-baseline/v1\"") == std::string::npos) {
    error = "not an agentlint baseline (schema agentlint-baseline/v1)";
    return false;
  }
  static const RE2 kFingerprint(R"re("fingerprint": "([0-9a-f]{16})")re");
  re2::StringPiece input(text);
  std::string fingerprint;
  while (RE2::FindAndConsume(&input, kFingerprint, &fingerprint)) ++counts[fingerprint];
  return true;
}

void ApplyBaseline(std::vector<Diagnostic>& diagnostics, std::map<std::string, int> counts) {
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diagnostics) {
    int& left = counts[Fingerprint(d)];
    if (left > 0) {
      --left;
      continue;
    }
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

}  // namespace agentlint
