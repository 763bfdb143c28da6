// Small text helpers shared by checks: trimming, case folding, edit distance and "did you mean".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace agentlint {

std::string_view Trim(std::string_view s);
std::string Lower(std::string_view s);
// Levenshtein distance, case-insensitive.
size_t EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` when it is close enough to be a likely typo, or "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);
// "`a`, `b` or `c`"
std::string JoinCode(const std::vector<std::string>& items, std::string_view last_sep = " or ");

}  // namespace agentlint
