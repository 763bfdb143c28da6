// The one fixture runner: lints every file under fixtures/ with all default rules and matches
// the diagnostics against the expectations written in the file (or its NAME.md.expect sidecar),
// exactly, both ways. Syntax: `expect: [LINE:COL|COL] RULE ["text in message or help"]`, several
// per comment separated by `;`. A comment alone on its line applies to the next line.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <map>
#include <sstream>

#include "core/document.h"
#include "core/text.h"
#include "engine/fix.h"
#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  int line = 0;
  int column = 0;  // 0: any
  std::string rule;
  std::string text;
  bool matched = false;
};

void ParseSpecs(std::string_view specs, int line, std::vector<Expectation>& out) {
  static const RE2 kSpec(
      R"re(\s*(?:(\d+):(\d+)|(\d+))?\s*(AL\d{3}|[a-z0-9-]+)(?:\s+"([^"]*)")?\s*)re");
  std::stringstream stream{std::string(specs)};
  std::string spec;
  while (std::getline(stream, spec, ';')) {
    std::string l, c, col, rule, text;
    REQUIRE_MESSAGE(RE2::FullMatch(spec, kSpec, &l, &c, &col, &rule, &text),
                    "bad expectation: " << spec);
    Expectation e;
    e.line = l.empty() ? line : std::stoi(l);
    e.column = !c.empty() ? std::stoi(c) : (!col.empty() ? std::stoi(col) : 0);
    e.rule = rule;
    e.text = text;
    out.push_back(e);
  }
}

std::vector<Expectation> Expectations(const fs::path& file, const std::string& text) {
  std::vector<Expectation> out;
  const fs::path sidecar = file.string() + ".expect";
  if (fs::exists(sidecar)) {
    std::stringstream lines(ReadFile(sidecar));
    std::string line;
    while (std::getline(lines, line)) {
      if (!Trim(line).empty()) ParseSpecs(line, 0, out);
    }
    return out;
  }
  static const RE2 kComment(R"((?:#|<!--)\s*expect:\s*([^>]*?)\s*(?:-->)?\s*$)");
  std::stringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::string specs;
    re2::StringPiece input(line);
    if (!RE2::PartialMatch(input, kComment, &specs)) continue;
    const size_t at = line.find("expect:");
    size_t marker = line.rfind("<!--", at);
    const size_t hash = line.rfind('#', at);
    if (marker == std::string::npos || (hash != std::string::npos && hash > marker)) marker = hash;
    const bool alone = Trim(std::string_view(line).substr(0, marker)).empty();
    ParseSpecs(specs, alone ? number + 1 : number, out);
  }
  return out;
}

bool Matches(const Expectation& e, const Diagnostic& d) {
  return (e.rule == d.rule->id || e.rule == d.rule->name) && e.line == d.location.start.line &&
         (e.column == 0 || e.column == d.location.start.column) &&
         (d.message.find(e.text) != std::string::npos ||
          d.help.str().find(e.text) != std::string::npos);
}

std::string Describe(const Diagnostic& d) {
  return std::to_string(d.location.start.line) + ":" + std::to_string(d.location.start.column) +
         " " + std::string(d.rule->id) + " " + std::string(d.rule->name) + " \"" + d.message + "\"";
}

bool IsProjectFixture(const fs::path& file) {
  return file.string().find("/fixtures/project/") != std::string::npos;
}

// fixtures/project/<rule>/<case>/: linted as one run, so project checks see every file.
fs::path ProjectCase(const fs::path& file) {
  const fs::path root = fs::path(SourceDir()) / "fixtures" / "project";
  const fs::path relative = file.lexically_relative(root);
  auto it = relative.begin();
  const fs::path rule = *it++;
  return root / rule / *it;
}

void MatchExpectations(const fs::path& file, const std::string& text,
                       std::vector<Diagnostic> found) {
  std::vector<Expectation> expected = Expectations(file, text);
  const bool clean = file.string().find("/fixtures/clean/") != std::string::npos ||
                     file.string().find("/fixtures/dialects/") != std::string::npos;
  if (clean) CHECK_MESSAGE(expected.empty(), "clean fixtures carry no expectations");
  for (const Diagnostic& d : found) {
    bool ok = false;
    for (Expectation& e : expected) {
      if (!e.matched && Matches(e, d)) {
        e.matched = ok = true;
        break;
      }
    }
    CHECK_MESSAGE(ok, "unexpected: " << Describe(d));
  }
  for (const Expectation& e : expected) {
    CHECK_MESSAGE(e.matched, "missing: " << e.line << ":" << e.column << " " << e.rule << " \""
                                         << e.text << "\"");
  }
}

