#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// Descriptions shorter than this many distinct words are too short to compare.
constexpr size_t kMinWords = 6;

std::set<std::string> Words(std::string_view text) {
  static const std::set<std::string> kStop = {
      "a",   "an",  "and",  "the", "to",   "of",    "for",    "in",
      "on",  "or",  "with", "use", "this", "that",  "when",   "is",
      "are", "be",  "it",   "as",  "by",   "agent", "you",    "your",
      "any", "all", "from", "at",  "into", "after", "before", "proactively"};
  std::set<std::string> words;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      if (!kStop.count(word) && word.size() >= 2) words.insert(word);
      word.clear();
    }
  }
  return words;
}

size_t Common(const std::vector<int>& a, const std::vector<int>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

// Pairs of descriptions whose Jaccard similarity can reach `threshold`, found by prefix
// filtering: words ordered rarest first, each description indexes only its first
// |d| - ceil(t·|d|) + 1 words, and two descriptions that similar must share one of those. A
// folder of 5,000 agents costs about what five folders of 1,000 cost, not twenty-five times more.
std::set<std::pair<size_t, size_t>> Candidates(const std::vector<std::vector<int>>& sets,
                                               double threshold) {
  std::unordered_map<int, size_t> frequency;
  for (const auto& s : sets)
    for (int w : s) ++frequency[w];
  std::unordered_map<int, std::vector<size_t>> index;
  std::set<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].size() < kMinWords) continue;
    std::vector<int> ordered = sets[i];
    std::sort(ordered.begin(), ordered.end(), [&](int a, int b) {
      return frequency[a] != frequency[b] ? frequency[a] < frequency[b] : a < b;
    });
    const size_t size = ordered.size();
    const size_t prefix =
        size - static_cast<size_t>(std::ceil(threshold * static_cast<double>(size))) + 1;
    for (size_t k = 0; k < std::min(prefix, size); ++k) {
      auto& postings = index[ordered[k]];
      for (size_t j : postings) pairs.emplace(std::min(i, j), std::max(i, j));
      postings.push_back(i);
    }
  }
  return pairs;
}

}  // namespace

void CheckOverlappingDescriptions(const ProjectContext& ctx, ProjectReporter& out) {
  const double threshold = ctx.options.description_overlap;
  for (const auto& entry : ctx.project.scopes()) {
    const std::vector<const AgentSummary*>& agents = entry.second;  // captured below
    std::map<std::string, int> ids;
    std::vector<std::set<std::string>> words;
    std::vector<std::vector<int>> sorted;
    for (const AgentSummary* agent : agents) {
      words.push_back(agent->description_at ? Words(agent->description) : std::set<std::string>{});
      std::vector<int> set;
      for (const std::string& w : words.back())
        set.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
      std::sort(set.begin(), set.end());
      sorted.push_back(std::move(set));
    }
    // "Go build errors" against "Kotlin build errors": each names what sets it apart (a word of
    // its own name that the other description lacks), so routing can tell them apart.
    const auto distinct = [&](size_t self, size_t other) {
      for (const std::string& w : Words(agents[self]->agent_name)) {
        if (words[self].count(w) && !words[other].count(w)) return true;
      }
      return false;
    };
    std::vector<std::vector<std::pair<size_t, double>>> similar(agents.size());
    for (const auto& [a, b] : Candidates(sorted, threshold)) {
      const size_t common = Common(sorted[a], sorted[b]);
      const double jaccard = static_cast<double>(common) /
                             static_cast<double>(sorted[a].size() + sorted[b].size() - common);
      if (jaccard < threshold || agents[a]->agent_name == agents[b]->agent_name) continue;
      if (distinct(a, b) && distinct(b, a)) continue;
      similar[a].push_back({b, jaccard});
      similar[b].push_back({a, jaccard});
    }
    for (size_t i = 0; i < agents.size(); ++i) {
      std::sort(similar[i].begin(), similar[i].end());
      for (const auto& [j, jaccard] : similar[i]) {
        Diagnostic& d =
            out.Report(*agents[i]->description_at,
                       "this description and the one of `" + agents[j]->agent_name + "` share " +
                           std::to_string(static_cast<int>(jaccard * 100)) +
                           "% of their words; the assistant cannot tell which to use",
                       "say what sets each agent apart: the task, the stage, the files it owns");
        d.related.push_back({agents[j]->description_at->location, "the other description"});
      }
    }
  }
}

}  // namespace agentlint
