#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "output/github.h"
#include "output/json.h"
#include "output/sarif.h"
#include "output/text.h"
#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;

namespace {
LintResult ResultFor(const std::string& text) {
  LintResult result;
  result.diagnostics = LintText(text);
  result.files_linted = 1;
  return result;
}
}  // namespace

TEST_CASE("output: text shows location, rule, code frame with caret, help and summary") {
  const LintResult result = ResultFor(
      "---\nname: a\ndescription: Does things. Use for tests.\ntools: Read, Bassh\n---\nYou are a "
      "test agent. Do the task you are given.\n");
  const std::string text = RenderText(result, {});
  CHECK(text.find(".claude/agents/test.md:4:14: error: `Bassh` is not a Claude Code tool") !=
        std::string::npos);
  CHECK(text.find("[AL103 unknown-tool]") != std::string::npos);
  CHECK(text.find(" 4 | tools: Read, Bassh\n   |              ^^^^^\n") != std::string::npos);
  CHECK(text.find("help: did you mean `Bash`?") != std::string::npos);
  CHECK(text.find("Found 1 error in 1 agent file.") != std::string::npos);
  CHECK(text.find("\x1b[") == std::string::npos);
  const std::string colored = RenderText(result, {true, false});
  CHECK(colored.find("\x1b[1m.claude/agents/test.md:4:14:\x1b[0m \x1b[1;31merror\x1b[0m: `Bassh` "
                     "is not a Claude Code tool") != std::string::npos);
  CHECK(colored.find(" \x1b[2m[AL103 unknown-tool]\x1b[0m\n\x1b[1;34m 4 |\x1b[0m tools: Read, "
                     "Bassh\n\x1b[1;34m   |\x1b[0m              \x1b[1;31m^^^^^\x1b[0m\n   = "
                     "\x1b[1mhelp\x1b[0m: did you mean `Bash`?") != std::string::npos);
  const std::string quiet = RenderText(result, {false, true});
  CHECK(quiet.find(" | ") == std::string::npos);
  CHECK(quiet.find("Found") == std::string::npos);
}

TEST_CASE("output: JSON is valid, versioned and carries positions, rule and fix") {
  const LintResult result = ResultFor(
      "---\nname: a\ndescription: \"Quote \\\" and \\\\ and tab\\t\"\ntools: Read, "
      "MultiEdit\n---\nBody \xff\n");
  const std::string json = RenderJson(result);
  CHECK(JsonChecker(json).Valid());
  const auto doc = nlohmann::json::parse(json);
  CHECK(doc["schema"] == "agentlint/v1");
  const nlohmann::json* removed = nullptr;
  bool invalid_utf8 = false;
  for (const auto& d : doc["diagnostics"]) {
    if (d["rule"] == "AL118") removed = &d;
    if (d["rule"] == "AL002") invalid_utf8 = true;
  }
  REQUIRE(removed != nullptr);
  CHECK((*removed)["name"] == "removed-tool");
  CHECK((*removed)["line"] == 4);
  CHECK((*removed)["column"] == 14);
  CHECK((*removed)["end_line"] == 4);
  CHECK((*removed)["end_column"] == 23);
  CHECK((*removed)["fix"]["edits"][0]["replacement"] == "Edit");
  CHECK(invalid_utf8);
  CHECK(doc["summary"]["error"].get<int>() + doc["summary"]["warning"].get<int>() +
            doc["summary"]["info"].get<int>() ==
        static_cast<int>(doc["diagnostics"].size()));
}

TEST_CASE("output: JSON strings escape control characters and invalid UTF-8") {
  CHECK(DumpJson(nlohmann::ordered_json("a\"b\\c\n\t\x01")) == "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  CHECK(DumpJson(nlohmann::ordered_json("caf\xc3\xa9 \xff")) == "\"caf\xc3\xa9 \xef\xbf\xbd\"");
  CHECK(JsonChecker(DumpJson(nlohmann::ordered_json(std::string("\0\x1f\x7f", 3)))).Valid());
}

TEST_CASE("output: an empty result is valid JSON and says so in text") {
  LintResult empty;
  empty.files_linted = 2;
  CHECK(JsonChecker(RenderJson(empty)).Valid());
  CHECK(RenderText(empty, {}) == "No problems found in 2 agent files.\n");
}

