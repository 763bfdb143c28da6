#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/source.h"

namespace agentlint {

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool ContainsLower(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  if (text.size() < needle.size()) return false;
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (lower(text[i]) != needle[0]) continue;
    size_t k = 1;
    while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  // ASCII only, as std::tolower in the "C" locale agentlint runs in, without a call per byte.
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// Inputs longer than this are never compared in full (callers only care about small distances,
// and the distance is at least the difference in length).
constexpr size_t kMaxCompared = 256;

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Levenshtein distance, case-insensitive, of texts of at most kMaxCompared bytes; `limit + 1`
// as soon as every way through the table costs more than `limit`. No allocation.
size_t BoundedDistance(std::string_view a, std::string_view b, size_t limit) {
  std::array<size_t, kMaxCompared + 1> row{};
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    const char x = LowerAscii(a[i - 1]);
    size_t diagonal = row[0];
    row[0] = i;
    size_t least = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] =
          std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x == LowerAscii(b[j - 1]) ? 0 : 1)});
      diagonal = above;
      least = std::min(least, row[j]);
    }
    // Every later row only grows from this one's smallest cell.
    if (least > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  if (a.size() > kMaxCompared || b.size() > kMaxCompared) {
    const size_t longer = std::max(a.size(), b.size());
    const size_t shorter = std::min(a.size(), b.size());
    return longer - shorter + (a.substr(0, kMaxCompared) == b.substr(0, kMaxCompared) ? 0 : 1);
  }
  return BoundedDistance(a, b, std::max(a.size(), b.size()));
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  // A typo is at most two edits away, and fewer for short words: farther candidates are told
  // apart from the close ones after a few rows of the table, not the whole of it.
  const size_t limit = std::min<size_t>(2, std::max<size_t>(1, word.size() / 3));
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Lengths further apart than any accepted distance cannot match: skip the table.
    const size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                      : candidate.size() - word.size();
    if (gap > limit) continue;
    const size_t d = word.size() > kMaxCompared || candidate.size() > kMaxCompared
                         ? EditDistance(word, candidate)
                         : BoundedDistance(word, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  return best ? *best : std::string();
}

std::string JoinCode(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_sep) : std::string(", ");
    out += "`" + items[i] + "`";
  }
  return out;
}

std::optional<double> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<uint64_t> ParseWholeNumber(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

namespace {

bool IsBidiControl(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

}  // namespace

bool NeedsEscape(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // Eight bytes at a time while none of them is a control, DEL or outside ASCII (the
    // classic "has a byte less than n" tests, on a word loaded with memcpy).
    constexpr uint64_t kOnes = 0x0101010101010101u;
    constexpr uint64_t kHigh = 0x8080808080808080u;
    if (i + 8 <= text.size()) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      const uint64_t below_space = (w - kOnes * 0x20) & ~w;
      const uint64_t del = ((w ^ (kOnes * 0x7F)) - kOnes) & ~(w ^ (kOnes * 0x7F));
      if (((w | below_space | del) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return true;
      ++i;
      continue;
    }
    // Help texts and messages hold "…", "→" and quotes: only what EscapeControl would change
    // (bytes that are not UTF-8, C1 and text-direction controls) sends them the slow way.
    const size_t len = Utf8MultiByteLength(text, i);
    if (len == 0) return true;
    const char32_t cp = DecodeUtf8(text, i);
    if ((cp >= 0x80 && cp <= 0x9F) || IsBidiControl(cp)) return true;
    i += len;
  }
  return false;
}

std::string EscapeControl(std::string_view text, std::string_view keep) {
  if (!NeedsEscape(text) &&
      (keep.find('\n') != std::string_view::npos || text.find('\n') == std::string_view::npos))
    return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  char buffer[16];
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      const bool kept = c == '\t' || keep.find(static_cast<char>(c)) != std::string_view::npos;
      if ((c < 0x20 && !kept) || c == 0x7F) {
        std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
      ++i;
      continue;
    }
    const char32_t cp = DecodeUtf8(text, i);
    if ((cp >= 0x80 && cp <= 0x9F) || IsBidiControl(cp)) {
      std::snprintf(buffer, sizeof buffer, "\\u{%x}", static_cast<unsigned>(cp));
      out += buffer;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  for (const unsigned char c : path) {
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

}  // namespace agentlint
