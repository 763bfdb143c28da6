// Helpers shared by the checks (checks/common) that promise to agree with something slower.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "checks/common.h"

using namespace agentlint;

TEST_CASE("common: every tail cue agrees with its regex, on ASCII and other text") {
  // The cues in use register themselves before main (rules/checks declare them at namespace
  // scope): conflicting guidance's four and missing-referenced-file's one at least.
  REQUIRE(AllTailCues().size() >= 5);
  // Sentences made of every cue word of the rules, look-alikes, fillers of every length, each
  // stop, a non-ASCII word and spacing: the fast path and the regex must say the same of each.
  const std::string vocabulary =
      "use|uses|using|user|with|without|must|must use|always use|we use|prefer|prefers|"
      "standardize on|standardise on|built with|built on|powered by|based on|via|follow|"
      "following|write|writes|written|create|created|creating|manage|not|no|now|never|avoid|"
      "instead of|rather than|don't|dont|do not|stop using|replace|replacing|migrate from|"
      "migrating away from|deprecated|legacy|unlike|always|exclusively|add|address|new|news|"
      "save|saved|output|outputs|put|input|scaffold|make|makes|generate|the|a|database|files|"
      "PostgreSQL|x|long-word-with-dashes|café|→|naïve|under_score|42|.|;|:|!|?|(|)|,|-|'|\t|"
      // the example cues: abbreviations ending with a stop, and words they start
      "e.g.|E.G.|i.e.|e.g|eg.|xe.g.|e.g.x|for example|for instance|such as|such asynchronous|"
      "like|likely|Likes|alike|"
      // RE2 folds the long s (U+017F) to s and the Kelvin sign (U+212A) to k; a 4-byte
      // character; bytes that are not UTF-8 (a lone continuation, a surrogate, an overlong form)
      "uſe|uſes|\u212Aeep|😀|é|\x80|\xed\xa0\x80|\xc0\xaf";
  std::vector<std::string> tokens;
  for (size_t from = 0;;) {
    const size_t bar = vocabulary.find('|', from);
    tokens.push_back(vocabulary.substr(from, bar - from));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  std::mt19937 random(20261129);
  size_t checked = 0;
  size_t matched = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k) {
      const std::string& token = tokens[random() % tokens.size()];
      if (!text.empty() && random() % 4 != 0) text += ' ';
      text += token;
    }
    if (random() % 3 == 0) text += std::string(random() % 45, 'z');  // tails around each limit
    if (random() % 4 == 0) {  // and tails of two-byte characters, counted as characters
      for (size_t k = random() % 40; k > 0; --k) text += "é";
    }
    if (random() % 5 == 0) text += ' ';
    for (const TailCue* cue : AllTailCues()) {
      const bool slow = RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), cue->regex());
      CHECK_MESSAGE(cue->ClosesText(text) == slow,
                    "text: \"" << text << "\", cue: " << cue->regex().pattern());
      ++checked;
      matched += slow;
    }
  }
  CHECK(checked >= 80000);
  CHECK(matched > 1000);  // the sentences do reach both answers
}

// The one pass looks for a ScanPattern's prefilter: a line its pattern matches and its prefilter
// does not would lose the rule's finding. Each prefiltered pattern must match some sample, so a
// new prefilter comes with samples of its own.
TEST_CASE("common: a scan pattern's prefilter occurs in every line its pattern matches") {
  const std::vector<std::string> samples = {
      "You are a read-only reviewer.",
      "This agent is read only: it reports.",
      "Stay read-only throughout.",
      "Work in read-only mode.",
      "You never modify the codebase.",
      "Do not edit any files; report instead.",
      "You must not change source code.",
      "It won't touch the code.",
      "Delegate the schema work to the db-expert agent.",
      "Hand off to `qa-lead` when done.",
      "route failures to the triage-bot subagent",
      "Escalates to @on-call-lead.",
      "not read-only at all",
      "This reads only the logs.",
  };
  size_t prefiltered = 0;
  for (const ScanPattern* pattern : AllScanPatterns()) {
    if (!pattern->prefilter()) continue;
    ++prefiltered;
    const RE2 pre(pattern->prefilter());
    REQUIRE(pre.ok());
    size_t matched = 0;
    for (const std::string& sample : samples) {
      if (!RE2::PartialMatch(sample, pattern->re())) continue;
      ++matched;
      CHECK_MESSAGE(RE2::PartialMatch(sample, pre), std::string(pattern->prefilter())
                                                        << " misses " << sample);
    }
    CHECK_MESSAGE(matched > 0, pattern->re().pattern() << " matches no sample");
  }
  CHECK(prefiltered >=
        2);  // unknown-agent-mention's delegation, read-only-agent-can-write's promise
}

