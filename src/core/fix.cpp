#include "core/fix.h"

#include "core/suppression.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

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
  // Take whole fixes that do not overlap any fix already taken (or repeat one: two findings of
  // the same rule can carry the same CRLF fix).
  std::vector<const Fix*> taken;
  std::vector<Span> used;
  for (const Candidate& c : fixes) {
    bool clash = false;
    for (const Fix* t : taken) {
      if (t->description == c.fix->description && t->edits.size() == c.fix->edits.size() &&
          t->edits.front().span.begin == c.fix->edits.front().span.begin) {
        clash = true;  // the same fix twice
      }
    }
    for (const TextEdit& e : c.fix->edits) {
      for (const Span& u : used) {
        const bool empty_at_same_point = e.span.empty() && u.empty() && e.span.begin == u.begin;
        if ((e.span.begin < u.end && u.begin < e.span.end) || empty_at_same_point) clash = true;
      }
    }
    if (clash) continue;
    taken.push_back(c.fix);
    for (const TextEdit& e : c.fix->edits) used.push_back(e.span);
  }
  // Apply from the end so earlier offsets stay valid.
  std::vector<TextEdit> edits;
  for (const Fix* f : taken) edits.insert(edits.end(), f->edits.begin(), f->edits.end());
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.span.begin > b.span.begin; });
  for (const TextEdit& e : edits) {
    if (e.span.end > text.size() || e.span.begin > e.span.end) continue;
    text.replace(e.span.begin, e.span.end - e.span.begin, e.replacement);
  }
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
  struct stat st {};
  const bool have_mode = ::stat(path.c_str(), &st) == 0;
  const std::string temp = path + ".agentlint-" + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + temp;
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
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
