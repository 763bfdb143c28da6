#include <doctest/doctest.h>

#include <string>

#include "checks/common.h"
#include "core/knowledge.h"
#include "core/scan.h"

using namespace agentlint;

TEST_CASE("scan: one pass tells which patterns occur") {
  PatternSet set;
  const int ask = set.Add(R"((?i)\bask the user\b)");
  const int web = set.Add(R"(\bWebSearch\b)");
  set.Compile();
  const ScanResult found = set.Scan("line one\nthen ASK THE USER what to do\n");
  CHECK(found.decided());
  CHECK(found.MayContain(ask));
  CHECK_FALSE(found.MayContain(web));
}

TEST_CASE("scan: a set that cannot decide lets every pattern through") {
  PatternSet set;
  const int good = set.Add("abc");
  const int bad = set.Add("(unclosed");
  set.Compile();
  const ScanResult found = set.Scan("nothing here");
  CHECK_FALSE(found.decided());
  CHECK(found.MayContain(good));
  CHECK(found.MayContain(bad));
}

TEST_CASE("scan: the patterns are parsed on the first scan, and later scans reuse them") {
  PatternSet set;
  const int ask = set.Add(R"((?i)\bask\b)");
  set.Compile();
  CHECK(set.Scan("please ASK").MayContain(ask));
  const ScanResult second = set.Scan("nothing");
  CHECK(second.decided());
  CHECK_FALSE(second.MayContain(ask));
}

TEST_CASE("scan: a pattern added after Compile leaves the set undecided") {
  PatternSet set;
  const int ask = set.Add("ask");
  set.Compile();
  const int late = set.Add("late");
  CHECK(late == 1);
  const ScanResult found = set.Scan("nothing");
  CHECK_FALSE(found.decided());
  CHECK(found.MayContain(ask));
}

TEST_CASE("scan: the knowledge's set, with the rules' line patterns, compiles and decides") {
  CHECK(LinePatterns().size() >= 4);
  const Knowledge& knowledge = EmbeddedKnowledge();
  CHECK(knowledge.line_pattern_count == static_cast<int>(LinePatterns().size()));
  REQUIRE(knowledge.scan);
  const ScanResult facts = knowledge.scan->Scan("We use PostgreSQL with SQLAlchemy.");
  CHECK(facts.decided());
  bool postgres = false;
  for (const ConflictTopic& topic : knowledge.conflict_topics) {
    for (const ConflictChoice& choice : topic.choices) {
      for (int index : choice.pattern_scan) {
        if (choice.name == "PostgreSQL" && facts.MayContain(index)) postgres = true;
      }
    }
  }
  CHECK(postgres);
}

TEST_CASE(
    "scan: the code's fixed regexes are all listed, all compile, and compile until told to stop") {
  // Every `Regex` is declared at namespace scope and listed before main (the rules, the engine
  // and core hold about fifty); a run's spare thread compiles them ahead of use.
  const std::vector<const Regex*>& all = AllRegexes();
  REQUIRE(all.size() >= 40);
  for (const Regex* regex : all) {
    INFO(regex->pattern());
    CHECK(regex->get().ok());
  }
  int asked = 0;
  CompileRegexes([&asked] { return ++asked == 3; });
  CHECK(asked == 3);  // asked before each one: two compiled, then told to stop
  asked = 0;
  CompileRegexes([&asked] { return ++asked > 1000; });
  CHECK(static_cast<size_t>(asked) == all.size());  // never told: every one, asked once each
}
