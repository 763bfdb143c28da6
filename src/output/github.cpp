#include "output/github.h"

#include "core/check.h"
#include "core/text.h"

namespace agentlint {

std::string EscapeGithubData(std::string_view text) {
  std::string out;
  // Control characters reach the job log, which a terminal-like viewer renders: make them
  // visible first (CR and LF are kept, and encoded below).
  for (char c : EscapeControl(text, "\r\n")) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeGithubProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeGithubData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string RenderGithub(const LintResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    const char* command = d.severity == Severity::kError     ? "error"
                          : d.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    const Location& l = d.location;
    out += std::string("::") + command + " file=" + EscapeGithubProperty(l.path) +
           ",line=" + std::to_string(l.start.line) + ",col=" + std::to_string(l.start.column) +
           ",endLine=" + std::to_string(l.end.line) + ",endColumn=" + std::to_string(l.end.column) +
           ",title=" +
           EscapeGithubProperty(std::string(d.rule->id) + " " + std::string(d.rule->name)) +
           "::" + EscapeGithubData(d.message + (d.help.empty() ? "" : "\n" + d.help.str())) + "\n";
  }
  return out;
}

}  // namespace agentlint
