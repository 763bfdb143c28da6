#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// Descriptions shorter than this many distinct words are too short to compare.
constexpr size_t kMinWords = 6;

bool IsStopWord(std::string_view word) {
  // By length: a word is compared with the few stop words of its own length only.
  static constexpr std::string_view k2[] = {"an", "to", "of", "in", "on", "or",
                                            "is", "be", "it", "as", "by", "at"};
  static constexpr std::string_view k3[] = {"and", "the", "for", "use", "are", "you", "any", "all"};
  static constexpr std::string_view k4[] = {"with", "this", "that", "when", "your", "from", "into"};
  static constexpr std::string_view k5[] = {"agent", "after"};
  static constexpr std::string_view k6[] = {"before"};
  static constexpr std::string_view k11[] = {"proactively"};
  const auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  switch (word.size()) {
    case 1:
      return true;  // "a", and every other one-letter word: too short to compare
    case 2:
      return in(k2);
    case 3:
      return in(k3);
    case 4:
      return in(k4);
    case 5:
      return in(k5);
    case 6:
      return in(k6);
    case 11:
      return in(k11);
    default:
      return false;
  }
}

// Calls `visit(word)` for each word of `lowered` (a lowercase text: runs of ASCII letters and
// digits, two or more, stop words left out), in order, repeats included; words point into it.
template <typename Visit>
void ForEachWord(std::string_view lowered, Visit visit) {
  size_t start = 0;
  for (size_t i = 0; i <= lowered.size(); ++i) {
    // ASCII letters and digits (std::isalnum in the "C" locale), tested without a call per byte.
    if (i < lowered.size()) {
      const char c = lowered[i];
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) continue;
    }
    const std::string_view word = lowered.substr(start, i - start);
    if (!word.empty() && !IsStopWord(word)) visit(word);
    start = i + 1;
  }
}

// Words by id, looked up by their text without making a string of it.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};
using WordIds = std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>>;

// Each description as the sorted ids of its distinct words, all in one array: the words of
// description i are words[start[i] .. start[i + 1]).
struct WordSets {
  std::vector<uint32_t> words;
  std::vector<uint32_t> start{0};
  size_t size() const { return start.size() - 1; }
  std::span<const uint32_t> operator[](size_t i) const {
    return {words.data() + start[i], words.data() + start[i + 1]};
  }
};

size_t Common(std::span<const uint32_t> a, std::span<const uint32_t> b) {
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

// Calls `visit(i, j)` (j < i) for every pair of descriptions whose Jaccard similarity can reach
// `threshold`, found by prefix filtering: words ordered rarest first, each description indexes
// only its first |d| - ceil(t·|d|) + 1 words, and two descriptions that similar must share one of
// those. A folder of 5,000 agents costs about what five folders of 1,000 cost, not twenty-five
// times more; pairs are visited as they are found, never all held at once.
// Word ids are dense (0 .. words - 1). The index is flat: every description's prefix is known
// before the index is filled, so each word's postings get their exact place in one array.
template <typename Visit>
void ForEachCandidate(const WordSets& sets, size_t words, double threshold, Visit visit) {
  std::vector<uint32_t> frequency(words, 0);
  for (uint32_t w : sets.words) ++frequency[w];
  WordSets prefixes;  // each description's rarest words, as many as it indexes
  std::vector<uint32_t> ordered;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].size() >= kMinWords) {
      ordered.assign(sets[i].begin(), sets[i].end());
      std::sort(ordered.begin(), ordered.end(), [&](uint32_t a, uint32_t b) {
        return frequency[a] != frequency[b] ? frequency[a] < frequency[b] : a < b;
      });
      const size_t size = ordered.size();
      const size_t prefix =
          size - static_cast<size_t>(std::ceil(threshold * static_cast<double>(size))) + 1;
      prefixes.words.insert(prefixes.words.end(), ordered.begin(),
                            ordered.begin() + static_cast<std::ptrdiff_t>(std::min(prefix, size)));
    }
    prefixes.start.push_back(static_cast<uint32_t>(prefixes.words.size()));
  }
  std::vector<uint32_t> begin(words + 1, 0);  // word w's postings: begin[w] .. end[w]
  for (uint32_t w : prefixes.words) ++begin[w + 1];
  for (size_t w = 0; w < words; ++w) begin[w + 1] += begin[w];
  std::vector<uint32_t> end(begin.begin(), begin.end() - 1);
  std::vector<uint32_t> postings(prefixes.words.size());
  // Each candidate once per description (`seen[j] == i`), and only when the two sizes allow
  // the threshold at all: a Jaccard similarity is at most the smaller size over the larger. The
  // order of the visits does not matter (the findings are sorted).
  std::vector<uint32_t> seen(sets.size(), std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i < sets.size(); ++i) {
    const double size = static_cast<double>(sets[i].size());
    for (uint32_t w : prefixes[i]) {
      for (uint32_t p = begin[w]; p < end[w]; ++p) {
        const uint32_t j = postings[p];
        if (seen[j] == i) continue;
        seen[j] = static_cast<uint32_t>(i);
        // The same division as the similarity's: rounding keeps the bound's order.
        const double other = static_cast<double>(sets[j].size());
        if (std::min(size, other) / std::max(size, other) >= threshold) visit(i, size_t{j});
      }
      postings[end[w]++] = static_cast<uint32_t>(i);
    }
  }
}