// ForEachMatch tries a pattern with a start cue only where the cue occurs, anchored there: it
// must find what RE2's own search finds, match after match as FindAndConsume does (each search
// in what the last match left), groups included.
TEST_CASE("common: ForEachMatch finds what FindAndConsume finds") {
  const std::vector<std::string> tokens = {"delegate",
                                           "delegates",
                                           "Delegate",
                                           "DELEGATES",
                                           "hand off",
                                           "hand-off",
                                           "handoff",
                                           "handoffs",
                                           "route",
                                           "routes",
                                           "router",
                                           "reroute",
                                           "escalate",
                                           "eſcalate",
                                           "to",
                                           "To",
                                           "the",
                                           "a",
                                           "then",
                                           "db-expert",
                                           "qa-lead",
                                           "x-1",
                                           "`triage-bot`",
                                           "@on-call",
                                           "agent",
                                           "subagent",
                                           "work",
                                           "schema",
                                           ".",
                                           ";",
                                           ":",
                                           ",",
                                           "-",
                                           "--",
                                           "ab-",
                                           "-cd",
                                           "café",
                                           "naïve-x",
                                           "\u212Aelvin-k",
                                           "\t",
                                           "\n",
                                           "😀",
                                           "\x80",
                                           "long-word-with-dashes"};
  std::mt19937 random(20261207);
  size_t with_start = 0;
  size_t matches = 0;
  for (const ScanPattern* pattern : AllScanPatterns()) {
    if (!pattern->start()) continue;
    ++with_start;
    REQUIRE(pattern->start()->ok());
    const RE2& re = pattern->re();
    const int count = 1 + re.NumberOfCapturingGroups();
    for (int i = 0; i < 20000; ++i) {
      std::string text;
      for (int k = 1 + static_cast<int>(random() % 20); k > 0; --k) {
        if (!text.empty() && random() % 5 != 0) text += ' ';
        text += tokens[random() % tokens.size()];
      }
      std::vector<std::string> expected;  // offset and text of every group of every match
      re2::StringPiece rest(text);
      std::vector<re2::StringPiece> groups(static_cast<size_t>(count));
      while (re.Match(rest, 0, rest.size(), RE2::UNANCHORED, groups.data(), count)) {
        for (const re2::StringPiece& g : groups)
          expected.push_back(g.data() ? std::to_string(g.data() - text.data()) + ":" +
                                            std::string(g.data(), g.size())
                                      : "-");
        if (groups[0].empty()) break;
        rest.remove_prefix(static_cast<size_t>(groups[0].data() + groups[0].size() - rest.data()));
      }
      std::vector<std::string> found;
      ForEachMatch(text, *pattern, [&](const re2::StringPiece* g) {
        for (int k = 0; k < count; ++k)
          found.push_back(g[k].data() ? std::to_string(g[k].data() - text.data()) + ":" +
                                            std::string(g[k].data(), g[k].size())
                                      : "-");
      });
      CHECK_MESSAGE(found == expected, "text: \"" << text << "\", pattern: " << re.pattern());
      matches += expected.size() / static_cast<size_t>(count);
    }
  }
  CHECK(with_start >= 1);  // unknown-agent-mention's delegation
  CHECK(matches > 300);    // the sentences do match, often
}
