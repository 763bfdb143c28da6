#include "output/text.h"

#include <algorithm>
#include <array>

#include "core/check.h"

namespace agentlint {

namespace {

struct Style {
  bool on;
  std::string Wrap(const char* code, const std::string& text) const {
    return on ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  }
};

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "1;31";
    case Severity::kWarning:
      return "1;33";
    case Severity::kInfo:
      return "1;36";
  }
  return "0";
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The part of `line` to show (by code point index), so the column stays visible.
std::string Window(std::string_view line, size_t first, size_t count) {
  std::string out;
  size_t index = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (lead && i > 0) ++index;
    if (index >= first && index < first + count) out += line[i] == '\t' ? ' ' : line[i];
  }
  return out;
}

void AppendFrame(std::string& out, const Diagnostic& d, const Style& style, size_t frame_width) {
  const std::string line_no = std::to_string(d.location.start.line);
  const std::string pad(line_no.size(), ' ');
  const std::string& line = d.line_text;
  const size_t total = CodePoints(line);
  const size_t column = static_cast<size_t>(d.location.start.column - 1);
  size_t first = 0;
  if (total > frame_width && column > frame_width / 2)
    first = std::min(column - frame_width / 2, total - std::min(total, frame_width));
  std::string shown = Window(line, first, frame_width);
  const std::string prefix = first > 0 ? "…" : "";
  const std::string suffix = first + frame_width < total ? "…" : "";
  out += style.Wrap("1;34", " " + line_no + " |") + " " + prefix + shown + suffix + "\n";
  size_t width = 1;
  if (d.location.end.line == d.location.start.line &&
      d.location.end.column > d.location.start.column) {
    width = static_cast<size_t>(d.location.end.column - d.location.start.column);
  } else if (d.location.end.line > d.location.start.line && total > column) {
    width = total - column;
  }
  const size_t caret_at = column - first + CodePoints(prefix);
  width =
      std::max<size_t>(1, std::min(width, frame_width + 1 - std::min(frame_width, column - first)));
  out += style.Wrap("1;34", " " + pad + " |") + " " + std::string(caret_at, ' ') +
         style.Wrap(SeverityColor(d.severity), std::string(width, '^')) + "\n";
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string CountSummary(const LintResult& result) {
  std::array<size_t, 3> counts{};
  for (const Diagnostic& d : result.diagnostics) ++counts[static_cast<size_t>(d.severity)];
  std::vector<std::string> parts;
  if (counts[2]) parts.push_back(Plural(counts[2], "error"));
  if (counts[1]) parts.push_back(Plural(counts[1], "warning"));
  if (counts[0]) parts.push_back(Plural(counts[0], "info"));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string RenderText(const LintResult& result, const TextOptions& options) {
  const Style style{options.color};
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    const std::string where = d.location.path + ":" + std::to_string(d.location.start.line) + ":" +
                              std::to_string(d.location.start.column) + ":";
    out += style.Wrap("1", where) + " " +
           style.Wrap(SeverityColor(d.severity), SeverityName(d.severity)) + ": " + d.message +
           " " +
           style.Wrap("2", "[" + std::string(d.rule->id) + " " + std::string(d.rule->name) + "]") +
           "\n";
    if (options.quiet) continue;
    AppendFrame(out, d, style, std::max<size_t>(20, options.frame_width));
    const std::string pad(std::to_string(d.location.start.line).size() + 1, ' ');
    if (!d.help.empty()) out += pad + " = " + style.Wrap("1", "help") + ": " + d.help + "\n";
    for (const RelatedLocation& r : d.related) {
      out += pad + " = " + style.Wrap("1", "note") + ": " + r.location.path + ":" +
             std::to_string(r.location.start.line) + ":" + std::to_string(r.location.start.column) +
             ": " + r.message + "\n";
    }
    out += "\n";
  }
  if (options.quiet) return out;
  const std::string files = Plural(result.files_linted, "agent file");
  const std::string skipped = result.skipped.empty()
                                  ? ""
                                  : " (" + std::to_string(result.skipped.size()) +
                                        " other Markdown file" +
                                        (result.skipped.size() == 1 ? "" : "s") + " skipped)";
  if (result.diagnostics.empty()) {
    out += style.Wrap("1;32", "No problems found") + " in " + files + skipped + ".\n";
  } else {
    out += "Found " + CountSummary(result) + " in " + files + skipped + ".\n";
  }
  return out;
}

}  // namespace agentlint