std::vector<fs::path> FixtureFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() + "/fixtures")) {
    const std::string name = entry.path().filename().string();
    // `a.MD`, `a.markdown`, `a.txt`: agents misnamed on purpose (AL015).
    if (entry.is_regular_file() && (entry.path().extension() == ".md" || MisnamedMarkdown(name)) &&
        name.find(".fixed.md") == std::string::npos) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// `<!-- fixture-options: extend-select=AL207 section-profile=generic -->` sets lint options for
// one fixture (rules that are off by default, a section profile).
LintOptions FixtureOptions(const std::string& text) {
  LintOptions options;
  static const RE2 kOptions(R"(fixture-options:([^>]*)-->)");
  std::string list;
  if (!RE2::PartialMatch(text, kOptions, &list)) return options;
  std::stringstream words(list);
  std::string word;
  while (words >> word) {
    const size_t eq = word.find('=');
    const std::string key = word.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : word.substr(eq + 1);
    if (key == "extend-select") {
      options.extend_select.push_back(value);
    } else if (key == "section-profile") {
      options.checks.section_profile = value;
    } else {
      FAIL("unknown fixture option " << key);
    }
  }
  return options;
}

}  // namespace

TEST_CASE("fixtures: every fixture produces exactly the diagnostics it expects") {
  const std::vector<fs::path> files = FixtureFiles();
  CHECK(files.size() > 60);
  for (const fs::path& file : files) {
    if (IsProjectFixture(file)) continue;
    CAPTURE(file.string());
    const std::string text = ReadFile(file);
    // The whole pipeline on the file alone: per-file checks, project checks, suppressions.
    std::vector<Diagnostic> found;
    for (Diagnostic& d : Lint({file.string()}, FixtureOptions(text)).diagnostics) {
      if (fs::path(d.location.path.str()) == file) found.push_back(std::move(d));  // not a config's
    }
    MatchExpectations(file, text, std::move(found));
  }
}

TEST_CASE("fixtures: every multi-file project case produces exactly what its files expect") {
  std::map<fs::path, std::vector<fs::path>> cases;
  for (const fs::path& file : FixtureFiles()) {
    if (IsProjectFixture(file)) cases[ProjectCase(file)].push_back(file);
  }
  CHECK(cases.size() >= 8);
  for (const auto& [dir, files] : cases) {
    CAPTURE(dir.string());
    // A case that stands for a git checkout carries a `git-checkout` file; git cannot commit a
    // `.git` folder, so the runner makes one.
    if (fs::exists(dir / "git-checkout")) fs::create_directories(dir / ".git");
    const LintResult result = Lint({dir.string()}, FixtureOptions(ReadFile(files.front())));
    for (const fs::path& file : files) {
      CAPTURE(file.string());
      std::vector<Diagnostic> found;
      for (const Diagnostic& d : result.diagnostics) {
        if (fs::path(d.location.path.str()) == file) found.push_back(d);
      }
      MatchExpectations(file, ReadFile(file), std::move(found));
    }
  }
}

TEST_CASE(
    "fixtures: --fix turns each fixture into its NAME.fixed.md exactly, and then changes nothing") {
  size_t checked = 0;
  for (const fs::path& file : FixtureFiles()) {
    fs::path fixed = file;
    fixed.replace_extension(".fixed.md");
    if (!fs::exists(fixed)) continue;
    CAPTURE(file.string());
    FileOrigin origin = ClassifyPath(file.string());
    origin.named = true;
    const FileFix once = FixFile({file.string(), origin}, {}, {});
    CHECK(once.refused.empty());
    CHECK_MESSAGE(once.after == ReadFile(fixed), "the fixed text differs from " << fixed.string());
    // Converged: fixing the fixed text changes nothing.
    const FileFix twice = FixFile({fixed.string(), origin}, {}, {});
    CHECK(twice.after == twice.before);
    ++checked;
  }
  CHECK(checked >= 9);
}

TEST_CASE("fixtures: --fix --unsafe-fixes gives NAME.unsafe.fixed.md; --fix alone does not") {
  size_t checked = 0;
  for (const fs::path& file : FixtureFiles()) {
    fs::path fixed = file;
    fixed.replace_extension(".unsafe.fixed.md");
    if (!fs::exists(fixed)) continue;
    CAPTURE(file.string());
    FileOrigin origin = ClassifyPath(file.string());
    origin.named = true;
    const FileFix unsafe = FixFile({file.string(), origin}, {}, {true});
    CHECK(unsafe.refused.empty());
    CHECK_MESSAGE(unsafe.after == ReadFile(fixed),
                  "the fixed text differs from " << fixed.string());
    CHECK(FixFile({fixed.string(), origin}, {}, {true}).fixed == 0);
    // Without --unsafe-fixes the unsafe edit is not made.
    CHECK(FixFile({file.string(), origin}, {}, {false}).after != unsafe.after);
    ++checked;
  }
  CHECK(checked >= 1);
}
