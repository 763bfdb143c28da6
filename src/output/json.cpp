#include "output/json.h"

#include <array>

#include "core/check.h"
#include "core/version.h"

namespace agentlint {

namespace {

using Json = nlohmann::ordered_json;

Json Position(const Location& location) {
  return {{"path", location.path},
          {"line", location.start.line},
          {"column", location.start.column},
          {"end_line", location.end.line},
          {"end_column", location.end.column},
          {"offset", location.span.begin},
          {"end_offset", location.span.end}};
}

Json DiagnosticObject(const agentlint::Diagnostic& d) {
  Json out = Position(d.location);
  out["rule"] = d.rule->id;
  out["name"] = d.rule->name;
  out["category"] = CategoryName(d.rule->category);
  out["severity"] = SeverityName(d.severity);
  out["message"] = d.message;
  out["help"] = d.help;
  Json related = Json::array();
  for (const RelatedLocation& r : d.related) {
    Json one = Position(r.location);
    one["message"] = r.message;
    related.push_back(std::move(one));
  }
  out["related"] = std::move(related);
  out["fix"] = nullptr;
  if (d.fix) {
    Json edits = Json::array();
    for (const TextEdit& e : d.fix->edits)
      edits.push_back(
          {{"offset", e.span.begin}, {"end_offset", e.span.end}, {"replacement", e.replacement}});
    out["fix"] = {
        {"description", d.fix->description}, {"safe", d.fix->safe}, {"edits", std::move(edits)}};
  }
  return out;
}

}  // namespace

std::string DumpJson(const nlohmann::ordered_json& json, int indent) {
  // Text from a file may hold invalid UTF-8: it becomes U+FFFD rather than an exception.
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string RenderJson(const LintResult& result) {
  std::array<size_t, 3> counts{};
  for (const agentlint::Diagnostic& d : result.diagnostics)
    ++counts[static_cast<size_t>(d.severity)];
  Json diagnostics = Json::array();
  for (const agentlint::Diagnostic& d : result.diagnostics)
    diagnostics.push_back(DiagnosticObject(d));
  const Json out = {
      {"schema", "agentlint/v1"},
      {"tool", {{"name", "agentlint"}, {"version", kVersion}, {"knowledge_date", kKnowledgeDate}}},
      {"files", {{"linted", result.files_linted}, {"skipped", result.skipped.size()}}},
      {"summary", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
      {"diagnostics", std::move(diagnostics)}};
  return DumpJson(out, 2) + "\n";
}

}  // namespace agentlint
