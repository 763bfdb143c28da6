#include "output/sarif.h"

#include <filesystem>
#include <map>

#include "checks/registry.h"
#include "core/embedded.h"
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
  std::string out;
  for (unsigned char c : std::filesystem::path(path).lexically_normal().generic_string()) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// SARIF messages are sentences.
std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

std::string Text(const std::string& text) {
  return "{\"text\": " + JsonString(Sentence(text)) + "}";
}

std::string Region(const Location& l) {
  return "{\"startLine\": " + std::to_string(l.start.line) +
         ", \"startColumn\": " + std::to_string(l.start.column) +
         ", \"endLine\": " + std::to_string(l.end.line) +
         ", \"endColumn\": " + std::to_string(l.end.column) + "}";
}

std::string Physical(const Location& l) {
  return "{\"artifactLocation\": {\"uri\": " + JsonString(Uri(l.path)) +
         ", \"uriBaseId\": \"SRCROOT\"}, \"region\": " + Region(l) + "}";
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

std::string Rules(std::map<std::string_view, size_t>& index) {
  std::string out = "[";
  size_t i = 0;
  for (const RuleInfo& rule : AllRules()) {
    index[rule.id] = i;
    const std::string_view doc = FindEmbedded(rule.DocPath());
    out +=
        std::string(i++ ? ",\n        " : "\n        ") + "{\"id\": " + JsonString(rule.id) +
        ", \"name\": " + JsonString(rule.name) +
        ", \"shortDescription\": " + Text(std::string(rule.summary)) +
        ", \"fullDescription\": " + Text(WhatItDoes(doc)) +
        ", \"help\": {\"text\": " + JsonString(doc) + ", \"markdown\": " + JsonString(doc) +
        "}, \"helpUri\": " + JsonString(std::string(kHomepage) + "/blob/main/" + rule.DocPath()) +
        ", \"defaultConfiguration\": {\"level\": \"" + Level(rule.severity) +
        "\", \"enabled\": " + (rule.default_on ? "true" : "false") +
        "}, \"properties\": {\"category\": " + JsonString(CategoryName(rule.category)) +
        ", \"tags\": [" + JsonString(CategoryName(rule.category)) + "]}}";
  }
  return out + "\n      ]";
}

std::string Result(const Diagnostic& d, const std::map<std::string_view, size_t>& index) {
  std::string message = d.message + (d.help.empty() ? "" : ". " + d.help);
  std::string out = "{\"ruleId\": " + JsonString(d.rule->id) +
                    ", \"ruleIndex\": " + std::to_string(index.at(d.rule->id)) + ", \"level\": \"" +
                    Level(d.severity) + "\", \"message\": " + Text(message) +
                    ", \"locations\": [{\"physicalLocation\": " + Physical(d.location) + "}]";
  if (!d.related.empty()) {
    out += ", \"relatedLocations\": [";
    for (size_t i = 0; i < d.related.size(); ++i) {
      out += std::string(i ? ", " : "") + "{\"id\": " + std::to_string(i + 1) +
             ", \"physicalLocation\": " + Physical(d.related[i].location) +
             ", \"message\": " + Text(d.related[i].message) + "}";
    }
    out += "]";
  }
  if (d.fix) {
    out += ", \"fixes\": [{\"description\": " + Text(d.fix->description) +
           ", \"artifactChanges\": [{\"artifactLocation\": {\"uri\": " +
           JsonString(Uri(d.location.path)) + ", \"uriBaseId\": \"SRCROOT\"}, \"replacements\": [";
    for (size_t i = 0; i < d.fix->edits.size(); ++i) {
      const TextEdit& e = d.fix->edits[i];
      out += std::string(i ? ", " : "") +
             "{\"deletedRegion\": {\"byteOffset\": " + std::to_string(e.span.begin) +
             ", \"byteLength\": " + std::to_string(e.span.end - e.span.begin) +
             "}, \"insertedContent\": {\"text\": " + JsonString(e.replacement) + "}}";
    }
    out += "]}]}]";
  }
  out += ", \"partialFingerprints\": {\"agentlint/v2\": \"" + Fingerprint(d) + "\"}}";
  return out;
}

}  // namespace

std::string RenderSarif(const LintResult& result) {
  std::map<std::string_view, size_t> index;
  const std::string rules = Rules(index);
  std::error_code ec;
  std::string root = std::filesystem::current_path(ec).generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  std::string out =
      "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": "
      "\"2.1.0\",\n";
  out += "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"agentlint\", \"version\": " +
         JsonString(kVersion) + ", \"semanticVersion\": " + JsonString(kVersion) +
         ", \"informationUri\": " + JsonString(kHomepage) + ", \"rules\": " + rules + "}},\n";
  out +=
      "    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": " + JsonString("file://" + Uri(root)) +
      "}},\n";
  out += "    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [";
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    out += (i ? ",\n      " : "\n      ") + Result(result.diagnostics[i], index);
  }
  out += result.diagnostics.empty() ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n";
  return out;
}

}  // namespace agentlint
