// Small text helpers shared by checks: trimming, case folding, edit distance and "did you mean",
// checked number parsing, and escaping control characters for a terminal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentlint {

std::string_view Trim(std::string_view s);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string Lower(std::string_view s);
// True when `text` contains `needle` (which must be lower-case ASCII) in any letter case: the
// cheap test before a case-insensitive regex.
bool ContainsLower(std::string_view text, std::string_view needle);
// Levenshtein distance, case-insensitive.
size_t EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` when it is close enough to be a likely typo, or "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);
// "`a`, `b` or `c`"
std::string JoinCode(const std::vector<std::string>& items, std::string_view last_sep = " or ");

// The whole of `text` as a finite decimal number ("12", "0.5", "-3", "1e3"); nullopt for
// anything else: words, trailing text, "inf", "nan", an empty string. Never throws.
std::optional<double> ParseNumber(std::string_view text);
// The whole of `text` as a non-negative whole number that fits in 64 bits; nullopt otherwise.
std::optional<uint64_t> ParseWholeNumber(std::string_view text);
// "8", "0.6": the shortest form of a number for messages.
std::string FormatNumber(double value);

// `text` with every character a terminal would act on made visible: C0 controls (but tab),
// DEL and C1 controls as `\x1b` / `\u{9b}`, text-direction controls as `\u{202e}`, and bytes
// that are not UTF-8 as `\xff`; the ASCII controls listed in `keep` (such as "\n") pass
// unchanged. Used by every human-readable output, so a file cannot drive the user's terminal.
std::string EscapeControl(std::string_view text, std::string_view keep = {});
// True when EscapeControl would change `text` other than by escaping "\n" (a fast path for the
// common case: text with no control character and no byte that is not UTF-8).
bool NeedsEscape(std::string_view text);

// A path as a URI path: `/`-separated as given, every byte but letters, digits and `/.-_~`
// percent-encoded (`a b` -> `a%20b`). For SARIF artifact locations and LSP `file://` URIs.
std::string PercentEncodePath(std::string_view path);

}  // namespace agentlint
