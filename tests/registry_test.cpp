// Invariants of the rule registry: ids, names, docs, fixtures and the README table agree, and
// every doc's Example triggers its rule while its "Use instead" lints clean.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <set>

#include "core/embedded.h"
#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {

int RangeStart(Category category) {
  switch (category) {
    case Category::kInput:
      return 0;
    case Category::kFrontMatter:
      return 100;
    case Category::kBody:
      return 200;
    case Category::kConsistency:
      return 300;
    case Category::kProject:
      return 400;
    case Category::kSecurity:
      return 500;
    case Category::kEngine:
      return 900;
  }
  return -1;
}

// Rules whose problem is the file system or agentlint itself, not text a doc can show.
bool NotShowable(std::string_view id) {
  return id == "AL001" || id == "AL901" || id == "AL409" || id == "AL014" || id == "AL015" ||
         id == "AL016";
}

struct Block {
  std::string flags;
  std::string text;
};

Block FindBlock(const std::string& doc, const std::string& heading) {
  const size_t at = doc.find("\n## " + heading + "\n");
  if (at == std::string::npos) return {};
  // The fence is ``` or, when the example itself holds a fence, ````.
  const size_t open = doc.find("```", at);
  if (open == std::string::npos) return {};
  size_t ticks = 0;
  while (doc[open + ticks] == '`') ++ticks;
  const std::string fence(ticks, '`');
  if (doc.compare(open + ticks, 8, "markdown") != 0) return {};
  const size_t eol = doc.find('\n', open);
  const size_t close = doc.find("\n" + fence + "\n", eol);
  if (close == std::string::npos) return {};
  const size_t flags = open + ticks + 8;
  return {doc.substr(flags, eol - flags), doc.substr(eol + 1, close - eol)};
}

std::vector<Diagnostic> LintBlock(const Block& block, const RuleInfo& rule) {
  std::string text = block.text;
  const std::string flags = block.flags;
  if (flags.find("crlf") != std::string::npos) {
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    text = crlf;
  }
  if (flags.find("bom") != std::string::npos) text = "\xEF\xBB\xBF" + text;
  if (flags.find("invalid-utf8") != std::string::npos) {
    const size_t at = text.find("\\xFF");
    if (at != std::string::npos) text.replace(at, 4, "\xFF");
  }
  TempDir tmp;
  fs::path file = tmp.path() / ".claude/agents/example.md";
  if (flags.find("plugin") != std::string::npos) {
    WriteFile(tmp.path() / "plugin/.claude-plugin/plugin.json", "{}");
    file = tmp.path() / "plugin/agents/example.md";
  }
  if (flags.find("files") != std::string::npos) {
    // Several files: `==> path <==` lines start each one.
    size_t at = 0;
    while ((at = text.find("==> ", at)) != std::string::npos) {
      const size_t close = text.find(" <==\n", at);
      const size_t next = text.find("\n==> ", close);
      const std::string path = text.substr(at + 4, close - at - 4);
      const size_t begin = close + 5;
      WriteFile(
          tmp.path() / path,
          text.substr(begin, next == std::string::npos ? std::string::npos : next + 1 - begin));
      at = next == std::string::npos ? text.size() : next + 1;
    }
  } else {
    WriteFile(file, text);
  }
  LintOptions options;
  options.extend_select.emplace_back(rule.id);  // rules that are off by default too
  const size_t profile = flags.find("profile=");
  if (profile != std::string::npos) {
    options.checks.section_profile =
        flags.substr(profile + 8, flags.find(' ', profile) - profile - 8);
  }
  return Lint({tmp.path().string()}, options).diagnostics;
}

}  // namespace

