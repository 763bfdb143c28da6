#include "output/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <iomanip>
#include <iterator>
#include <map>
#include <sstream>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/text.h"
#include "engine/parallel.h"

namespace agentlint {

namespace {

struct Style {
  bool on;
  std::string Wrap(const char* code, const std::string& text) const {
    return on ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  }
  // The same, appended to `out` in place (a finding is made of a dozen such pieces).
  void Open(std::string& out, const char* code) const {
    if (!on) return;
    out += "\x1b[";
    out += code;
    out += 'm';
  }
  void Close(std::string& out) const {
    if (on) out += "\x1b[0m";
  }
  void Put(std::string& out, const char* code, std::string_view text) const {
    Open(out, code);
    out += text;
    Close(out);
  }
};

// EscapeControl(text), appended without a copy when it changes nothing.
void PutEscaped(std::string& out, std::string_view text) {
  if (!NeedsEscape(text) && text.find('\n') == std::string_view::npos) {
    out += text;
  } else {
    out += EscapeControl(text);
  }
}

void PutNumber(std::string& out, long long number) {
  char digits[24];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
  out.append(digits, end);
}

// `path:line:col`, the path escaped.
void PutPlace(std::string& out, const Location& location) {
  PutEscaped(out, location.path);
  out += ':';
  PutNumber(out, location.start.line);
  out += ':';
  PutNumber(out, location.start.column);
}

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

// A source line as the terminal shows it, one cell per code point: tabs as a space, control
// characters and invalid bytes escaped (`\x1b`), so a file can never drive the terminal. Only
// the cells' boundaries are found for the whole line; a cell's text is made when it is shown.
struct Cells {
  std::string_view line;
  // Every byte printable ASCII (most lines): one cell per byte, shown as it is, and `raw` is
  // not made.
  bool plain = true;
  std::vector<size_t> raw;  // where each cell begins in the line, then line.size()

