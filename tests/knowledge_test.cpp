#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "core/embedded.h"
#include "core/knowledge.h"

using namespace agentlint;

TEST_CASE("knowledge: every embedded file loads with unique names and compiling patterns") {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path.substr(0, 6) == "rules/") files.emplace_back(file.path, file.data);
  }
  CHECK(files.size() >= 6);
  std::vector<KnowledgeError> errors;
  const Knowledge k = LoadKnowledge(files, errors);
  for (const KnowledgeError& e : errors) FAIL_CHECK(e.file << ": " << e.message);
  CHECK(errors.empty());
  CHECK(k.FindTool("Read"));
  CHECK(k.FindTool("MultiEdit")->replacement == "Edit");
  CHECK(k.model_id_pattern->get().ok());
  CHECK(RE2::FullMatch("claude-opus-4-8[1m]", k.model_id_pattern->get()));
  CHECK(k.IsMcpReference("mcp__ide__getDiagnostics"));
  CHECK(k.IsMcpReference("mcp__github__*"));
  CHECK_FALSE(k.IsMcpReference("mcpcontext7"));
  // Once the sets are built, names outside the pattern's possible range are refused before the
  // regex runs: the range must hold every name the pattern takes, the longest and highest too.
  const Knowledge& built = EmbeddedKnowledge();
  CHECK(built.mcp_range);
  CHECK(built.IsMcpReference("mcp__" + std::string(40, 'z') + "__" + std::string(40, 'z')));
  CHECK(built.IsMcpReference("mcp__" + std::string(40, 'z') + "__*"));
  CHECK(built.IsMcpReference("mcp__-"));
  CHECK(built.IsMcpReference("mcp___"));
  CHECK_FALSE(built.IsMcpReference("Read"));
  CHECK_FALSE(built.IsMcpReference("zmcp__a"));
  CHECK_FALSE(built.IsMcpReference("mcp__"));
  CHECK(Contains(k.colors, "pink"));
  CHECK(Contains(k.builtin_agents, "general-purpose"));
}

TEST_CASE("knowledge: broken knowledge is reported, not ignored") {
  std::vector<KnowledgeError> errors;
  LoadKnowledge({{"rules/tools.yaml",
                  "tools:\n  - {name: Read, status: current, subagents: always, background: kept}\n"
                  "  - {name: Read, status: gone, subagents: always, background: kept}\n"
                  "mcp: {pattern: '('}\n"},
                 {"rules/colors.yaml", "colors: [red, red]\n"}},
                errors);
  std::set<std::string> messages;
  for (const KnowledgeError& e : errors) messages.insert(e.message);
  CHECK(messages.count("duplicate tool `Read`"));
  CHECK(messages.count("unknown tool status `gone`"));
  CHECK(messages.count("duplicate `red` in colors"));
  CHECK(messages.count("knowledge file is missing"));
  bool bad_pattern = false;
  for (const std::string& m : messages)
    bad_pattern |= m.find("does not compile") != std::string::npos;
  CHECK(bad_pattern);
}

TEST_CASE("knowledge: loaded for use, patterns compile when first matched, not at start-up") {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"rules/tools.yaml",
       "tools:\n  - {name: Read, status: current, subagents: always, background: kept}\n"
       "mcp: {pattern: '('}\n"}};
  std::vector<KnowledgeError> now;
  LoadKnowledge(files, now, PatternCheck::kNow);
  std::vector<KnowledgeError> later;
  const Knowledge k = LoadKnowledge(files, later, PatternCheck::kOnUse);
  const auto compile_errors = [](const std::vector<KnowledgeError>& errors) {
    return std::count_if(errors.begin(), errors.end(), [](const KnowledgeError& e) {
      return e.message.find("does not compile") != std::string::npos;
    });
  };
  CHECK(compile_errors(now) == 1);
  CHECK(compile_errors(later) == 0);  // which is why the test above loads the embedded files kNow
  CHECK_FALSE(k.mcp_pattern->get().ok());
  CHECK_FALSE(k.IsMcpReference("("));  // a broken pattern matches nothing
  // The embedded knowledge is loaded kOnUse and behaves as the checked load does.
  CHECK(EmbeddedKnowledge().IsMcpReference("mcp__ide__getDiagnostics"));
  CHECK(RE2::FullMatch("claude-opus-4-8[1m]", EmbeddedKnowledge().model_id_pattern->get()));
}

TEST_CASE("knowledge: every file records the Claude Code version it was checked against") {
  const Knowledge& k = EmbeddedKnowledge();
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path.substr(0, 6) != "rules/" || file.path.find(".yaml") == std::string::npos)
      continue;
    CAPTURE(file.path);
    REQUIRE(k.checked_against.count(std::string(file.path)));
  }
  CHECK(k.checked_against.at("rules/tools.yaml") == "2.1.332");
  CHECK(k.checked_against.at("rules/models.yaml") == "2.1.332");
}

TEST_CASE("knowledge: versions compare by number, and an older release sees its own tools") {
  CHECK(CompareVersions("2.1.63", "2.1.200") == -1);
  CHECK(CompareVersions("2.1.200", "2.1.63") == 1);
  CHECK(CompareVersions("2.0", "2.0") == 0);
  CHECK_FALSE(CompareVersions("2026-03", "2.1.0"));
  CHECK_FALSE(CompareVersions("lots", "2.1.0"));
  const Knowledge& now = EmbeddedKnowledge();
  REQUIRE(now.FindTool("MultiEdit")->status == ToolStatus::kRemoved);  // removed in 2.0.32
  const Knowledge before = ForClaudeCodeVersion(now, "2.0.10");
  CHECK(before.FindTool("MultiEdit")->status == ToolStatus::kCurrent);
  const Knowledge after = ForClaudeCodeVersion(now, "2.1.332");
  CHECK(after.FindTool("MultiEdit")->status == ToolStatus::kRemoved);
}

