#include "output/sarif.h"

#include <filesystem>
#include <map>

#include "checks/registry.h"
#include "core/embedded.h"
#include "core/text.h"
#include "core/version.h"
#include "engine/baseline.h"
#include "output/json.h"

namespace agentlint {

namespace {

const char* Level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

// A relative URI reference for a path: `/`-separated, with reserved bytes percent-encoded.
std::string Uri(const std::string& path) {
  return PercentEncodePath(std::filesystem::path(path).lexically_normal().generic_string());
}

// SARIF messages are sentences.
std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

using Json = nlohmann::ordered_json;

Json Text(const std::string& text) { return {{"text", Sentence(text)}}; }

Json Physical(const Location& l) {
  return {{"artifactLocation", {{"uri", Uri(l.path)}, {"uriBaseId", "SRCROOT"}}},
          {"region",
           {{"startLine", l.start.line},
            {"startColumn", l.start.column},
            {"endLine", l.end.line},
            {"endColumn", l.end.column}}}};
}

// The "What it does" paragraph of a rule's doc.
std::string WhatItDoes(std::string_view doc) {
  const size_t at = doc.find("## What it does\n\n");
  if (at == std::string_view::npos) return "";
  const size_t begin = at + 17;
  const size_t end = doc.find("\n\n", begin);
  return std::string(
      doc.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
}

Json Rules(std::map<std::string_view, size_t>& index) {
  Json out = Json::array();
  for (const RuleInfo& rule : AllRules()) {
    index[rule.id] = out.size();
    const std::string doc(FindEmbedded(rule.DocPath()));
    out.push_back(
        {{"id", rule.id},
         {"name", rule.name},
         {"shortDescription", Text(std::string(rule.summary))},
         {"fullDescription", Text(WhatItDoes(doc))},
         {"help", {{"text", doc}, {"markdown", doc}}},
         {"helpUri", std::string(kHomepage) + "/blob/main/" + rule.DocPath()},
         {"defaultConfiguration", {{"level", Level(rule.severity)}, {"enabled", rule.default_on}}},
         {"properties",
          {{"category", CategoryName(rule.category)},
           {"tags", Json::array({CategoryName(rule.category)})}}}});
  }
  return out;
}

Json Result(const Diagnostic& d, const std::map<std::string_view, size_t>& index) {
  const std::string message = d.message + (d.help.empty() ? "" : ". " + d.help.str());
  Json out = {{"ruleId", d.rule->id},
              {"ruleIndex", index.at(d.rule->id)},
              {"level", Level(d.severity)},
              {"message", Text(message)},
              {"locations", Json::array({{{"physicalLocation", Physical(d.location)}}})}};
  if (!d.related.empty()) {
    Json related = Json::array();
    for (const RelatedLocation& r : d.related)
      related.push_back({{"id", related.size() + 1},
                         {"physicalLocation", Physical(r.location)},
                         {"message", Text(r.message)}});
    out["relatedLocations"] = std::move(related);
  }
  if (d.fix) {
    Json replacements = Json::array();
    for (const TextEdit& e : d.fix->edits)
      replacements.push_back(
          {{"deletedRegion",
            {{"byteOffset", e.span.begin}, {"byteLength", e.span.end - e.span.begin}}},
           {"insertedContent", {{"text", e.replacement}}}});
    out["fixes"] = Json::array(
        {{{"description", Text(d.fix->description)},
          {"artifactChanges",
           Json::array(
               {{{"artifactLocation", {{"uri", Uri(d.location.path)}, {"uriBaseId", "SRCROOT"}}},
                 {"replacements", std::move(replacements)}}})}}});
  }
  out["partialFingerprints"] = {{"agentlint/v2", Fingerprint(d)}};
  return out;
}

}  // namespace

void WriteSarif(const LintResult& result, const std::function<void(std::string_view)>& write) {
  std::map<std::string_view, size_t> index;
  Json rules = Rules(index);
  std::error_code ec;
  std::string root = std::filesystem::current_path(ec).generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  const Json run = {{"tool",
                     {{"driver",
                       {{"name", "agentlint"},
                        {"version", kVersion},
                        {"semanticVersion", kVersion},
                        {"informationUri", kHomepage},
                        {"rules", std::move(rules)}}}}},
                    {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + Uri(root)}}}}},
                    {"columnKind", "unicodeCodePoints"},
                    {"results", std::string(kStreamedArray)}};
  const Json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", Json::array({run})}};
  WriteJsonStreamed(
      out, result.diagnostics.size(),
      [&](size_t i) { return Result(result.diagnostics[i], index); }, write);
}

std::string RenderSarif(const LintResult& result) {
  std::string out;
  WriteSarif(result, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace agentlint
