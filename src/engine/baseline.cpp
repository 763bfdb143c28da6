#include "engine/baseline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "core/check.h"
#include "core/text.h"

namespace agentlint {

namespace {

// Code points of context kept on each side of the flagged text.
constexpr int kNeighbourhood = 12;

// Byte offset in `line` of the code point `count` positions after `from` (or before, when
// negative), clamped to the line.
size_t StepCodePoints(std::string_view line, size_t from, int count) {
  size_t i = from;
  for (; count > 0 && i < line.size(); --count) {
    const size_t len = Utf8SequenceLength(line, i);
    i += len == 0 ? 1 : len;
  }
  for (; count < 0 && i > 0; ++count) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
  }
  return std::min(i, line.size());
}

}  // namespace

std::string Fingerprint(const Diagnostic& d) {
  // FNV-1a 64 over the rule, the path, the flagged text and a few characters around it on its
  // line: not line or column numbers (edits above move them) and not the rest of the line (an
  // edit elsewhere on the line keeps the finding matched).
  const std::string_view line = d.line_text;
  const size_t begin = std::min(
      line.size(), d.location.span.begin - std::min(d.location.span.begin, d.line_text_offset));
  const size_t end = std::clamp(
      d.location.span.end - std::min(d.location.span.end, d.line_text_offset), begin, line.size());
  const std::string_view flagged = line.substr(begin, end - begin);
  const size_t before = StepCodePoints(line, begin, -kNeighbourhood);
  const size_t after = StepCodePoints(line, end, kNeighbourhood);
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
  mix(flagged);
  mix(Trim(line.substr(before, begin - before)));
  mix(Trim(line.substr(end, after - end)));
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string BaselineJson(const std::vector<Diagnostic>& diagnostics) {
  using Json = nlohmann::ordered_json;
  Json findings = Json::array();
  for (const Diagnostic& d : diagnostics) {
    findings.push_back({{"fingerprint", Fingerprint(d)},
                        {"rule", d.rule->id},
                        {"path", d.location.path},
                        {"line", d.location.start.line}});
  }
  const Json out = {{"schema", "agentlint-baseline/v2"}, {"findings", findings}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

bool ParseBaseline(const std::string& text, std::map<std::string, int>& counts,
                   std::string& error) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  const auto schema = json.is_object() ? json.value("schema", "") : std::string();
  if (schema == "agentlint-baseline/v1") {
    error =
        "a baseline of an older agentlint (v1 fingerprints): record it again with "
        "--write-baseline";
    return false;
  }
  if (schema != "agentlint-baseline/v2" || !json.contains("findings") ||
      !json["findings"].is_array()) {
    error = "not an agentlint baseline (schema agentlint-baseline/v2)";
    return false;
  }
  for (const auto& finding : json["findings"]) {
    if (finding.is_object() && finding.contains("fingerprint") &&
        finding["fingerprint"].is_string())
      ++counts[finding["fingerprint"].get<std::string>()];
  }
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