// Every match of a pattern that has a prefilter holds a match of the prefilter (the one pass
// looks for the prefilter: a miss there would hide a finding). Each prefiltered pattern must
// match one of these samples, so a new prefilter comes with samples of its own.
TEST_CASE("knowledge: a prefilter occurs in every match of its pattern") {
  const std::vector<std::string> samples = {
      "postgres://admin:s3cretPass99@db.internal:5432/app",
      "see redis://cache-user:hunter2hunter2@cache:6379",
      "git+https://deploy:abcDEF123456@git.example.org/repo.git",
      "pip install requests",
      "  $ pip3 install -r requirements.txt",
      "cd app && pip install .",
      "(pip install -e .)",
      "run `pip install ruff` first",
      "uv pip install fastapi",
      "python3 -m pip install build",
  };
  const Knowledge& k = EmbeddedKnowledge();
  std::vector<std::pair<const RE2*, std::string>> prefiltered;
  for (const SecretPattern& s : k.secrets) {
    if (!s.prefilter.empty()) prefiltered.emplace_back(&s.pattern->get(), s.prefilter);
  }
  for (const ConflictTopic& topic : k.conflict_topics) {
    for (const ConflictChoice& choice : topic.choices) {
      for (size_t i = 0; i < choice.commands.size(); ++i) {
        if (choice.CommandScan(i) != choice.commands[i]->pattern())
          prefiltered.emplace_back(&choice.commands[i]->get(), choice.CommandScan(i));
      }
    }
  }
  REQUIRE(prefiltered.size() >= 2);
  for (const auto& [pattern, prefilter] : prefiltered) {
    const RE2 pre(prefilter);
    REQUIRE(pre.ok());
    size_t matched = 0;
    for (const std::string& sample : samples) {
      if (!RE2::PartialMatch(sample, *pattern)) continue;
      ++matched;
      CHECK_MESSAGE(RE2::PartialMatch(sample, pre), prefilter << " misses " << sample);
    }
    CHECK_MESSAGE(matched > 0, pattern->pattern() << " matches no sample");
  }
}

TEST_CASE("knowledge: the one pass looks for the prefilter, and a broken one is reported") {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"rules/secrets.yaml",
       "secrets:\n"
       "  - {id: token, description: a token, pattern: '\\b(tok-[a-z]{8})', prefilter: 'tok-'}\n"
       "dangerous: []\n"},
      {"rules/conflicts.yaml",
       "topics:\n"
       "  - id: runner\n    title: task runner\n    choices:\n"
       "      - {id: make, name: Make, patterns: ['\\bmake\\b'],\n"
       "         commands: [{pattern: '(?m)^make all\\b', prefilter: 'make all'}, "
       "'\\bMakefile\\b']}\n"
       "      - {id: just, name: just, patterns: ['\\bjust\\b']}\n"}};
  std::vector<KnowledgeError> errors;
  Knowledge k = LoadKnowledge(files, errors);
  for (const KnowledgeError& e : errors)
    CHECK_MESSAGE(e.message == "knowledge file is missing", e.file << ": " << e.message);
  BuildSets(k);
  REQUIRE(k.secrets.size() == 1);
  const ConflictChoice& make = k.conflict_topics.at(0).choices.at(0);
  REQUIRE(make.commands.size() == 2);
  CHECK(make.CommandScan(0) == "make all");
  CHECK(make.CommandScan(1) == make.commands[1]->pattern());
  // "tok-" and "make all" occur here, though neither pattern matches: the pass saw the prefilters.
  const ScanResult seen = k.scan->Scan("a tok-XYZ and `make all`");
  CHECK(seen.MayContain(k.secrets[0].scan));
  CHECK(seen.MayContain(make.command_scan[0]));
  CHECK_FALSE(seen.MayContain(make.command_scan[1]));
  CHECK_FALSE(k.scan->Scan("nothing here").MayContain(k.secrets[0].scan));

  std::vector<KnowledgeError> broken;
  LoadKnowledge(
      {{"rules/secrets.yaml",
        "secrets:\n  - {id: a, description: a, pattern: '(x)', prefilter: '('}\n"
        "dangerous: []\n"},
       {"rules/conflicts.yaml",
        "topics:\n  - id: t\n    title: t\n    choices:\n"
        "      - {id: a, name: A, patterns: [a], commands: [[nested]]}\n"
        "      - {id: b, name: B, patterns: [b], commands: [{prefilter: b}, 'b', 'b']}\n"}},
      broken);
  std::set<std::string> messages;
  size_t compile = 0;
  for (const KnowledgeError& e : broken) {
    messages.insert(e.message);
    compile += e.message.find("does not compile") != std::string::npos;
  }
  CHECK(compile == 1);
  CHECK(messages.count("`commands` items must be patterns or {pattern, prefilter}"));
  CHECK(messages.count("missing `pattern`"));
  CHECK(messages.count("duplicate `b` in commands"));
}