  explicit Cells(std::string_view text) : line(text) {
    plain = std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    if (plain) return;
    raw.reserve(line.size() + 1);
    for (size_t i = 0; i < line.size();) {
      raw.push_back(i);
      i += static_cast<unsigned char>(line[i]) < 0x80
               ? 1
               : std::max<size_t>(1, Utf8SequenceLength(line, i));
    }
    raw.push_back(line.size());
  }
  size_t size() const { return plain ? line.size() : raw.size() - 1; }
  // Cell i as shown, and its width in terminal columns (one per character it shows).
  void Append(size_t i, std::string& out, size_t& width) const {  // a line that is not plain
    const std::string_view cell = line.substr(raw[i], raw[i + 1] - raw[i]);
    const auto c = static_cast<unsigned char>(cell[0]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII stands for itself
      out += cell[0];
      width = 1;
      return;
    }
    const std::string shown = cell == "\t" ? " " : EscapeControl(cell);
    out += shown;
    width = 0;
    for (char k : shown) width += (static_cast<unsigned char>(k) & 0xC0) != 0x80;
  }
  // How many cells a prefix of the line `into` bytes long makes on its own.
  size_t CountBefore(size_t into) const {
    if (plain) return into;
    const size_t whole =
        static_cast<size_t>(std::upper_bound(raw.begin(), raw.end() - 1, into) - raw.begin());
    if (whole == 0 || raw[whole - 1] == into) return whole == 0 ? 0 : whole - 1;
    // `into` cuts a code point: the prefix ends in bytes that stand alone.
    return whole - 1 + Cells(line.substr(raw[whole - 1], into - raw[whole - 1])).size();
  }
};

void AppendFrame(std::string& out, const Diagnostic& d, const Style& style, size_t frame_width) {
  const Cells cells(d.line_text);
  // line_text may be a window of a long line: the index of the span's first code point in it.
  const size_t into =
      std::min(d.line_text.size(),
               d.location.span.begin - std::min(d.location.span.begin, d.line_text_offset));
  const size_t column = cells.CountBefore(into);
  const size_t total = cells.size();
  // The line goes on to the left of line_text when the span's column is past what it holds.
  const bool window_cut_left = static_cast<size_t>(d.location.start.column) > column + 1;
  size_t first = 0;  // the first cell shown
  if (total > frame_width && column > frame_width / 2)
    first = std::min(column - frame_width / 2, total - std::min(total, frame_width));
  const size_t last = std::min(total, first + frame_width);
  const bool cut_left = first > 0 || window_cut_left;
  const bool cut_right = last < total || d.line_text_cut;
  std::string made;  // the cells shown, when they are not the line's own bytes
  std::string_view shown;
  size_t caret_at = cut_left ? 1 : 0;  // "…" is one column
  size_t width = 0;
  // Span width in code points when it stays on this line, else to the end of the line.
  size_t span_cells = 1;
  if (d.location.end.line == d.location.start.line &&
      d.location.end.column > d.location.start.column) {
    span_cells = static_cast<size_t>(d.location.end.column - d.location.start.column);
  } else if (d.location.end.line > d.location.start.line && total > column) {
    span_cells = total - column;
  }
  if (cells.plain) {  // one column per cell: the counts of the loop below, in one step each
    shown = cells.line.substr(first, last - first);
    caret_at += std::max(first, std::min(column, last)) - first;
    width = std::max(first, std::max(column, std::min(last, column + span_cells))) -
            std::max(first, column);
  } else {
    for (size_t i = first; i < last; ++i) {
      size_t cell_width = 0;
      cells.Append(i, made, cell_width);
      if (i < column) caret_at += cell_width;
      if (i >= column && i < column + span_cells) width += cell_width;
    }
    shown = made;
  }
  style.Open(out, "1;34");
  out += ' ';
  const size_t number = out.size();
  PutNumber(out, d.location.start.line);
  const size_t number_width = out.size() - number;  // the bar below lines up with it
  out += " |";
  style.Close(out);
  out += ' ';
  if (cut_left) out += "…";
  out += shown;
  if (cut_right) out += "…";
  out += '\n';
  style.Open(out, "1;34");
  out += ' ';
  out.append(number_width, ' ');
  out += " |";
  style.Close(out);
  out += ' ';
  out.append(caret_at, ' ');
  style.Open(out, SeverityColor(d.severity));
  out.append(std::max<size_t>(1, width), '^');
  style.Close(out);
  out += '\n';
}

// One finding as text.
void AppendDiagnostic(std::string& out, const Diagnostic& d, const TextOptions& options,
                      const Style& style) {
  // Everything taken from the files (paths, values in messages) is escaped for the terminal.
  style.Open(out, "1");
  PutPlace(out, d.location);
  out += ':';
  style.Close(out);
  out += ' ';
  style.Put(out, SeverityColor(d.severity), SeverityName(d.severity));
  out += ": ";
  PutEscaped(out, d.message);
  out += ' ';
  style.Open(out, "2");
  out += '[';
  out += d.rule->id;
  out += ' ';
  out += d.rule->name;
  out += ']';
  style.Close(out);
  out += '\n';
  if (options.quiet) return;
  AppendFrame(out, d, style, std::max<size_t>(20, options.frame_width));
  // The notes line up under the frame's bar: as wide as the line number, and one more.
  const size_t pad = std::to_string(d.location.start.line).size() + 1;
  const auto label = [&](const char* name) {  // "    = help: "
    out.append(pad, ' ');
    out += " = ";
    style.Put(out, "1", name);
    out += ": ";
  };
  if (!d.help.empty()) {
    label("help");
    PutEscaped(out, d.help);
    out += '\n';
  }
  for (const RelatedLocation& r : d.related) {
    label("note");
    PutPlace(out, r.location);
    out += ": ";
    PutEscaped(out, r.message);
    out += '\n';
  }
  out += '\n';
}

}  // namespace

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

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

void WriteText(const LintResult& result, const TextOptions& options,
               const std::function<void(std::string_view)>& write) {
  const Style style{options.color};
  // Findings are rendered in chunks, a few per thread at a time, and written in order.
  constexpr size_t kChunk = 256;
  const std::vector<Diagnostic>& all = result.diagnostics;
  const size_t chunks = (all.size() + kChunk - 1) / kChunk;
  const size_t batch = std::max<size_t>(1, options.jobs) * 4;
  for (size_t first = 0; first < chunks; first += batch) {
    std::vector<std::string> parts(std::min(batch, chunks - first));
    ForEachParallel(parts.size(), options.jobs, [&](size_t p) {
      const size_t begin = (first + p) * kChunk;
      for (size_t i = begin; i < std::min(all.size(), begin + kChunk); ++i)
        AppendDiagnostic(parts[p], all[i], options, style);
    });
    for (const std::string& part : parts) write(part);
  }
  std::string out;
  if (!options.quiet && options.summary) {
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
  }
  write(out);
}

std::string RenderText(const LintResult& result, const TextOptions& options) {
  std::string out;
  WriteText(result, options, [&](std::string_view piece) { out += piece; });
  return out;
}

std::vector<RuleCount> CountByRule(const LintResult& result) {
  std::map<std::string_view, RuleCount> rows;
  for (const Diagnostic& d : result.diagnostics) {
    RuleCount& row = rows[d.rule->id];
    row.rule = d.rule;
    ++row.count;
    row.severity = std::max(row.severity, d.severity);
    if (d.fix) ++(d.fix->safe ? row.safe : row.unsafe);
  }
  std::vector<RuleCount> sorted;
  for (const auto& [id, row] : rows) sorted.push_back(row);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return sorted;
}

std::string RenderStatistics(const LintResult& result) {
  const std::vector<RuleCount> sorted = CountByRule(result);
  size_t name_width = 4;
  for (const RuleCount& row : sorted) name_width = std::max(name_width, row.rule->name.size());
  std::ostringstream out;
  for (const RuleCount& row : sorted) {
    std::ostringstream line;
    line << std::setw(6) << row.count << "  " << row.rule->id << "  " << std::left
         << std::setw(static_cast<int>(name_width)) << row.rule->name << "  " << std::setw(7)
         << SeverityName(row.severity) << std::right;
    if (row.safe) line << "  " << row.safe << " fixable";
    if (row.unsafe) line << "  " << row.unsafe << " with --unsafe-fixes";
    std::string text = line.str();
    text.erase(text.find_last_not_of(' ') + 1);
    out << text << "\n";
  }
  size_t total = 0;
  size_t fixable = 0;
  for (const RuleCount& row : sorted) {
    total += row.count;
    fixable += row.safe;
  }
  out << "Found " << Plural(total, "finding") << " in "
      << Plural(result.files_linted, "agent file");
  if (fixable) out << "; " << fixable << " fixable with --fix";
  out << ".\n";
  return out.str();
}

}  // namespace agentlint
