#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "checks/common.h"

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

}  // namespace

// Descriptions as sorted word ids, so a pair is compared by one merge, not by set lookups.
std::vector<int> Ids(const std::set<std::string>& words, std::map<std::string, int>& ids) {
  std::vector<int> out;
  for (const std::string& w : words)
    out.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
  std::sort(out.begin(), out.end());
  return out;
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

void CheckOverlappingDescriptions(const ProjectContext& ctx, ProjectReporter& out) {
  const double threshold = ctx.options.description_overlap;
  for (const auto& scope : ctx.project.scopes()) {
    const std::vector<const AgentDoc*>& docs = scope.second;
    std::map<std::string, int> ids;
    std::vector<std::set<std::string>> words;
    std::vector<std::vector<int>> sorted;
    for (const AgentDoc* doc : docs) {
      const YamlNode* d = ScalarField(*doc, "description");
      words.push_back(d ? Words(d->value) : std::set<std::string>{});
      sorted.push_back(Ids(words.back(), ids));
    }
    // "Go build errors" against "Kotlin build errors": each names what sets it apart (a word of
    // its own name that the other description lacks), so routing can tell them apart.
    const auto distinct = [&](size_t self, size_t other) {
      for (const std::string& w : Words(Project::AgentName(*docs[self]))) {
        if (words[self].count(w) && !words[other].count(w)) return true;
      }
      return false;
    };
    for (size_t i = 0; i < docs.size(); ++i) {
      for (size_t j = 0; j < docs.size(); ++j) {
        const size_t a = sorted[i].size();
        const size_t b = sorted[j].size();
        if (i == j || a < kMinWords || b < kMinWords) continue;
        // Jaccard is at most min/max of the sizes: skip pairs that cannot reach the threshold.
        if (static_cast<double>(std::min(a, b)) < threshold * static_cast<double>(std::max(a, b)))
          continue;
        const size_t common = Common(sorted[i], sorted[j]);
        const double jaccard = static_cast<double>(common) / static_cast<double>(a + b - common);
        if (jaccard < threshold || Project::AgentName(*docs[i]) == Project::AgentName(*docs[j]))
          continue;
        if (distinct(i, j) && distinct(j, i)) continue;
        const YamlNode* mine = ScalarField(*docs[i], "description");
        const YamlNode* theirs = ScalarField(*docs[j], "description");
        Diagnostic& d =
            out.Report(*docs[i], mine->span,
                       "this description and the one of `" + Project::AgentName(*docs[j]) +
                           "` share " + std::to_string(static_cast<int>(jaccard * 100)) +
                           "% of their words; the assistant cannot tell which to use",
                       "say what sets each agent apart: the task, the stage, the files it owns");
        d.related.push_back(
            {MakeLocation(docs[j]->source(), theirs->span), "the other description"});
      }
    }
  }
}

}  // namespace agentlint