// Every pair that includes one of `linted` and can reach `threshold` by size alone: when only a
// few files of a large folder are linted (a pre-commit hook), comparing them with each sibling
// costs less than indexing the whole folder, and no pair without a linted file is reported.
template <typename Visit>
void ForEachPairWith(const std::vector<size_t>& linted, const WordSets& sets, double threshold,
                     Visit visit) {
  std::set<std::pair<size_t, size_t>> pairs;
  for (size_t i : linted) {
    if (sets[i].size() < kMinWords) continue;
    for (size_t j = 0; j < sets.size(); ++j) {
      if (j == i || sets[j].size() < kMinWords) continue;
      const double small = static_cast<double>(std::min(sets[i].size(), sets[j].size()));
      const double large = static_cast<double>(std::max(sets[i].size(), sets[j].size()));
      if (small < threshold * large) continue;
      pairs.emplace(std::max(i, j), std::min(i, j));
    }
  }
  for (const auto& [i, j] : pairs) visit(i, j);
}

}  // namespace

void CheckOverlappingDescriptions(const ProjectContext& ctx, ProjectReporter& out) {
  const double threshold = ctx.options.description_overlap;
  for (const auto& entry : ctx.project.scopes()) {
    const std::vector<const AgentSummary*>& agents = entry.second;  // captured below
    // Each description as the sorted ids of its distinct words; the words themselves are kept
    // once, in `ids`.
    WordIds ids;
    WordSets sorted;
    std::vector<size_t> linted;
    for (size_t i = 0; i < agents.size(); ++i) {
      // Claude Code offers the main model only the agents it loads; the description of a file it
      // does not load (a settings deny, a `name` it cannot read) routes nothing.
      const bool offered = agents[i]->dialect != Dialect::kClaude || agents[i]->loads;
      if (offered && agents[i]->description_at) {
        const std::string lowered = Lower(agents[i]->description);
        const size_t first = sorted.words.size();
        ForEachWord(lowered, [&](std::string_view w) {
          auto it = ids.find(w);
          if (it == ids.end())
            it = ids.emplace(std::string(w), static_cast<uint32_t>(ids.size())).first;
          sorted.words.push_back(it->second);
        });
        const auto begin = sorted.words.begin() + static_cast<std::ptrdiff_t>(first);
        std::sort(begin, sorted.words.end());
        sorted.words.erase(std::unique(begin, sorted.words.end()), sorted.words.end());
      }
      sorted.start.push_back(static_cast<uint32_t>(sorted.words.size()));
      if (agents[i]->origin.reported) linted.push_back(i);
    }
    const auto has = [&](size_t agent, std::string_view word) {
      const auto it = ids.find(word);
      const std::span<const uint32_t> words = sorted[agent];
      return it != ids.end() && std::binary_search(words.begin(), words.end(), it->second);
    };
    // "Go build errors" against "Kotlin build errors": each names what sets it apart (a word of
    // its own name that the other description lacks), so routing can tell them apart.
    const auto distinct = [&](size_t self, size_t other) {
      const std::string name = Lower(agents[self]->agent_name);
      bool apart = false;
      ForEachWord(name,
                  [&](std::string_view w) { apart = apart || (has(self, w) && !has(other, w)); });
      return apart;
    };
    std::vector<std::vector<std::pair<size_t, double>>> similar(agents.size());
    const auto visit = [&](size_t a, size_t b) {
      const size_t common = Common(sorted[a], sorted[b]);
      const double jaccard = static_cast<double>(common) /
                             static_cast<double>(sorted[a].size() + sorted[b].size() - common);
      if (jaccard < threshold || agents[a]->agent_name == agents[b]->agent_name) return;
      if (distinct(a, b) && distinct(b, a)) return;
      similar[a].push_back({b, jaccard});
      similar[b].push_back({a, jaccard});
    };
    if (linted.size() * 4 < agents.size()) {
      ForEachPairWith(linted, sorted, threshold, visit);
    } else {
      ForEachCandidate(sorted, ids.size(), threshold, visit);
    }
    for (size_t i = 0; i < agents.size(); ++i) {
      if (!agents[i]->origin.reported) continue;  // a sibling: its findings are not shown
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
