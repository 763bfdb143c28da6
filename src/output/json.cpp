#include "output/json.h"

#include <array>
#include <cstdio>

#include "core/check.h"
#include "core/version.h"

namespace agentlint {

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c >= 0x80) {
          // Keep valid UTF-8; replace invalid bytes so the document stays valid JSON.
          const size_t len = Utf8SequenceLength(text, i);
          if (len == 0) {
            out += "\\ufffd";
          } else {
            out.append(text.substr(i, len));
            i += len - 1;
          }
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

namespace {

std::string Position(const Location& location) {
  return "\"path\": " + JsonString(location.path) +
         ", \"line\": " + std::to_string(location.start.line) +
         ", \"column\": " + std::to_string(location.start.column) +
         ", \"end_line\": " + std::to_string(location.end.line) +
         ", \"end_column\": " + std::to_string(location.end.column) +
         ", \"offset\": " + std::to_string(location.span.begin) +
         ", \"end_offset\": " + std::to_string(location.span.end);
}

std::string DiagnosticObject(const agentlint::Diagnostic& d) {
  std::string out = "    {" + Position(d.location);
  out += ", \"rule\": " + JsonString(d.rule->id) + ", \"name\": " + JsonString(d.rule->name);
  out += ", \"category\": " + JsonString(CategoryName(d.rule->category));
  out += ", \"severity\": " + JsonString(SeverityName(d.severity));
  out += ", \"message\": " + JsonString(d.message) + ", \"help\": " + JsonString(d.help);
  out += ", \"related\": [";
  for (size_t i = 0; i < d.related.size(); ++i) {
    out += (i ? ", {" : "{") + Position(d.related[i].location) +
           ", \"message\": " + JsonString(d.related[i].message) + "}";
  }
  out += "], \"fix\": ";
  if (!d.fix) {
    out += "null";
  } else {
    out += "{\"description\": " + JsonString(d.fix->description) +
           ", \"safe\": " + (d.fix->safe ? "true" : "false") + ", \"edits\": [";
    for (size_t i = 0; i < d.fix->edits.size(); ++i) {
      const TextEdit& e = d.fix->edits[i];
      out += (i ? ", " : "") + std::string("{\"offset\": ") + std::to_string(e.span.begin) +
             ", \"end_offset\": " + std::to_string(e.span.end) +
             ", \"replacement\": " + JsonString(e.replacement) + "}";
    }
    out += "]}";
  }
  return out + "}";
}

}  // namespace

std::string RenderJson(const LintResult& result) {
  std::array<size_t, 3> counts{};
  for (const agentlint::Diagnostic& d : result.diagnostics)
    ++counts[static_cast<size_t>(d.severity)];
  std::string out = "{\n  \"schema\": \"agentlint/v1\",\n";
  out += "  \"tool\": {\"name\": \"agentlint\", \"version\": " + JsonString(kVersion) +
         ", \"knowledge_date\": " + JsonString(kKnowledgeDate) + "},\n";
  out += "  \"files\": {\"linted\": " + std::to_string(result.files_linted) +
         ", \"skipped\": " + std::to_string(result.skipped.size()) + "},\n";
  out += "  \"summary\": {\"error\": " + std::to_string(counts[2]) +
         ", \"warning\": " + std::to_string(counts[1]) +
         ", \"info\": " + std::to_string(counts[0]) + "},\n";
  out += "  \"diagnostics\": [";
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    out += (i ? ",\n" : "\n") + DiagnosticObject(result.diagnostics[i]);
  }
  out += result.diagnostics.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace agentlint
