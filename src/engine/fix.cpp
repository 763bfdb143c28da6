#include "engine/fix.h"

#include "engine/suppression.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

namespace agentlint {

size_t ApplyEdits(std::string& text, const std::vector<Diagnostic>& diagnostics,
                  const FixOptions& options) {
  struct Candidate {
    Span span;
    const Fix* fix;
  };
  std::vector<Candidate> fixes;
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty() || (!d.fix->safe && !options.unsafe)) continue;
    Span whole{d.fix->edits.front().span.begin, d.fix->edits.front().span.end};
    for (const TextEdit& e : d.fix->edits) {
      whole.begin = std::min(whole.begin, e.span.begin);
      whole.end = std::max(whole.end, e.span.end);
    }
    fixes.push_back({whole, &*d.fix});
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Candidate& a, const Candidate& b) {
    return a.span.begin < b.span.begin;
  });
  // Take whole fixes whose edits overlap no edit already taken (or that repeat one: two findings
  // of the same rule can carry the same CRLF fix). Taken edits are kept in an ordered map, so a
  // file with 200,000 edits costs 200,000 lookups, not their square.
  // Two edits clash when they overlap, or when both insert at the same point. Taken edits never
  // clash with each other, so only their neighbours in begin order need to be looked at.
  std::multimap<size_t, size_t> used;                      // begin -> end of every edit taken
  std::set<std::tuple<std::string, size_t, size_t>> seen;  // a fix: description, size, first edit
  const auto overlaps = [&](Span e) {
    const auto after = used.upper_bound(e.begin);
    if (after != used.end() && after->first < e.end) return true;  // starts inside e
    const auto [same, same_end] = used.equal_range(e.begin);
    for (auto it = same; it != same_end; ++it) {
      if ((it->second > it->first) == !e.empty()) return true;  // both empty, or both not
    }
    if (same == used.begin()) return false;
    const size_t before = std::prev(same)->first;  // the nearest edit starting before e
    for (auto it = used.lower_bound(before); it != same; ++it) {
      if (e.begin < it->second) return true;  // reaches into e
    }
    return false;
  };
  std::vector<const Fix*> taken;
  for (const Candidate& c : fixes) {
    if (!seen.emplace(c.fix->description, c.fix->edits.size(), c.fix->edits.front().span.begin)
             .second)
      continue;  // the same fix twice
    bool clash = false;
    for (const TextEdit& e : c.fix->edits) clash = clash || overlaps(e.span);
    if (clash) continue;
    taken.push_back(c.fix);
    for (const TextEdit& e : c.fix->edits) used.emplace(e.span.begin, e.span.end);
  }
  // Apply in one pass from the start, copying the bytes between edits once.
  std::vector<const TextEdit*> edits;
  for (const Fix* f : taken) {
    for (const TextEdit& e : f->edits) {
      if (e.span.end <= text.size() && e.span.begin <= e.span.end) edits.push_back(&e);
    }
  }
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit* a, const TextEdit* b) {
    return a->span.begin < b->span.begin;
  });
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (const TextEdit* e : edits) {
    if (e->span.begin < at) continue;  // cannot happen once overlaps are refused; be safe
    out.append(text, at, e->span.begin - at);
    out += e->replacement;
    at = e->span.end;
  }
  out.append(text, at, std::string::npos);
  text = std::move(out);
  return taken.size();
}

namespace {

// The file's findings as the user sees them: rules the options turn off and findings an inline
// suppression silences are not fixed.
std::vector<Diagnostic> LintText(const DiscoveredFile& file, const std::string& text,
                                 const LintOptions& lint) {
  const AgentDoc doc(SourceFile(file.path, text), file.origin, lint.limits);
  std::vector<Diagnostic> found = CheckDocument(doc, lint);
  if (lint.inline_config) {
    Suppressions suppressions = ParseSuppressions(doc);
    ApplySuppressions(suppressions, found);
  }
  return found;
}

size_t InputFindings(const std::vector<Diagnostic>& diagnostics) {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics)
    n += d.rule->category == Category::kInput && d.severity >= Severity::kWarning;
  return n;
}

}  // namespace

FileFix FixFile(const DiscoveredFile& file, const LintOptions& lint, const FixOptions& options) {
  FileFix result;
  result.path = file.path;
  const AgentDoc original = LoadDocument(file, lint);
  if (!original.origin().read_error.empty()) return result;
  result.before = std::string(original.source().text());
  result.after = result.before;
  const size_t input_before = InputFindings(CheckDocument(original, lint));
  // Fixes can unlock each other (a flow sequence rewritten, then a removed tool inside it).
  constexpr int kRounds = 8;
  for (int round = 0; round < kRounds; ++round) {
    const size_t applied = ApplyEdits(result.after, LintText(file, result.after, lint), options);
    if (applied == 0) break;
    result.fixed += applied;
  }
  if (result.after != result.before &&
      InputFindings(LintText(file, result.after, lint)) > input_before) {
    result.refused = "the fixed text would gain a finding about the file itself; left unchanged";
    result.after = result.before;
    result.fixed = 0;
  }
  return result;
}

std::string WriteAtomically(const std::string& path, const std::string& text) {
  return WriteAtomically(path,
                         [&](const std::function<void(std::string_view)>& write) { write(text); });
}

std::string WriteAtomically(
    const std::string& path,
    const std::function<void(const std::function<void(std::string_view)>&)>& produce) {
  struct stat st {};
  const bool have_mode = ::stat(path.c_str(), &st) == 0;
  const std::string temp = path + ".agentlint-" + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + temp;
    produce([&](std::string_view piece) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      return "cannot write " + temp;
    }
  }
  if (have_mode) ::chmod(temp.c_str(), st.st_mode & 07777);
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return "cannot replace " + path;
  }
  return "";
}

namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t eol = text.find('\n', start);
    const size_t end = eol == std::string_view::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const std::vector<std::string_view> a = Lines(before);
  const std::vector<std::string_view> b = Lines(after);
  // One hunk from the first to the last changed line: fixes touch a few lines, or all (CRLF).
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  constexpr size_t kContext = 3;
  const size_t start = prefix > kContext ? prefix - kContext : 0;
  const size_t a_end = std::min(a.size(), a.size() - suffix + kContext);
  const size_t b_end = std::min(b.size(), b.size() - suffix + kContext);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  out += "@@ -" + std::to_string(start + 1) + "," + std::to_string(a_end - start) + " +" +
         std::to_string(start + 1) + "," + std::to_string(b_end - start) + " @@\n";
  for (size_t i = start; i < prefix; ++i) AppendLine(out, ' ', a[i]);
  for (size_t i = prefix; i < a.size() - suffix; ++i) AppendLine(out, '-', a[i]);
  for (size_t i = prefix; i < b.size() - suffix; ++i) AppendLine(out, '+', b[i]);
  for (size_t i = a.size() - suffix; i < a_end; ++i) AppendLine(out, ' ', a[i]);
  return out;
}

}  // namespace agentlint