// JSON and SARIF reports are written item by item; the text must be what the whole document,
// dumped at once, would be, at any depth, for any number of items.
TEST_CASE("output: a streamed JSON array is the same text as the whole document") {
  using Json = nlohmann::ordered_json;
  const auto item = [](size_t i) {
    return Json{{"n", i},
                {"nested", {{"list", Json::array({i, "x\ny"})}, {"empty", Json::object()}}}};
  };
  const auto streamed = [&](const Json& document, size_t count, size_t* pieces = nullptr) {
    std::string out;
    WriteJsonStreamed(document, count, item, [&](std::string_view piece) {
      CHECK(!piece.empty());
      out += piece;
      if (pieces) ++*pieces;
    });
    return out;
  };
  const auto whole = [&](const Json& before, size_t count, const Json& after) {
    Json array = Json::array();
    for (size_t i = 0; i < count; ++i) array.push_back(item(i));
    return DumpJson(
               Json{{"a", before}, {"runs", Json::array({{{"results", array}, {"b", after}}})}},
               2) +
           "\n";
  };
  const std::string here(kStreamedArray);
  for (const size_t count : {0, 1, 3}) {
    CAPTURE(count);
    const Json document = {{"a", 1},
                           {"runs", Json::array({{{"results", here}, {"b", Json::array()}}})}};
    CHECK(streamed(document, count) == whole(1, count, Json::array()));
    // The token inside another string: the document is made whole, with the same text.
    const Json tricky = {{"a", "/" + here + "/"},
                         {"runs", Json::array({{{"results", here}, {"b", here + "!"}}})}};
    CHECK(streamed(tricky, count) == whole("/" + here + "/", count, here + "!"));
  }
  // A top-level array, and many items: handed over in pieces of about 64 KiB, not whole.
  CHECK(streamed(Json(here), 2) == DumpJson(Json::array({item(0), item(1)}), 2) + "\n");
  size_t pieces = 0;
  const std::string big = streamed(Json{{"results", here}}, 5000, &pieces);
  CHECK(big.size() > 4 * 64 * 1024);
  CHECK(pieces >= big.size() / (65 * 1024));
  CHECK(big == DumpJson(Json{{"results",
                              [&] {
                                Json array = Json::array();
                                for (size_t i = 0; i < 5000; ++i) array.push_back(item(i));
                                return array;
                              }()}},
                        2) +
                   "\n");
}

TEST_CASE("output: GitHub annotations escape data and properties") {
  CHECK(EscapeGithubData("50% done\r\nnext") == "50%25 done%0D%0Anext");
  CHECK(EscapeGithubProperty("a:b,c%") == "a%3Ab%2Cc%25");
  const LintResult result = ResultFor(
      "---\nname: a\ndescription: Does things. Use for tests.\ntools: Read, Bassh\n---\nYou are a "
      "test agent with a task.\n");
  const std::string out = RenderGithub(result);
  CHECK(out.rfind(
            "::error file=.claude/agents/test.md,line=4,col=14,endLine=4,endColumn=19,title=AL103 "
            "unknown-tool::",
            0) == 0);
  CHECK(out.find("%0Adid you mean `Bash`?") != std::string::npos);
}

