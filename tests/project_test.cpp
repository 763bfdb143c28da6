#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;

TEST_CASE("project: overlapping descriptions are the pairs a comparison of every pair finds") {
  // Families of descriptions from a small vocabulary (no stop words, so their words are easy
  // to count here): each member takes its family's words, drops a few and adds a few, so pairs
  // fall on both sides of the threshold with sizes far apart and close. The index's prefix
  // filter, its size bound and the comparison of one named file with every sibling must all
  // find exactly the pairs whose Jaccard similarity reaches the threshold.
  const std::vector<std::string> vocabulary = {
      "review", "python", "rust",   "schema", "deploy", "cluster", "query",  "index",
      "cache",  "metric", "alert",  "trace",  "token",  "secret",  "report", "bundle",
      "render", "layout", "parser", "lexer",  "queue",  "worker",  "billing"};
  uint64_t state = 7;
  const auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>(state >> 33);
  };
  TempDir dir;
  const std::filesystem::path agents = dir.path() / ".claude" / "agents";
  constexpr size_t kAgents = 80;
  std::vector<std::set<std::string>> words(kAgents);
  std::vector<std::string> paths;
  std::vector<std::string> base;  // the family's words: its members add and drop a few
  for (size_t i = 0; i < kAgents; ++i) {
    if (i % 4 == 0) {
      base.clear();
      const size_t size = 5 + next() % 6;
      while (base.size() < size) {
        const std::string& word = vocabulary[next() % vocabulary.size()];
        if (std::find(base.begin(), base.end(), word) == base.end()) base.push_back(word);
      }
    }
    std::vector<std::string> mine = base;
    for (size_t drop = next() % 3; drop > 0 && !mine.empty(); --drop)
      mine.erase(mine.begin() + static_cast<std::ptrdiff_t>(next() % mine.size()));
    for (size_t add = next() % 5; add > 0; --add)
      mine.push_back(vocabulary[next() % vocabulary.size()]);
    std::string description;
    for (const std::string& word : mine) {
      words[i].insert(word);
      description += (description.empty() ? "" : " ") + word;
    }
    const std::string name = "agent-" + std::to_string(i);
    paths.push_back((agents / (name + ".md")).string());
    WriteFile(paths.back(), "---\nname: " + name + "\ndescription: " + description +
                                "\n---\nYou do the work you are given.\n");
  }
  std::set<std::pair<std::string, std::string>> expected;  // (file, the other file)
  size_t compared = 0;
  for (size_t a = 0; a < kAgents; ++a) {
    for (size_t b = 0; b < kAgents; ++b) {
      if (a == b || words[a].size() < 6 || words[b].size() < 6) continue;
      ++compared;
      size_t common = 0;
      for (const std::string& w : words[a]) common += words[b].count(w);
      const double jaccard = static_cast<double>(common) /
                             static_cast<double>(words[a].size() + words[b].size() - common);
      if (jaccard >= 0.6) expected.insert({paths[a], paths[b]});
    }
  }
  const auto found = [](const LintResult& result) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Diagnostic& d : result.diagnostics) {
      if (d.rule->id != "AL407") continue;
      REQUIRE(d.related.size() == 1);
      pairs.insert({d.location.path, d.related[0].location.path});
    }
    return pairs;
  };
  CHECK(expected.size() >= 10);  // the folder has pairs to find, and pairs to leave out
  CHECK(expected.size() * 4 < compared);
  CHECK(found(Lint({agents.string()}, {})) == expected);
  // One file named (a pre-commit hook): compared with each sibling instead of through an index.
  size_t named_pairs = 0;
  for (const std::string& path : paths) {
    std::set<std::pair<std::string, std::string>> mine;
    for (const auto& pair : expected)
      if (pair.first == path) mine.insert(pair);
    CHECK(found(Lint({path}, {})) == mine);
    named_pairs += mine.size();
  }
  CHECK(named_pairs == expected.size());
}