TEST_CASE("registry: ids are unique, ordered and in their category's range, names are kebab-case") {
  std::set<std::string_view> ids;
  std::set<std::string_view> names;
  int previous = -1;
  for (const RuleInfo& rule : AllRules()) {
    CAPTURE(rule.id);
    CHECK(RE2::FullMatch(std::string(rule.id), R"(AL\d{3})"));
    CHECK(RE2::FullMatch(std::string(rule.name), R"([a-z0-9]+(-[a-z0-9]+)*)"));
    CHECK(ids.insert(rule.id).second);
    CHECK(names.insert(rule.name).second);
    const int number = std::stoi(std::string(rule.id.substr(2)));
    CHECK(number > previous);
    previous = number;
    const int start = RangeStart(rule.category);
    CHECK(number >= start);
    CHECK(number < start + 100);
    CHECK(!rule.summary.empty());
    CHECK(FindRule(rule.id) == &rule);
    CHECK(FindRule(rule.name) == &rule);
  }
}

TEST_CASE("registry: every rule has its check file, its doc and fixtures") {
  for (const RuleInfo& rule : AllRules()) {
    CAPTURE(rule.id);
    const std::string doc_path = rule.DocPath();
    CHECK(fs::exists(SourceDir() + "/" + doc_path));
    const std::string cpp = doc_path.substr(0, doc_path.size() - 3) + ".cpp";
    // Engine rules (AL9xx) are reported by the pipeline itself (src/core), not by a check file.
    if (rule.category != Category::kEngine) CHECK(fs::exists(SourceDir() + "/" + cpp));
    const std::string_view doc = FindEmbedded(doc_path);
    REQUIRE(!doc.empty());
    CHECK(doc.substr(0, 2 + rule.id.size() + 1 + rule.name.size()) ==
          "# " + std::string(rule.id) + " " + std::string(rule.name));
    for (const char* section :
         {"## What it does", "## Why is this bad?", "## Example", "## Use instead"}) {
      CHECK_MESSAGE(doc.find(section) != std::string_view::npos, section);
    }
    CHECK(doc.find(std::string("Fixable: ") + (rule.fixable ? "yes" : "no")) !=
          std::string_view::npos);
    if (rule.id == "AL001" || rule.id == "AL901") continue;  // tested through the CLI
    const fs::path fixtures =
        SourceDir() + "/fixtures/" + CategoryName(rule.category) + "/" + std::string(rule.name);
    CHECK_MESSAGE(fs::is_directory(fixtures), fixtures.string());
    if (rule.fixable && fs::is_directory(fixtures)) {
      bool has_fixed = false;
      for (const auto& entry : fs::directory_iterator(fixtures)) {
        has_fixed |=
            entry.path().string().size() > 9 &&
            entry.path().string().compare(entry.path().string().size() - 9, 9, ".fixed.md") == 0;
      }
      CHECK_MESSAGE(has_fixed, "fixable rule without a NAME.fixed.md fixture");
    }
  }
}

TEST_CASE("registry: each doc's Example triggers its rule and its fix lints clean") {
  for (const RuleInfo& rule : AllRules()) {
    CAPTURE(rule.id);
    const std::string doc(FindEmbedded(rule.DocPath()));
    const Block example = FindBlock(doc, "Example");
    const Block fixed = FindBlock(doc, "Use instead");
    REQUIRE(!example.text.empty());
    REQUIRE(!fixed.text.empty());
    if (NotShowable(rule.id)) {
      CHECK(example.flags.find("norun") != std::string::npos);
      continue;
    }
    CHECK(example.flags.find("norun") == std::string::npos);
    CHECK_MESSAGE(HasRule(LintBlock(example, rule), rule.id),
                  "the Example does not trigger " << rule.id);
    for (const Diagnostic& d : LintBlock(fixed, rule)) {
      FAIL_CHECK("the fix is not clean: " << d.rule->id << " " << d.message);
    }
  }
}

TEST_CASE("registry: the README lists every rule") {
  const std::string readme = ReadFile(SourceDir() + "/README.md");
  for (const RuleInfo& rule : AllRules()) {
    CHECK_MESSAGE(readme.find("| " + std::string(rule.id) + " | `" + std::string(rule.name) +
                              "` |") != std::string::npos,
                  rule.id);
  }
}