TEST_CASE("output: SARIF carries rules, regions in code points, fixes and fingerprints") {
  const LintResult result = ResultFor(
      "---\nname: a\ndescription: Does things. Use for tests.\ntools: Read, MultiEdit\n---\nYou "
      "are a test agent with a task.\n");
  const std::string sarif = RenderSarif(result);
  CHECK(JsonChecker(sarif).Valid());
  const auto doc = nlohmann::json::parse(sarif);
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto& r = run["results"][0];
  CHECK(r["ruleId"] == "AL118");
  CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == "AL118");
  CHECK(rules[r["ruleIndex"].get<size_t>()]["name"] == "removed-tool");
  CHECK(r["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 4}, {"startColumn", 14}, {"endLine", 4}, {"endColumn", 23}});
  const auto& replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(replacement["deletedRegion"]["byteLength"] == 9);
  CHECK(replacement["insertedContent"]["text"] == "Edit");
  CHECK(r["partialFingerprints"]["agentlint/v2"].get<std::string>().size() >= 16);
}

TEST_CASE("output: a finding's fix is copied with it, and moved without a copy") {
  Diagnostic a;
  CHECK_FALSE(a.fix);
  a.fix = Fix{"quote it", {{{3, 5}, "\"x\""}}, true};
  REQUIRE(a.fix);
  Diagnostic b = a;  // a copy holds its own fix
  REQUIRE(b.fix);
  b.fix->description = "changed";
  CHECK(a.fix->description == "quote it");
  CHECK(b.fix->edits.front().replacement == "\"x\"");
  const Fix* held = &*a.fix;
  Diagnostic c = std::move(a);
  CHECK(&*c.fix == held);
  b = c;  // assignment copies too, and replaces what was there
  CHECK(b.fix->description == "quote it");
  CHECK(&*b.fix != held);
  Diagnostic none;
  b = none;
  CHECK_FALSE(b.fix);
}

TEST_CASE("output: findings in a folder hold one copy of each help text, and every one prints it") {
  TempDir dir;
  const std::string agents = (dir.path() / ".claude" / "agents").string();
  for (const char* name : {"alpha", "beta", "gamma"})
    WriteFile(agents + "/" + name + ".md", std::string("---\nname: ") + name +
                                               "\n---\nYou review code. Report what you find.\n");
  const LintResult result = Lint({agents}, {});
  std::vector<const Diagnostic*> missing;
  for (const Diagnostic& d : result.diagnostics)
    if (d.rule->name == "missing-description") missing.push_back(&d);  // one per file
  REQUIRE(missing.size() == 3);
  CHECK(missing[0]->help.str().rfind("add `description:`", 0) == 0);
  CHECK(missing[0]->help.c_str() == missing[1]->help.c_str());
  CHECK(missing[1]->help.c_str() == missing[2]->help.c_str());
  const std::string text = RenderText(result, {});
  size_t printed = 0;
  for (size_t at = text.find("help: add `description:`"); at != std::string::npos;
       at = text.find("help: add `description:`", at + 1))
    ++printed;
  CHECK(printed == 3);
  CHECK(RenderJson(result).find("\"help\": \"add `description:`") != std::string::npos);
  // The table starts over when it is full: texts handed out before stay whole.
  const SharedString kept = InternHelp("a help text handed out before the table starts over");
  for (int i = 0; i < 5000; ++i) InternHelp("help number " + std::to_string(i));
  CHECK(kept.str() == "a help text handed out before the table starts over");
  CHECK(InternHelp("help number 4999").c_str() == InternHelp("help number 4999").c_str());
  CHECK(InternHelp("").empty());
}

TEST_CASE("output: a frame shows an ASCII line as it shows the same line with wider characters") {
  // A plain ASCII line takes a shorter way (one cell per byte). The same line with every `a`
  // written as `é` (two bytes, one cell) must give the same frame, `é` for `a`: the window, the
  // ellipses, the caret's column and its width, for spans anywhere, long or short, and lines
  // shorter and longer than the frame.
  uint64_t state = 99;
  const auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>(state >> 33);
  };
  const RuleInfo* rule = FindRule("AL103");
  REQUIRE(rule);
  const auto render = [&](std::string line, size_t column, size_t cells, bool next_line,
                          size_t width, bool wide) {
    Diagnostic d;
    d.rule = rule;
    d.severity = Severity::kError;
    d.message = "m";
    d.location.path = "a.md";
    size_t byte = 0;  // where cell `column` begins
    for (size_t i = 0; i < column; ++i) byte += wide && line[i] == 'a' ? 2 : 1;
    if (wide) {
      std::string widened;
      for (char c : line) widened += c == 'a' ? std::string("\xc3\xa9") : std::string(1, c);
      line = widened;
    }
    d.line_text_offset = 1000;
    d.location.span = {1000 + byte, 1000 + byte + 1};
    d.location.start = {40, static_cast<int>(column) + 1};
    d.location.end = next_line ? LineCol{41, 3} : LineCol{40, static_cast<int>(column + cells) + 1};
    d.line_text = line;
    LintResult result;
    result.diagnostics.push_back(d);
    TextOptions options;
    options.frame_width = width;
    options.summary = false;
    std::string text = RenderText(result, options);
    for (size_t at = text.find("\xc3\xa9"); at != std::string::npos; at = text.find("\xc3\xa9", at))
      text.replace(at, 2, "a");
    return text;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    const size_t length = next() % 300;
    for (size_t i = 0; i < length; ++i) line += "abc d"[next() % 5];
    const size_t column = length ? next() % (length + 1) : 0;
    const size_t cells = next() % 40;
    const bool next_line = next() % 5 == 0;
    const size_t width = 20 + next() % 150;
    const std::string plain = render(line, column, cells, next_line, width, false);
    CHECK_MESSAGE(plain == render(line, column, cells, next_line, width, true), plain);
    CHECK(plain.find(" 40 | ") != std::string::npos);
  }
}

TEST_CASE("output: a run's findings are in order, a config's own among them, each once") {
  // Each file's findings are sorted on their own and the run only checks the whole; a config's
  // findings come last and sort before the agents (`.agentlint.yaml` < `.claude/...`).
  TempDir dir;
  WriteFile(dir.path() / ".agentlint.yaml", "select: [all]\nno-such-key: 1\n");
  const std::filesystem::path agents = dir.path() / ".claude" / "agents";
  for (const char* name : {"beta", "alpha", "gamma"})
    WriteFile(agents / (std::string(name) + ".md"),
              std::string("---\nname: ") + name +
                  "\ntools: Read, Bassh, Grepp\nmodel: sonet\n---\nYou review code.\n");
  const LintResult result = Lint({dir.path().string()}, {});
  REQUIRE(result.diagnostics.size() > 6);
  CHECK(result.diagnostics.front().rule->name == "invalid-config");
  CHECK(std::is_sorted(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess));
  std::vector<Diagnostic> copy = result.diagnostics;
  SortAndDeduplicate(copy);
  CHECK(copy.size() == result.diagnostics.size());  // nothing left twice
  // Out of order and with a finding twice: sorted, and the copy dropped.
  std::vector<Diagnostic> shuffled(result.diagnostics.rbegin(), result.diagnostics.rend());
  shuffled.push_back(result.diagnostics[3]);
  SortAndDeduplicate(shuffled);
  REQUIRE(shuffled.size() == result.diagnostics.size());
  for (size_t i = 0; i < shuffled.size(); ++i) {
    CHECK(shuffled[i].location.path == result.diagnostics[i].location.path);
    CHECK(shuffled[i].message == result.diagnostics[i].message);
  }
}
