// Runs the real agentlint binary: exit codes, formats, several paths, missing paths, colors,
// golden output for examples/, and the seeds from ../shared when they are beside the checkout.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out;
};

// Runs `args` (already shell-quoted) in the source directory; stderr is captured too when
// `with_stderr`.
Run Agentlint(const std::string& args, bool with_stderr = false, const std::string& env = "") {
  const std::string command = "cd '" + SourceDir() + "' && " + env + " '" + AGENTLINT_BINARY +
                              "' " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

void Golden(const std::string& name, const std::string& actual) {
  const fs::path path = SourceDir() + "/tests/golden/" + name;
  const char* update = std::getenv("AGENTLINT_UPDATE_GOLDEN");
  if (update && *update) WriteFile(path, actual);
  CHECK_MESSAGE(ReadFile(path) == actual,
                "output differs from tests/golden/"
                    << name << "; rerun with AGENTLINT_UPDATE_GOLDEN=1 and review the diff");
}

const char* kClean =
    "---\nname: clean\ndescription: A clean agent. Use for tests.\ntools: Read\n---\nYou are a "
    "test agent. Do the task you are given.\n";

}  // namespace

TEST_CASE("cli: version, rules and explain") {
  const Run version = Agentlint("--version");
  CHECK(version.code == 0);
  CHECK(version.out.find("agentlint 0.") == 0);
  CHECK(version.out.find("knowledge 20") != std::string::npos);

  const Run rules = Agentlint("rules");
  CHECK(rules.code == 0);
  for (const agentlint::RuleInfo& rule : agentlint::AllRules()) {
    CHECK(rules.out.find(std::string(rule.id) + "  " + std::string(rule.name)) !=
          std::string::npos);
  }
  const Run explain = Agentlint("explain unknown-tool");
  CHECK(explain.code == 0);
  CHECK(explain.out.find("# AL103 unknown-tool") == 0);
  CHECK(Agentlint("explain AL103").out == explain.out);
  CHECK(Agentlint("explain AL999").code == 2);
}

TEST_CASE("cli: usage errors exit 2") {
  CHECK(Agentlint("--format xml examples").code == 2);
  CHECK(Agentlint("--no-such-option").code == 2);
  CHECK(Agentlint("--color sometimes examples").code == 2);
}

TEST_CASE("cli: examples give the golden text and JSON output and exit 1") {
  const Run text = Agentlint("examples --color never");
  CHECK(text.code == 1);
  Golden("examples.txt", text.out);
  const Run json = Agentlint("examples --format json");
  CHECK(json.code == 1);
  CHECK(JsonChecker(json.out).Valid());
  Golden("examples.json", json.out);
  // Deterministic: the same bytes on every run.
  CHECK(Agentlint("examples --format json").out == json.out);
  const Run markdown = Agentlint("examples --format markdown");
  CHECK(markdown.code == 1);
  Golden("examples.summary.md", markdown.out);
  // The report's graph is `agentlint graph`'s, in a Mermaid block.
  CHECK(markdown.out.find("```mermaid\n" + Agentlint("graph examples").out + "```\n") !=
        std::string::npos);
  CHECK(markdown.out.find("| AL403 | unknown-agent-reference | error | 1 | 0 |") !=
        std::string::npos);
}

TEST_CASE("cli: graph draws the examples' agents, handoffs, missing agents and conflicts") {
  const Run mermaid = Agentlint("graph examples");
  CHECK(mermaid.code == 0);
  Golden("examples.graph.mmd", mermaid.out);
  const Run dot = Agentlint("graph --format dot examples");
  CHECK(dot.code == 0);
  Golden("examples.graph.dot", dot.out);
  // What the graph says, independently of the golden file.
  CHECK(mermaid.out.find("[\"test-writer<br/>(missing)\"]:::missing") != std::string::npos);
  CHECK(mermaid.out.find(" <-->|\"database migrations\"| ") != std::string::npos);
  CHECK(mermaid.out.find("security-reviewer<br/>opus · all tools") != std::string::npos);
  CHECK(dot.out.find("dir=both") != std::string::npos);
  // The README shows this very graph.
  CHECK(ReadFile(SourceDir() + "/README.md").find("```mermaid\n" + mermaid.out + "```") !=
        std::string::npos);
  CHECK(Agentlint("graph no-such-folder").code == 2);
  // One file named among its siblings: they are drawn with the tools they get, as above.
  const Run one = Agentlint("graph examples/.claude/agents/security-reviewer.md");
  CHECK(one.code == 0);
  for (const char* node :
       {"code-reviewer<br/>sonnet · 2 tools", "db-migrator<br/>sonnet · 3 tools",
        "release-manager<br/>inherit · 2 tools", "security-reviewer<br/>opus · all tools"}) {
    CAPTURE(node);
    CHECK(mermaid.out.find(node) != std::string::npos);
    CHECK(one.out.find(node) != std::string::npos);
  }
}

TEST_CASE("cli: graph draws an agent Claude Code does not load as missing, with the handoff") {
  // A handoff to an agent whose file has no `description`: the file is there, Claude Code does
  // not load it, so the node is drawn as missing and the edge to it red; no second node.
  const std::string folder = SourceDir() + "/fixtures/project/unknown-agent-reference/not-loaded";
  const Run mermaid = Agentlint("graph " + folder);
  CHECK(mermaid.code == 0);
  CHECK(mermaid.out.find("a1[\"schema-designer<br/>(not loaded)\"]:::missing") !=
        std::string::npos);
  CHECK(mermaid.out.find("a0 -.-> a1\n") != std::string::npos);
  CHECK(mermaid.out.find("(missing)") == std::string::npos);
  CHECK(mermaid.out.find("linkStyle 0 stroke:#d00") != std::string::npos);
  const Run dot = Agentlint("graph --format dot " + folder);
  CHECK(dot.out.find("a0 -> a1 [color=red, style=dashed];") != std::string::npos);
  // The file named alone inside its folder (as a pre-commit hook does): the sibling is read for
  // whether Claude Code loads it, and the handoff is reported the same way.
  const Run named = Agentlint(folder + "/.claude/agents/api.md");
  CHECK(named.code == 1);
  CHECK(named.out.find(":8:14: error: the body hands off to `schema-designer`, but Claude Code "
                       "does not load `schema-designer.md`") != std::string::npos);
  CHECK(named.out.find("AL106") == std::string::npos);  // the sibling's own findings: not linted
}

TEST_CASE("cli: several paths, a missing path, and exit codes by severity") {
  TempDir tmp;
  WriteFile(tmp.path() / "clean.md", kClean);
  WriteFile(
      tmp.path() / "warn.md",
      "---\nname: w\ndescription: Warns. Use for tests.\ntools: Read, Read\n---\nYou are a test "
      "agent. Do the task you are given.\n");
  WriteFile(tmp.path() / "err.md",
            "---\nname: e\ndescription: Errs. Use for tests.\ntools: Bassh\n---\nYou are a test "
            "agent. Do the task you are given.\n");
  const std::string dir = tmp.path().string();
  CHECK(Agentlint("'" + dir + "/clean.md'").code == 0);
  CHECK(Agentlint("'" + dir + "/warn.md'").code == 0);
  CHECK(Agentlint("--fail-on warning '" + dir + "/warn.md'").code == 1);
  CHECK(Agentlint("--max-warnings 0 '" + dir + "/warn.md'").code == 1);
  CHECK(Agentlint("--max-warnings 1 '" + dir + "/warn.md'").code == 0);
  CHECK(Agentlint("'" + dir + "/err.md'").code == 1);

  const Run both =
      Agentlint("'" + dir + "/clean.md' '" + dir + "/err.md' '" + dir + "/missing.md'", true);
  CHECK(both.code == 2);
  CHECK(both.out.find("missing.md: no such file or directory") != std::string::npos);
  CHECK(both.out.find("err.md:4:8: error") != std::string::npos);  // the rest is still linted
  CHECK(both.out.find("agent files") == std::string::npos);  // no summary next to a usage error
}

TEST_CASE("cli: colors follow --color and NO_COLOR, quiet prints findings only") {
  TempDir tmp;
  WriteFile(tmp.path() / "err.md",
            "---\nname: e\ndescription: Errs. Use for tests.\ntools: Bassh\n---\nYou are a test "
            "agent. Do the task you are given.\n");
  const std::string file = "'" + (tmp.path() / "err.md").string() + "'";
  CHECK(Agentlint("--color always " + file).out.find("\x1b[") != std::string::npos);
  CHECK(Agentlint("--color never " + file).out.find("\x1b[") == std::string::npos);
  CHECK(Agentlint(file, false, "NO_COLOR=1").out.find("\x1b[") == std::string::npos);
  const Run quiet = Agentlint("-q " + file);
  CHECK(quiet.out.find(" | ") == std::string::npos);
  CHECK(quiet.out.find("Found") == std::string::npos);
  CHECK(quiet.out.find("err.md:4:8: error:") != std::string::npos);
}

TEST_CASE("cli: an unreadable path is a finding, and the other files are still linted") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "dir.md");
  WriteFile(tmp.path() / ".claude/agents/ok.md", kClean);
  const Run run = Agentlint("--format json '" + (tmp.path() / "dir.md").string() + "' '" +
                            tmp.path().string() + "'");
  CHECK(JsonChecker(run.out).Valid());
  CHECK(run.out.find("\"linted\": 1") != std::string::npos);

  // A file that vanishes between discovery and reading: LoadDocument reports AL001.
  const agentlint::AgentDoc doc =
      agentlint::LoadDocument({(tmp.path() / "gone.md").string(), {}}, {});
  const auto found = agentlint::CheckDocument(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule->id == "AL001");
}

TEST_CASE("cli: the two seeds in one .claude/agents folder") {
  const fs::path seeds = fs::path(SourceDir()).parent_path() / "shared/seeds";
  if (!fs::exists(seeds / "database-expert.md")) {
    MESSAGE("../shared/seeds is not beside this checkout; skipped");
    return;
  }
  TempDir tmp;
  for (const char* name : {"database-expert.md", "database-expert-moai.md"}) {
    WriteFile(tmp.path() / ".claude/agents" / name, ReadFile(seeds / name));
  }
  const Run run = Agentlint("--format json '" + tmp.path().string() + "'");
  REQUIRE(JsonChecker(run.out).Valid());
  const auto has = [&](const std::string& needle) {
    return run.out.find(needle) != std::string::npos;
  };
  CHECK(HasFinding(run.out,
                   {.line = 4, .column = 91, .end_line = 4, .end_column = 101}));  // BashOutput
  CHECK(has("`BashOutput` was removed"));
  CHECK(has("`KillShell` is the old name of `TaskStop`"));  // still works, as Claude Code shows
  CHECK(HasFinding(run.out, {.line = 4, .column = 103}));
  CHECK(has("`SlashCommand` was removed"));
  CHECK(HasFinding(run.out, {.line = 4, .column = 114}));
  CHECK(has("write `TaskStop`; the alias still works"));
  CHECK(has("use `Skill`"));
  CHECK_FALSE(has("mcp__ide__"));
  CHECK_FALSE(has("AL111"));
  CHECK_FALSE(has("AL113"));
  CHECK(has("\"rule\": \"AL124\""));
  CHECK(has("\"rule\": \"AL110\""));
  CHECK(has("key `type`"));
}

TEST_CASE("cli: a secret is never printed in full, in text or JSON") {
  TempDir tmp;
  const std::string secret = "ghp_" + std::string("Zx81Qw7Lm2Nb5Vc3Kj9Hg4Fd6Sa0PoIuYtRe1Wq");
  WriteFile(
      tmp.path() / ".claude/agents/leaky.md",
      "---\nname: leaky\ndescription: Pushes releases. Use after a merge.\ntools: Read, Bash\n---\n"
      "You push releases. Authenticate with " +
          secret + " when asked.\n");
  const Run text = Agentlint("--color never '" + tmp.path().string() + "'");
  const Run json = Agentlint("--format json '" + tmp.path().string() + "'");
  CHECK(text.code == 1);
  CHECK(text.out.find("AL504") != std::string::npos);
  CHECK(json.out.find("AL504") != std::string::npos);
  CHECK(text.out.find(secret) == std::string::npos);
  CHECK(json.out.find(secret) == std::string::npos);
  CHECK(text.out.find(secret.substr(8)) == std::string::npos);

  // Two secrets on one line: each finding's code frame masks both, not only its own.
  const std::string key = "AKIA" + std::string("QWERTYUIOPASDFGH");
  WriteFile(tmp.path() / ".claude/agents/leaky.md",
            "---\nname: leaky\ndescription: Pushes releases. Use after a merge.\n---\n"
            "Use " +
                secret + " and " + key + " to push.\n");
  const Run two = Agentlint("--color never '" + tmp.path().string() + "'");
  size_t frames = 0;
  for (size_t at = two.out.find("AL504"); at != std::string::npos;
       at = two.out.find("AL504", at + 1))
    ++frames;
  CHECK(frames == 2);
  CHECK(two.out.find(secret.substr(8)) == std::string::npos);
  CHECK(two.out.find(key.substr(8)) == std::string::npos);
}

TEST_CASE("cli: project checks on the seeds: same scope, separate scopes, defined handoff") {
  const fs::path seeds = fs::path(SourceDir()).parent_path() / "shared/seeds";
  if (!fs::exists(seeds / "database-expert.md")) {
    MESSAGE("../shared/seeds is not beside this checkout; skipped");
    return;
  }
  const std::string a = ReadFile(seeds / "database-expert.md");
  const std::string b = ReadFile(seeds / "database-expert-moai.md");
  TempDir together;
  WriteFile(together.path() / ".claude/agents/database-expert.md", a);
  WriteFile(together.path() / ".claude/agents/database-expert-moai.md", b);
  const Run run = Agentlint("--format json '" + together.path().string() + "'");
  const auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = run.out.find(needle); at != std::string::npos;
         at = run.out.find(needle, at + 1))
      ++n;
    return n;
  };
  CHECK(count("\"rule\": \"AL401\"") == 1);  // on the one that does not load
  CHECK(run.out.find("is also the name of `database-expert.md`, which wins") != std::string::npos);
  CHECK(count("\"rule\": \"AL403\"") == 1);
  CHECK(run.out.find("`fullstack-developer`") != std::string::npos);
  for (const char* topic : {"database engine", "Python ORM", "database migrations"}) {
    CHECK_MESSAGE(count(std::string("conflicting guidance on the ") + topic) == 2, topic);
  }
  CHECK(run.out.find("\"message\": \"`database-expert-moai.md` prescribes PostgreSQL") !=
        std::string::npos);
  CHECK(run.out.find("\"message\": \"`database-expert.md` prescribes SQLite") != std::string::npos);

  // Two separate scopes: no duplicate-name error.
  TempDir apart;
  WriteFile(apart.path() / "one/.claude/agents/database-expert.md", a);
  WriteFile(apart.path() / "two/.claude/agents/database-expert-moai.md", b);
  const Run separate = Agentlint("--format json '" + apart.path().string() + "'");
  CHECK(separate.out.find("\"rule\": \"AL401\"") == std::string::npos);

  // With a fullstack-developer agent beside them: no reference error.
  WriteFile(together.path() / ".claude/agents/fullstack.md",
            "---\nname: fullstack-developer\ndescription: Implements features across the stack. "
            "Use for feature "
            "work.\n---\nYou are the full-stack developer. Implement features end to end.\n");
  CHECK(Agentlint("--format json '" + together.path().string() + "'")
            .out.find("\"rule\": \"AL403\"") == std::string::npos);
  // --known-agent declares agents defined elsewhere.
  fs::remove(together.path() / ".claude/agents/fullstack.md");
  CHECK(Agentlint("--known-agent fullstack-developer --format json '" + together.path().string() +
                  "'")
            .out.find("\"rule\": \"AL403\"") == std::string::npos);
}

TEST_CASE("cli: a file named alone is checked against its siblings, findings only on it") {
  TempDir tmp;
  const std::string agent =
      "---\nname: database-expert\ndescription: Designs schemas. Use for schema work.\n---\n";
  WriteFile(tmp.path() / ".claude/agents/a.md",
            agent + "You are the database expert. SQLite only.\n");
  WriteFile(tmp.path() / ".claude/agents/b.md",
            agent + "You are the database expert. Use PostgreSQL.\n");
  const Run run =
      Agentlint("--format json '" + (tmp.path() / ".claude/agents/a.md").string() + "'");
  CHECK(run.out.find("\"linted\": 1") != std::string::npos);
  CHECK(HasFinding(run.out, {.path = "/a.md", .line = 2}));          // duplicate name, on a.md
  CHECK(run.out.find("conflicting guidance") != std::string::npos);  // against b.md
  CHECK(run.out.find("this one loads") != std::string::npos);        // b.md wins: it sorts last
  // No finding is reported on b.md itself: it appears only as a related location.
  CHECK(run.out.find("\n    {\"path\": \"" + (tmp.path() / ".claude/agents/b.md").string()) ==
        std::string::npos);
  // In text, each finding shows its own line of a.md (taken from the summary: the name and a
  // stance); b.md's places are notes, with no line of their own.
  const Run text = Agentlint("'" + (tmp.path() / ".claude/agents/a.md").string() + "'");
  CHECK(text.out.find(" 2 | name: database-expert\n") != std::string::npos);
  CHECK(text.out.find(" 5 | You are the database expert. SQLite only.\n") != std::string::npos);
  CHECK(text.out.find("Use PostgreSQL") == std::string::npos);
  CHECK(text.out.find("b.md:5:") != std::string::npos);
}

// The lines of a `--format github` run that are about `file`.
std::vector<std::string> GithubLinesFor(const std::string& out, const std::string& file) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line.find("file=" + file + ",") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

TEST_CASE("cli: a file named alone gets exactly the findings a run on its whole folder gives it") {
  // Siblings are read for a summary only (their bodies only when they may take a stance on a
  // topic the named file takes one on), so this pins that nothing a finding needs is skipped.
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  const auto agent = [&](const std::string& file, const std::string& name,
                         const std::string& description, const std::string& body) {
    WriteFile(agents / file, "---\nname: " + name + "\ndescription: " + description +
                                 "\ntools: Read, Grep, Glob, Bash\n---\n\n" + body + "\n");
  };
  agent("api.md", "api", "Builds the REST API endpoints. Use for endpoint work.",
        "You build endpoints. Use PostgreSQL for storage and run tests with pytest.\n"
        "Hand off to the @schema-designer agent for schema changes.");
  agent("store.md", "store", "Owns the storage layer. Use for storage work.",
        "SQLite only. Use Poetry to add dependencies.");
  agent("tests.md", "tests", "Writes unit tests for the API. Use after endpoint work.",
        "Run the suite with `python -m unittest`. Never use pytest.");
  agent("deps.md", "deps", "Manages dependencies. Use when adding a package.",
        "Add packages with `uv add`. Delegate to the release-helper agent afterwards.");
  agent("docs.md", "api", "Builds the REST API endpoints. Use for endpoint docs.",
        "You write the docs. Nothing about storage here.");
  agent("plain.md", "plain", "Answers questions about the code. Use for questions.",
        "Read the code and answer. Mention `src/missing.py` when relevant.");
  agent("review.md", "review",
        "Checks pull requests for bugs, style problems and missing tests "
        "before merge.",
        "Read the diff and report.");
  agent("check.md", "check",
        "Checks pull requests for bugs, style problems and missing tests "
        "after merge.",
        "Read the diff and report.");
  // The project's own instructions are a party too, read for a named file as for the folder.
  WriteFile(tmp.path() / "CLAUDE.md",
            "# Project\n\nPython service. Use Pipenv for dependencies.\n");
  const Run whole = Agentlint("--format github '" + agents.string() + "'");
  REQUIRE(whole.code == 1);
  CHECK(whole.out.find("`CLAUDE.md`") != std::string::npos);
  size_t compared = 0;
  for (const char* name : {"api.md", "store.md", "tests.md", "deps.md", "docs.md", "plain.md",
                           "review.md", "check.md"}) {
    const std::string file = (agents / name).string();
    const std::string shown = name;
    CAPTURE(shown);
    // -j2 builds the knowledge and its automaton on a warm-up thread while files are found,
    // and reads siblings on two threads; -j1 does all of it in order on one.
    for (const char* jobs : {"-j1", "-j2"}) {
      CAPTURE(jobs);
      const Run alone = Agentlint(std::string(jobs) + " --format github '" + file + "'");
      CHECK(GithubLinesFor(alone.out, file) == GithubLinesFor(whole.out, file));
    }
    compared += GithubLinesFor(whole.out, file).size();
  }
  // The same from inside the agents folder, naming the file as `api.md`: its folders are read
  // from the working directory, so siblings, dialect and findings are the same.
  const Run inside = Agentlint("--format github api.md", false, "cd '" + agents.string() + "' && ");
  std::vector<std::string> expected;
  for (std::string line : GithubLinesFor(whole.out, (agents / "api.md").string()))
    expected.push_back(
        line.replace(line.find("file="), 5 + (agents / "").string().size(), "file="));
  CHECK(!expected.empty());
  CHECK(GithubLinesFor(inside.out, "api.md") == expected);
  // CLAUDE.md is found from there too (as `../../CLAUDE.md`), a party to deps.md's conflict.
  const Run deps = Agentlint("--format github deps.md", false, "cd '" + agents.string() + "' && ");
  const std::vector<std::string> deps_lines = GithubLinesFor(deps.out, "deps.md");
  CHECK(std::any_of(deps_lines.begin(), deps_lines.end(), [](const std::string& line) {
    return line.find("AL406") != std::string::npos && line.find("`CLAUDE.md`") != std::string::npos;
  }));
  // The folder has project findings of several rules to compare.
  for (const std::string rule : {"AL401", "AL404", "AL406", "AL407"}) {
    CAPTURE(rule);
    CHECK(whole.out.find(rule) != std::string::npos);
  }
  CHECK(compared >= 6);
}

TEST_CASE("cli: a file named alone is compared with the other agents folders of its repository") {
  // .claude/agents and .github/agents steer one codebase: the repository's run compares them,
  // and so does a pre-commit hook that names one changed file, or a run on one of the folders.
  TempDir tmp;
  const fs::path r = tmp.path();
  const auto agent = [](const std::string& name, const std::string& body) {
    return "---\nname: " + name + "\ndescription: Works on the " + name +
           " part. Use for that part.\n---\n\n" + body + "\n";
  };
  WriteFile(r / ".claude/agents/api.md", agent("api", "You build the API. SQLite only."));
  WriteFile(r / ".claude/agents/docs.md", agent("docs", "You write the docs."));
  WriteFile(r / ".github/agents/migrations.agent.md",
            agent("migrations", "You write migrations. Always use PostgreSQL."));
  // A plain folder is a collection, not one of the repository's agents folders: never compared.
  WriteFile(r / "examples/agents/mysql.md", agent("mysql", "You tune queries. MySQL only."));
  // The project's instructions are a party to every comparison, however the agent is named.
  WriteFile(r / "CLAUDE.md", "# Project\n\nUse PostgreSQL for all storage.\n");
  const std::string api = (r / ".claude/agents/api.md").string();
  const std::string migrations = (r / ".github/agents/migrations.agent.md").string();
  const Run whole = Agentlint("--format github '" + r.string() + "'");
  const auto conflicts = [](const std::vector<std::string>& lines) {
    return std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
      return line.find("AL406") != std::string::npos;
    });
  };
  CHECK(conflicts(GithubLinesFor(whole.out, api)) == 1);
  CHECK(conflicts(GithubLinesFor(whole.out, migrations)) == 1);
  CHECK(whole.out.find("MySQL") == std::string::npos);
  for (const char* jobs : {"-j1", "-j2"}) {
    CAPTURE(jobs);
    const Run alone = Agentlint(std::string(jobs) + " --format github '" + api + "'");
    CHECK(GithubLinesFor(alone.out, api) == GithubLinesFor(whole.out, api));
    CHECK(GithubLinesFor(alone.out, migrations).empty());  // a sibling: not reported on
    const Run other = Agentlint(std::string(jobs) + " --format github '" + migrations + "'");
    CHECK(GithubLinesFor(other.out, migrations) == GithubLinesFor(whole.out, migrations));
    const Run folder =
        Agentlint(std::string(jobs) + " --format github '" + (r / ".claude/agents").string() + "'");
    CHECK(GithubLinesFor(folder.out, api) == GithubLinesFor(whole.out, api));
    CHECK(GithubLinesFor(folder.out, migrations).empty());
  }
  // From inside .claude/agents, naming `api.md`: the repository is `../..`, found all the same.
  const Run inside = Agentlint("--format github api.md", false,
                               "cd '" + (r / ".claude/agents").string() + "' && ");
  std::vector<std::string> expected;
  for (std::string line : GithubLinesFor(whole.out, api))
    expected.push_back(line.replace(line.find(api), api.size(), "api.md"));
  CHECK(conflicts(expected) == 1);
  CHECK(expected[0].find("`CLAUDE.md`") != std::string::npos);
  CHECK(GithubLinesFor(inside.out, "api.md") == expected);
}

TEST_CASE("cli: a nested project's agents know the enclosing project's, up to the git root") {
  // Claude Code run in repo/service reads repo/service/.claude/agents and repo/.claude/agents
  // (the closest wins a name), but nothing above the git repository's root.
  TempDir tmp;
  const fs::path r = tmp.path();
  fs::create_directories(r / ".git");
  const auto agent = [](const std::string& name, const std::string& body) {
    return "---\nname: " + name + "\ndescription: The " + name + " agent. Use for " + name +
           " tasks only.\n---\n\n" + body + "\n";
  };
  WriteFile(r / ".claude/agents/reviewer.md",
            agent("reviewer", "You review code. Read the diff and report problems."));
  WriteFile(r / ".claude/agents/helper.md",
            agent("helper", "You answer questions about the code base."));
  WriteFile(r / "service/.claude/agents/writer.md",
            agent("writer",
                  "You write code. Then use the Agent tool with subagent_type: "
                  "\"reviewer\" to have it reviewed."));
  WriteFile(r / "service/.claude/agents/helper.md",
            agent("helper", "You answer questions about the service. SQLite only."));
  // The repository's CLAUDE.md is given to the service's agents too, and its skills are theirs.
  WriteFile(r / "CLAUDE.md", "# Repository\n\nUse PostgreSQL for all storage.\n");
  const std::string skill = "---\nname: s\ndescription: A skill. Use for tests.\n---\nDo it.\n";
  WriteFile(r / ".claude/skills/review-style/SKILL.md", skill);
  WriteFile(r / "service/.claude/skills/deploy/SKILL.md", skill);
  WriteFile(r / "service/.claude/agents/deployer.md",
            "---\nname: deployer\ndescription: Deploys the service. Use for deploys.\nskills: "
            "deploy, review-style, no-such-skill\n---\n\nYou deploy the service. Follow the "
            "skills.\n");
  const std::string deployer = "service/.claude/agents/deployer.md";
  const std::string writer = "service/.claude/agents/writer.md";
  const std::string helper = "service/.claude/agents/helper.md";
  const std::string cd = "cd '" + r.string() + "' && ";
  const auto lines = [](const Run& run, const std::string& file, const char* rule) {
    size_t n = 0;
    for (const std::string& line : GithubLinesFor(run.out, file))
      n += line.find(rule) != std::string::npos;
    return n;
  };
  for (const char* args : {".",
                           "service/.claude/agents/writer.md service/.claude/agents/helper.md "
                           "service/.claude/agents/deployer.md",
                           "service"}) {
    CAPTURE(args);
    const Run run = Agentlint(std::string("--format github ") + args, false, cd);
    CHECK(lines(run, writer, "AL403") == 0);  // the enclosing project's reviewer is there
    CHECK(lines(run, helper, "AL402") == 1);  // and the service's own helper shadows its helper
    CHECK(lines(run, helper, "`../CLAUDE.md` prescribes PostgreSQL") == 1);
    CHECK(lines(run, deployer, "AL405") == 1);  // no-such-skill alone
    CHECK(lines(run, deployer, "`no-such-skill`") == 1);
  }
  // From inside the service's agents folder, as `writer.md`.
  const Run inside = Agentlint("--format github writer.md helper.md", false,
                               "cd '" + (r / "service/.claude/agents").string() + "' && ");
  CHECK(lines(inside, "writer.md", "AL403") == 0);
  CHECK(lines(inside, "helper.md", "AL402") == 1);
  CHECK(lines(inside, "helper.md", "`../CLAUDE.md` prescribes PostgreSQL") == 1);
  // The graph draws the handoff to the enclosing project's reviewer.
  const Run graph = Agentlint("graph .", false, cd);
  CHECK(graph.out.find("(missing)") == std::string::npos);
  CHECK(graph.out.find(" --> ") != std::string::npos);
  // The service as a git repository of its own: Claude Code stops at its root.
  fs::create_directories(r / "service/.git");
  for (const char* args : {".",
                           "service/.claude/agents/writer.md service/.claude/agents/helper.md "
                           "service/.claude/agents/deployer.md"}) {
    CAPTURE(args);
    const Run run = Agentlint(std::string("--format github ") + args, false, cd);
    CHECK(lines(run, writer, "AL403") == 1);
    CHECK(lines(run, helper, "AL402") == 0);
    CHECK(lines(run, helper, "AL406") == 0);    // the CLAUDE.md above its git root is not read
    CHECK(lines(run, deployer, "AL405") == 2);  // nor are the skills
  }
  // Now a missing agent in the graph, by the name the handoff gives (not `subagent_type`).
  const Run graph_apart = Agentlint("graph .", false, cd);
  CHECK(graph_apart.out.find("[\"reviewer<br/>(missing)\"]") != std::string::npos);
  CHECK(graph_apart.out.find("subagent_type") == std::string::npos);
}

TEST_CASE("cli: --stdin-filename lints standard input as that file, among its siblings") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  const std::string head = "---\nname: api\ndescription: Builds endpoints. Use for API work.\n";
  WriteFile(agents / "api.md", head +
                                   "tools: Read, Bassh\n---\nYou build endpoints with "
                                   "PostgreSQL. Hand off to the @schema-designer agent.\n");
  WriteFile(agents / "store.md",
            "---\nname: store\ndescription: Owns storage. Use for storage.\ntools: Read\n---\n"
            "You own storage. SQLite only.\n");
  const std::string file = (agents / "api.md").string();
  const Run on_disk = Agentlint("--format github '" + file + "'");
  const Run piped = Agentlint("--format github --stdin-filename '" + file + "' - < '" + file + "'");
  CHECK(on_disk.code == 1);
  CHECK(piped.code == on_disk.code);
  CHECK(piped.out == on_disk.out);  // the same findings, project ones included
  CHECK(piped.out.find("AL406") != std::string::npos);
  // The buffer wins over the disk, and a file that does not exist yet is linted in its folder.
  WriteFile(tmp.path() / "buffer.md", head + "tools: Read\n---\nYou build endpoints.\n");
  const Run unsaved =
      Agentlint("--format github --stdin-filename '" + (agents / "aaa.md").string() + "' < '" +
                (tmp.path() / "buffer.md").string() + "'");
  CHECK(unsaved.out.find("file=" + (agents / "aaa.md").string() + ",") != std::string::npos);
  CHECK(unsaved.out.find("AL401") != std::string::npos);  // `api` is also api.md's name
  CHECK(unsaved.out.find("Bassh") == std::string::npos);  // api.md itself is not reported
  CHECK(Agentlint("- < '" + file + "'").code == 2);       // `-` without --stdin-filename
}

TEST_CASE("cli: --statistics counts findings per rule, most first, with what --fix repairs") {
  TempDir tmp;
  const std::string head = "---\nname: a\ndescription: Reviews code. Use after changes.\n";
  WriteFile(tmp.path() / ".claude/agents/a.md",
            head + "tools: Read, MultiEdit, LS\n---\nYou review the change and report.\n");
  WriteFile(tmp.path() / ".claude/agents/b.md",
            "---\nname: b\ndescription: Writes docs. Use after changes.\ntools: Read, Bassh, "
            "MultiEdit\n---\nYou write the docs for the change.\n");
  const Run run = Agentlint("--statistics '" + tmp.path().string() + "'");
  CHECK(run.code == 1);  // the exit code is the same as without --statistics
  std::istringstream lines(run.out);
  std::string first, second, last;
  std::getline(lines, first);
  std::getline(lines, second);
  for (std::string line; std::getline(lines, line);) last = line;
  // MultiEdit twice and LS once (removed tools, fixable), Bassh once (unknown): most first.
  CHECK(first == "     3  AL118  removed-tool  warning  3 fixable");
  CHECK(second == "     1  AL103  unknown-tool  error");
  CHECK(last == "Found 4 findings in 2 agent files; 3 fixable with --fix.");
  CHECK(run.out.find("b.md") == std::string::npos);  // no findings are listed
}

TEST_CASE("cli: --fix and --diff on an agent with removed tools") {
  TempDir tmp;
  const std::string original =
      "---\nname: migrator\ndescription: Applies migrations. Use after a schema change.\n"
      "tools: Read, Bash, MultiEdit, KillShell, BashOutput\nmodel: sonnet\n---\n\nYou apply "
      "migrations with "
      "`alembic upgrade head`.\n";
  const fs::path file = tmp.path() / ".claude/agents/migrator.md";
  WriteFile(file, original);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  const Run diff = Agentlint("--diff '" + tmp.path().string() + "'");
  CHECK(diff.code == 1);
  CHECK(diff.out.find("-tools: Read, Bash, MultiEdit, KillShell, BashOutput\n") !=
        std::string::npos);
  CHECK(diff.out.find("+tools: Read, Bash, Edit, TaskStop, BashOutput\n") != std::string::npos);
  CHECK(ReadFile(file) == original);  // --diff writes nothing

  const Run fix = Agentlint("--fix '" + tmp.path().string() + "'", true);
  CHECK(fix.out.find("fixed 2 findings in 1 file") != std::string::npos);
  std::string expected = original;
  expected.replace(expected.find("MultiEdit, KillShell"), 20, "Edit, TaskStop");
  CHECK(ReadFile(file) == expected);  // every other byte is untouched
  CHECK(fs::status(file).permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(fix.out.find("BashOutput") !=
        std::string::npos);  // not a one-to-one rename: still reported

  CHECK(Agentlint("--diff '" + tmp.path().string() + "'").code == 0);  // a second fix is a no-op
  Agentlint("--fix '" + tmp.path().string() + "'");
  CHECK(ReadFile(file) == expected);
}

TEST_CASE("cli: a baseline hides today's findings and shows only new ones, even after lines move") {
  TempDir tmp;
  const fs::path file = tmp.path() / ".claude/agents/a.md";
  WriteFile(
      file,
      "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, Bassh, LS, Glob, "
      "Grep, WebFetch\n---\n"
      "You are a reviewer. Report problems by severity.\n");
  const std::string baseline = (tmp.path() / "baseline.json").string();
  CHECK(Agentlint("--write-baseline '" + baseline + "' '" + tmp.path().string() + "'").code == 0);
  CHECK(JsonChecker(ReadFile(baseline)).Valid());
  const Run clean = Agentlint("--baseline '" + baseline + "' '" + tmp.path().string() + "'");
  CHECK(clean.code == 0);
  CHECK(clean.out.find("No problems found") != std::string::npos);
  // Move every line down and add one new problem: only the new problem is reported.
  WriteFile(file,
            "---\nname: a\n\ndescription: Reviews code. Use after changes.\nmodel: sonet\ntools: "
            "Read, Bassh, LS, Glob, Grep, WebFetch\n"
            "---\nYou are a reviewer. Report problems by severity.\n");
  const Run changed =
      Agentlint("--format json --baseline '" + baseline + "' '" + tmp.path().string() + "'");
  CHECK(changed.code == 1);
  CHECK(changed.out.find("\"rule\": \"AL111\"") != std::string::npos);
  CHECK(changed.out.find("\"rule\": \"AL103\"") == std::string::npos);
  CHECK(changed.out.find("\"rule\": \"AL118\"") == std::string::npos);
  CHECK(Agentlint("--baseline '" + (tmp.path() / "missing.json").string() + "' '" +
                  tmp.path().string() + "'")
            .code == 2);
  // An edit elsewhere on a flagged line keeps its finding matched (the fingerprint holds the
  // flagged text and a few characters around it, not the whole line) ...
  WriteFile(file,
            "---\nname: a\n\ndescription: Reviews code. Use after changes.\nmodel: sonet\ntools: "
            "Read, Bassh, LS, Glob, Grep, WebFetch, Write, Edit\n"
            "---\nYou are a reviewer. Report problems by severity.\n");
  const Run edited =
      Agentlint("--format json --baseline '" + baseline + "' '" + tmp.path().string() + "'");
  CHECK(edited.out.find("\"rule\": \"AL103\"") == std::string::npos);
  CHECK(edited.out.find("\"rule\": \"AL118\"") == std::string::npos);
  // ... while the same mistake next to different text is a new finding.
  WriteFile(
      file,
      "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, Write, Bassh, "
      "LS, Glob, Grep, WebFetch\n---\nYou are a reviewer. Report problems by severity.\n");
  CHECK(Agentlint("--format json --baseline '" + baseline + "' '" + tmp.path().string() + "'")
            .out.find("\"rule\": \"AL103\"") != std::string::npos);
  // A baseline of the first format is refused with what to do.
  WriteFile(tmp.path() / "old.json", "{\"schema\": \"agentlint-baseline/v1\", \"findings\": []}\n");
  const Run old = Agentlint(
      "--baseline '" + (tmp.path() / "old.json").string() + "' '" + tmp.path().string() + "'",
      true);
  CHECK(old.code == 2);
  CHECK(old.out.find("record it again with --write-baseline") != std::string::npos);
}

TEST_CASE("cli: --output-file replaces standard output, FORMAT:FILE adds formats from one run") {
  TempDir tmp;
  WriteFile(tmp.path() / ".claude/agents/a.md",
            "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, Bassh\n---\n"
            "You are a reviewer. Report problems by severity.\n");
  const std::string dir = "'" + tmp.path().string() + "'";
  const std::string text = (tmp.path() / "out.txt").string();
  const std::string sarif = (tmp.path() / "out.sarif").string();
  const std::string json = (tmp.path() / "out.json").string();
  const Run run = Agentlint("--format github --color always --output-file 'sarif:" + sarif +
                            "' --output-file 'json:" + json + "' " + dir);
  CHECK(run.code == 1);
  CHECK(run.out.rfind("::error file=", 0) == 0);  // annotations on standard output
  CHECK(ReadFile(sarif).find("\"ruleId\": \"AL103\"") != std::string::npos);
  CHECK(JsonChecker(ReadFile(json)).Valid());
  CHECK(nlohmann::json::parse(ReadFile(json))["summary"] ==
        nlohmann::json{{"error", 1}, {"warning", 0}, {"info", 0}});
  // Without a prefix the file takes the place of standard output, and is never coloured.
  const Run to_file = Agentlint("--color always --output-file '" + text + "' " + dir);
  CHECK(to_file.code == 1);
  CHECK(to_file.out.empty());
  CHECK(ReadFile(text).find("error: `Bassh` is not a Claude Code tool") != std::string::npos);
  CHECK(ReadFile(text).find('\x1b') == std::string::npos);
  CHECK(Agentlint("--output-file a.txt --output-file b.txt " + dir).code == 2);
}

TEST_CASE("cli: a run that lints nothing says so, and a broken config stops the run") {
  TempDir tmp;
  WriteFile(tmp.path() / "docs/guide.md", "# A guide\n\nNot an agent.\n");
  const Run nothing = Agentlint("'" + (tmp.path() / "docs").string() + "'", true);
  CHECK(nothing.code == 0);
  CHECK(nothing.out.find("agentlint: no agent file found under") != std::string::npos);
  CHECK(nothing.out.find("No problems found") == std::string::npos);
  const Run quiet_stdout = Agentlint("'" + (tmp.path() / "docs").string() + "'");
  CHECK(quiet_stdout.out.empty());  // the message is on stderr, stdout stays empty
  // A usage error prints no summary.
  const Run missing = Agentlint("'" + (tmp.path() / "nowhere").string() + "'", true);
  CHECK(missing.code == 2);
  CHECK(missing.out.find("no such file or directory") != std::string::npos);
  CHECK(missing.out.find("agent file") == std::string::npos);
  // A config that is not YAML stops the run before anything is linted without it.
  WriteFile(tmp.path() / ".claude/agents/a.md",
            "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, Bassh\n---\n"
            "You are a reviewer. Report problems by severity.\n");
  WriteFile(tmp.path() / ".agentlint.yaml", "ignore: [AL103\n");
  const Run broken = Agentlint("'" + tmp.path().string() + "'", true);
  CHECK(broken.code == 2);
  CHECK(broken.out.find(".agentlint.yaml:2:1: the config is not valid YAML") != std::string::npos);
  CHECK(broken.out.find("Bassh") == std::string::npos);
  CHECK(broken.out.find("Found") == std::string::npos);
}

TEST_CASE("cli: --unsafe-fixes applies the unsafe fix that --fix alone leaves") {
  TempDir tmp;
  const fs::path file = tmp.path() / ".claude/agents/a.md";
  const std::string before =
      "---\nname: a\ndescription: Reviews code. Use after changes.\nmodel: sonmet\n---\n"
      "You are a reviewer. Report problems by severity.\n";
  WriteFile(file, before);
  const std::string path = "'" + file.string() + "'";
  CHECK(Agentlint("--fix " + path).code == 1);  // the invalid model is an error
  CHECK(ReadFile(file) == before);
  CHECK(Agentlint("--diff --unsafe-fixes " + path).out.find("+model: sonnet") != std::string::npos);
  CHECK(Agentlint("--fix --unsafe-fixes " + path).code == 0);
  std::string after = before;
  after.replace(after.find("sonmet"), 6, "sonnet");
  CHECK(ReadFile(file) == after);
}

TEST_CASE(
    "cli: .agentlint.yaml ignores a rule for one folder, raises another, and is linted itself") {
  TempDir tmp;
  const std::string agent =
      "---\nname: Code Reviewer\ndescription: Reviews code. Use after changes.\ntools: [Read, "
      "Grep]\n---\n"
      "You are a reviewer. Report problems by severity.\n";
  WriteFile(tmp.path() / ".claude/agents/a.md", agent);
  std::string legacy = agent;
  legacy.replace(legacy.find("Code Reviewer"), 13, "Legacy Reviewer");
  WriteFile(tmp.path() / ".claude/agents/legacy/b.md", legacy);
  const std::string dir = "'" + tmp.path().string() + "'";
  const Run before = Agentlint("--format json " + dir);
  CHECK(before.code == 0);  // warnings only
  WriteFile(tmp.path() / ".agentlint.yaml",
            "severity:\n  name-not-kebab-case: error\noverrides:\n  - files: "
            "\".claude/agents/legacy/**\"\n"
            "    ignore: [flow-sequence-tools]\nignroe: [AL103]\n");
  const Run after = Agentlint("--format json " + dir);
  CHECK(after.code == 2);  // the config has a typo: a usage error, with every finding reported
  CHECK(HasFinding(after.out, {.path = "/a.md", .line = 4, .column = 8}));         // AL124 kept
  CHECK(!HasFinding(after.out, {.path = "legacy/b.md", .line = 4, .column = 8}));  // ignored there
  CHECK(HasFinding(after.out, {.rule = "AL104", .severity = "error"}));
  CHECK(HasFinding(after.out, {.path = ".agentlint.yaml", .line = 6, .column = 1}));
  CHECK(after.out.find("did you mean `ignore`?") != std::string::npos);
  // --no-config and --config.
  CHECK(Agentlint("--no-config " + dir).code == 0);
  WriteFile(tmp.path() / "other.yaml", "fail-on: warning\n");
  CHECK(Agentlint("--config '" + (tmp.path() / "other.yaml").string() + "' " + dir).code == 1);
  // `agentlint config` prints the effective configuration.
  const Run shown = Agentlint("config " + dir);
  CHECK(shown.code == 0);
  CHECK(shown.out.find("severity: {name-not-kebab-case: error}") != std::string::npos);
  // A config that is not YAML is a usage error with its position.
  WriteFile(tmp.path() / ".agentlint.yaml", "ignore: [AL103\n");
  const Run broken = Agentlint(dir, true);
  CHECK(broken.code == 2);
  CHECK(broken.out.find(".agentlint.yaml:") != std::string::npos);
}

TEST_CASE("cli: inspect shows whether an agent loads and the tools it really gets") {
  TempDir tmp;
  const fs::path file = tmp.path() / ".claude/agents/a.md";
  WriteFile(file,
            "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, MultiEdit, "
            "read, Task, "
            "AskUserQuestion, mcp__github__get_issue\ndisallowedTools: Read\nmemory: "
            "project\n---\nYou review code.\n");
  const Run text = Agentlint("inspect '" + file.string() + "'");
  CHECK(text.code == 0);
  CHECK(text.out.find("loads:            yes") != std::string::npos);
  CHECK(text.out.find("+ Agent") != std::string::npos);
  CHECK(text.out.find("+ mcp__github__get_issue") != std::string::npos);
  CHECK(text.out.find("- MultiEdit: removed from Claude Code") != std::string::npos);
  CHECK(text.out.find("- read: names are case-sensitive") != std::string::npos);
  CHECK(text.out.find("- AskUserQuestion: never given to subagents") != std::string::npos);
  CHECK(text.out.find("- Read: listed in disallowedTools") != std::string::npos);
  CHECK(text.out.find("+ Write") != std::string::npos);  // memory adds Read, Write and Edit
  const Run json = Agentlint("--format json inspect '" + file.string() + "'");
  CHECK(JsonChecker(json.out).Valid());
  CHECK(json.out.find("\"loads\":true") != std::string::npos);

  WriteFile(file, "---\ndescription: No name here.\n---\nYou review code.\n");
  const Run skipped = Agentlint("inspect '" + file.string() + "'");
  CHECK(skipped.out.find("loads:            no") != std::string::npos);
  CHECK(skipped.out.find("    - no `name`") != std::string::npos);
  CHECK(Agentlint("inspect '" + (tmp.path() / "missing.md").string() + "'").code == 2);
}

TEST_CASE("cli: inspect works on a file among other agents, and says what Claude Code says") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  WriteFile(agents / "reviewer.md",
            "---\nname: reviewer\ndescription: Reviews code: after every change.\nmodel: Sonnet\n"
            "tools: Read Bash, Glob, KillShell\n---\nYou review code.\n");
  WriteFile(agents / "db.md", "---\nname: db\ndescription: Databases.\n---\nYou design schemas.\n");
  WriteFile(agents / "nested/twin.md",
            "---\nname: db\ndescription: Databases, again.\n---\nYou are the twin.\n");
  // The README's example: a file named inside a folder of other agents.
  const Run run = Agentlint("inspect --format json '" + (agents / "reviewer.md").string() + "'");
  CHECK(run.code == 0);
  REQUIRE(JsonChecker(run.out).Valid());
  CHECK(run.out.find("\"loads\":true") != std::string::npos);
  // The tolerant second reading takes the `: ` in the description as text.
  CHECK(run.out.find("\"description\":\"Reviews code: after every change.\"") != std::string::npos);
  CHECK(run.out.find("\"model_sent\":\"sonnet\"") != std::string::npos);  // any case works
  // Spaces split tools too; Glob is folded into Bash; KillShell becomes TaskStop.
  CHECK(run.out.find("\"tools\":[\"Bash\",\"Read\",\"TaskStop\"]") != std::string::npos);
  CHECK(run.out.find("\"claude_code\":\"2.1.332\"") != std::string::npos);
  // Of two agents named `db`, the one whose path sorts last loads.
  const Run first = Agentlint("inspect '" + (agents / "db.md").string() + "'");
  CHECK(first.out.find("loads:            no") != std::string::npos);
  CHECK(first.out.find("nested/twin.md` has the same name") != std::string::npos);
  CHECK(Agentlint("inspect '" + (agents / "nested/twin.md").string() + "'")
            .out.find("loads:            yes") != std::string::npos);
}

TEST_CASE("cli: inspect lists the project's instructions the agent is given, among its siblings") {
  TempDir tmp;
  const fs::path r = tmp.path() / "repo";
  fs::create_directories(r / ".git");
  WriteFile(r / ".claude/agents/reviewer.md",
            "---\nname: reviewer\ndescription: Reviews code. Use after changes.\n---\nReview.\n");
  WriteFile(r / ".claude/agents/loner.md",
            "---\nname: loner\ndescription: Works alone. Use for chores.\nomitClaudeMd: true\n"
            "---\nWork.\n");
  WriteFile(r / "CLAUDE.md", "Conventions: @docs/style.md and @../elsewhere.md\n");
  WriteFile(r / "docs/style.md", "Style.\n");
  WriteFile(tmp.path() / "elsewhere.md", "Outside the project.\n");
  WriteFile(r / ".claude/rules/testing.md", "---\ndescription: testing\n---\nUse pytest.\n");
  WriteFile(r / ".claude/rules/web.md", "---\npaths: web/**\n---\nUse Vitest.\n");
  const std::string here = "cd '" + r.string() + "' && ";
  const Run text = Agentlint("inspect .claude/agents/reviewer.md", false, here);
  CHECK(text.code == 0);
  CHECK(text.out.find("  instructions:     the project's, given with the prompt\n"
                      "    + CLAUDE.md\n    + .claude/rules/testing.md\n    + docs/style.md\n"
                      "  (as Claude Code") != std::string::npos);
  const Run json = Agentlint("inspect --format json .claude/agents/reviewer.md", false, here);
  CHECK(json.out.find("\"instructions\":[\"CLAUDE.md\",\".claude/rules/testing.md\","
                      "\"docs/style.md\"]") != std::string::npos);
  // omitClaudeMd: given none of them (measured with Claude Code 2.1.332).
  const Run loner = Agentlint("inspect .claude/agents/loner.md", false, here);
  CHECK(loner.out.find("  instructions:     none (`omitClaudeMd`)\n") != std::string::npos);
  CHECK(Agentlint("inspect --format json .claude/agents/loner.md", false, here)
            .out.find("\"instructions\":[]") != std::string::npos);
  // The rules are not agents: a run on the repository lints the two agents only.
  CHECK(Agentlint("-q --format json .", false, here).out.find("rules/") == std::string::npos);
}

TEST_CASE("cli: the config extends knowledge, sets rule options and the scope of project checks") {
  TempDir tmp;
  const std::string head = "---\ndescription: Works on the service. Use for service work.\n";
  WriteFile(tmp.path() / "team-a/.claude/agents/deployer.md",
            head +
                "name: deployer\ntools: Read, DeployTool\n---\n"
                "You are the deployer. Ship releases with Helm only.\n");
  WriteFile(tmp.path() / "team-b/.claude/agents/shipper.md",
            head +
                "name: deployer\ntools: Read\n---\n"
                "You are the shipper. Ship releases with Kustomize only.\n");
  const std::string dir = "'" + tmp.path().string() + "'";
  const Run plain = Agentlint("--format json " + dir);
  CHECK(plain.out.find("`DeployTool` is not a Claude Code tool") != std::string::npos);
  CHECK(plain.out.find("\"rule\": \"AL401\"") == std::string::npos);  // two folders, two scopes
  WriteFile(tmp.path() / ".agentlint.yaml",
            "project-scope: repository\n"
            "options:\n  body-too-long: {max-characters: 40}\n"
            "knowledge:\n  tools: [DeployTool]\n  conflicts:\n    - id: deploy\n      title: "
            "deployment tool\n"
            "      choices:\n        - {id: helm, name: Helm, patterns: ['\\bhelm\\b']}\n"
            "        - {id: kustomize, name: Kustomize, patterns: ['\\bkustomize\\b']}\n");
  const Run configured = Agentlint("--format json " + dir);
  CHECK(configured.out.find("`DeployTool` is not a Claude Code tool") == std::string::npos);
  CHECK(configured.out.find("\"rule\": \"AL401\"") != std::string::npos);  // one scope now
  CHECK(configured.out.find("conflicting guidance on the deployment tool") != std::string::npos);
  CHECK(configured.out.find("\"rule\": \"AL206\"") != std::string::npos);  // 40-character limit
  CHECK(configured.out.find("\"rule\": \"AL904\"") == std::string::npos);
}

TEST_CASE("cli: --fix on a copy of the first seed, and --fix respects ignores and suppressions") {
  const fs::path seeds = fs::path(SourceDir()).parent_path() / "shared/seeds";
  TempDir tmp;
  const fs::path file = tmp.path() / ".claude/agents/database-expert.md";
  if (fs::exists(seeds / "database-expert.md")) {
    const std::string original = ReadFile(seeds / "database-expert.md");
    WriteFile(file, original);
    const Run diff = Agentlint("--diff '" + tmp.path().string() + "'");
    CHECK(ReadFile(file) == original);
    Agentlint("--fix '" + tmp.path().string() + "'");
    std::string expected = original;
    expected.replace(expected.find("KillShell, SlashCommand"), 23, "TaskStop, Skill");
    CHECK(ReadFile(file) == expected);
    CHECK(diff.out.find("+" + expected.substr(expected.find("tools: "),
                                              expected.find('\n', expected.find("tools: ")) -
                                                  expected.find("tools: "))) != std::string::npos);
    CHECK(Agentlint("--diff '" + tmp.path().string() + "'").code == 0);
  }
  const std::string agent =
      "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, MultiEdit\n---\n"
      "You are a reviewer. Report problems by severity.\n";
  WriteFile(file, agent);
  CHECK(Agentlint("--ignore removed-tool --diff '" + tmp.path().string() + "'").code == 0);
  WriteFile(tmp.path() / ".agentlint.yaml", "ignore: [removed-tool]\n");
  CHECK(Agentlint("--diff '" + tmp.path().string() + "'").code == 0);
  fs::remove(tmp.path() / ".agentlint.yaml");
  WriteFile(file,
            "---\nname: a\ndescription: Reviews code. Use after changes.\ntools: Read, MultiEdit  "
            "# agentlint-disable-line AL118\n---\n"
            "You are a reviewer. Report problems by severity.\n");
  CHECK(Agentlint("--diff '" + tmp.path().string() + "'").code == 0);
}

TEST_CASE("cli: list options take one comma-separated value each and leave paths alone") {
  const Run only = Agentlint("--select AL111 examples -q");
  CHECK(only.code == 1);
  CHECK(only.out.find("AL111") != std::string::npos);
  CHECK(only.out.find("AL118") == std::string::npos);
  const Run ignored = Agentlint("--ignore AL111,AL118 --ignore AL104 examples -q");
  CHECK(ignored.out.find("AL111") == std::string::npos);
  CHECK(ignored.out.find("AL118") == std::string::npos);
  CHECK(ignored.out.find("AL104") == std::string::npos);
  CHECK(ignored.out.find("AL124") != std::string::npos);
}

TEST_CASE("cli: claude-code-version gives a team the knowledge of its release") {
  TempDir tmp;
  WriteFile(tmp.path() / ".claude/agents/a.md",
            "---\nname: a\ndescription: Edits code. Use for edits.\ntools: Read, MultiEdit\n---\n"
            "You edit code and report what you changed.\n");
  const std::string dir = "'" + tmp.path().string() + "'";
  CHECK(Agentlint("--format json " + dir).out.find("\"rule\": \"AL118\"") != std::string::npos);
  WriteFile(tmp.path() / ".agentlint.yaml", "claude-code-version: 2.0.10\n");  // MultiEdit: 2.0.32
  const Run old = Agentlint("--format json " + dir);
  CHECK(old.out.find("\"rule\": \"AL118\"") == std::string::npos);
  CHECK(old.code == 0);
  WriteFile(tmp.path() / ".agentlint.yaml", "claude-code-version: latest\n");
  CHECK(Agentlint(dir).code == 2);  // not a version: an invalid-config finding
}

TEST_CASE("cli: limits are configurable and crossing one is a finding, not a failure of the run") {
  TempDir tmp;
  for (int i = 0; i < 4; ++i) {
    WriteFile(tmp.path() / (".claude/agents/a" + std::to_string(i) + ".md"),
              "---\nname: a" + std::to_string(i) +
                  "\ndescription: Reviews code. Use after changes.\ndepth: [[[[1]]]]\n---\n"
                  "You are a reviewer. Report problems by severity.\n");
  }
  WriteFile(tmp.path() / ".agentlint.yaml",
            "limits: {files: 3, yaml-depth: 2, file-bytes: 100000, code-frame-width: 40}\n");
  const Run run = Agentlint("--format json '" + tmp.path().string() + "'");
  CHECK(run.code == 1);
  CHECK(run.out.find("not linted: the run is over its limit of files") !=
        std::string::npos);                                                       // a3.md
  CHECK(run.out.find("the front matter nests too deeply") != std::string::npos);  // depth 4 > 2
  CHECK(run.out.find("\"linted\": 4") != std::string::npos);
  WriteFile(tmp.path() / ".agentlint.yaml", "limits: {files: zero}\n");
  CHECK(Agentlint("--format json '" + tmp.path().string() + "'").out.find("is not a limit") !=
        std::string::npos);
}

TEST_CASE("cli: a folder whose agent descriptions pass Claude Code's prompt limit is an error") {
  TempDir tmp;
  // 1,000 agents of 2,900 characters: past the 2,800,000 that Claude Code 2.1.332 still runs.
  const std::string words = [] {
    std::string s;
    while (s.size() < 2900) s += "reviews code ";
    return s;
  }();
  for (int i = 0; i < 1000; ++i) {
    WriteFile(tmp.path() / (".claude/agents/a" + std::to_string(i) + ".md"),
              "---\nname: a" + std::to_string(i) + "\ndescription: " + words +
                  (i == 7 ? "longest" : "") + "\n---\nYou review code and report what you find.\n");
  }
  const Run run = Agentlint("-q --select AL409 '" + tmp.path().string() + "'");
  CHECK(run.code == 1);
  CHECK(run.out.find("a7.md:3:14: error: the agents of this folder describe themselves in") !=
        std::string::npos);
  CHECK(run.out.find("refuses every prompt") != std::string::npos);
}

TEST_CASE("cli: the README's inspect example is what inspect prints, for a file among siblings") {
  const std::string readme = ReadFile(SourceDir() + "/README.md");
  const std::string command = "$ agentlint inspect examples/.claude/agents/migration-writer.md\n";
  const size_t at = readme.find(command);
  REQUIRE(at != std::string::npos);
  const size_t end = readme.find("```", at);
  const std::string shown = readme.substr(at + command.size(), end - at - command.size());
  const Run run = Agentlint("inspect examples/.claude/agents/migration-writer.md");
  CHECK(run.code == 0);
  CHECK(run.out == shown);
}

TEST_CASE("cli: the repository's build files are read when agentlint runs inside it") {
  TempDir tmp;
  fs::create_directories(tmp.path() / ".git");
  WriteFile(tmp.path() / "build.gradle.kts", "plugins { java }\n");
  WriteFile(tmp.path() / ".claude/agents/tests.md",
            "---\nname: tests\ndescription: Writes the unit tests. Use after changes.\n---\nYou "
            "write the unit tests. Write them with Jest, one file per class.\n");
  const std::string here = "cd '" + tmp.path().string() + "' && ";
  for (const char* args : {"-q .", "-q .claude/agents/tests.md", "-q .claude/agents"}) {
    CAPTURE(args);
    const Run run = Agentlint(args, false, here);
    CHECK(run.out.find("[AL410 choice-not-in-repository]") != std::string::npos);
    CHECK(run.out.find("it is built with `build.gradle.kts`") != std::string::npos);
  }
  // And from inside the agents folder, where the scope is `.`.
  const Run inside =
      Agentlint("-q tests.md", false, "cd '" + (tmp.path() / ".claude/agents").string() + "' && ");
  CHECK(inside.out.find("[AL410 choice-not-in-repository]") != std::string::npos);
  // The repository's files are looked up from there too (missing-referenced-file).
  WriteFile(tmp.path() / "docs/guide.md", "# Guide\n");
  WriteFile(tmp.path() / ".claude/agents/docs.md",
            "---\nname: docs\ndescription: Keeps the docs. Use after changes.\n---\nYou keep "
            "the docs. Read `docs/guide.md` and `docs/setup.md` first.\n");
  for (const std::string& where : {tmp.path().string(), (tmp.path() / ".claude/agents").string()}) {
    CAPTURE(where);
    const Run run = Agentlint("-q .", false, "cd '" + where + "' && ");
    CHECK(run.out.find("`docs/setup.md` does not exist") != std::string::npos);
    CHECK(run.out.find("`docs/guide.md` does not exist") == std::string::npos);
  }
}

TEST_CASE("cli: project rules run for the files that enable them, alone or with the others") {
  // choice-not-in-repository reads the stances conflicting-guidance takes: each finds alone.
  TempDir tmp;
  fs::create_directories(tmp.path() / ".git");
  WriteFile(tmp.path() / "pyproject.toml", "[project]\nname = \"shop\"\n");
  WriteFile(tmp.path() / "uv.lock", "version = 1\n");
  WriteFile(tmp.path() / ".claude/agents/deps.md",
            "---\nname: deps\ndescription: Adds Python dependencies. Use for dependency "
            "changes.\nmodel: sonet\n---\nYou manage the dependencies. Use Poetry for every new "
            "package.\n");
  WriteFile(tmp.path() / ".claude/agents/api.md",
            "---\nname: api\ndescription: Builds the HTTP endpoints. Use for endpoint work.\n---\n"
            "You build the endpoints. Install tools with `uv pip install httpie`.\n\nHandoff "
            "to: @deps\n");
  const std::string here = "cd '" + tmp.path().string() + "' && ";
  const auto count = [](const Run& run, const std::string& rule) {
    size_t n = 0;
    for (size_t at = run.out.find("[" + rule); at != std::string::npos;
         at = run.out.find("[" + rule, at + 1))
      ++n;
    return n;
  };
  struct Case {
    const char* args;
    size_t conflicts;  // AL406, on both files
    size_t choices;    // AL410, on deps.md
    size_t models;     // AL111, a per-file rule, on deps.md
  };
  // With no project rule on, the siblings of a named file are not read: its own findings stay.
  for (const Case& c :
       {Case{"", 2, 1, 1}, Case{"--select AL410", 0, 1, 0}, Case{"--ignore AL406", 0, 1, 1},
        Case{"--select AL406", 2, 0, 0}, Case{"--ignore project", 0, 0, 1},
        Case{"--select AL001", 0, 0, 0}, Case{"--select AL111", 0, 0, 1}}) {
    for (const char* target : {".claude/agents", ".claude/agents/deps.md"}) {
      CAPTURE(c.args);
      CAPTURE(target);
      const Run run = Agentlint(std::string("-q ") + c.args + " " + target, false, here);
      const bool whole = std::string(target) == ".claude/agents";
      CHECK(count(run, "AL406") == (whole ? c.conflicts : c.conflicts / 2));
      CHECK(count(run, "AL410") == c.choices);
      CHECK(count(run, "AL111") == c.models);
    }
  }
  // A rule one file ignores still runs for the other, with the ignoring file's evidence.
  WriteFile(tmp.path() / ".agentlint.yaml",
            "overrides:\n  - files: \".claude/agents/deps.md\"\n    ignore: [AL406, AL410]\n");
  const Run mixed = Agentlint("-q .claude/agents", false, here);
  CHECK(count(mixed, "AL406") == 1);
  CHECK(mixed.out.find("api.md:5:") != std::string::npos);
  CHECK(count(mixed, "AL410") == 0);
  // The graph keeps every summary: with the project rules off, it still draws the handoff.
  WriteFile(tmp.path() / ".agentlint.yaml", "ignore: [project]\n");
  const Run graph = Agentlint("graph .claude/agents", false, here);
  CHECK(graph.code == 0);
  CHECK(graph.out.find("  a0 --> a1\n") != std::string::npos);
}

TEST_CASE("cli: output is the same bytes for every -j, streamed or written to a file") {
  // Enough findings that the text report is rendered in many chunks and several batches
  // (output/text.cpp renders 256 findings per chunk, four chunks per thread at a time), from
  // few files: twelve findings each (nine unknown tools, a removed tool, a bad model, a handoff
  // to a missing agent), so the eleven runs stay short under the sanitizers.
  TempDir tmp;
  for (int i = 0; i < 200; ++i) {
    const std::string name = "agent-" + std::to_string(i);
    WriteFile(tmp.path() / ".claude/agents" / (name + ".md"),
              "---\nname: " + name + "\ndescription: Handles task " + std::to_string(i) +
                  ". Use for it.\ntools: Read, Bassh, Grepp, Globb, Edd, Wrote, Tasc, Lss, Lsss, "
                  "Fetchh, MultiEdit\nmodel: sonet\n---\nYou are agent " +
                  std::to_string(i) + ". Hand off to @agent-missing-" + std::to_string(i) +
                  " when done.\n");
  }
  // Findings of several project rules at once (they run side by side with -j): a duplicate
  // name, overlapping descriptions, agents disagreeing on a test runner.
  const std::string long_description =
      "Reviews pull requests for injection risks, leaked secrets, unsafe dependencies and weak "
      "session handling before merge.";
  for (const char* file : {"twin-a", "twin-b"}) {
    WriteFile(tmp.path() / ".claude/agents" / (std::string(file) + ".md"),
              "---\nname: twin\ndescription: A twin. Use for tests.\n---\nYou test.\n");
  }
  for (const char* name : {"guard-a", "guard-b"}) {
    WriteFile(tmp.path() / ".claude/agents" / (std::string(name) + ".md"),
              "---\nname: " + std::string(name) + "\ndescription: " + long_description +
                  "\n---\nYou review.\n");
  }
  WriteFile(tmp.path() / ".claude/agents/unit-a.md",
            "---\nname: unit-a\ndescription: Writes the unit tests. Use after changes.\n---\n"
            "Use Vitest only for unit tests.\n");
  WriteFile(tmp.path() / ".claude/agents/unit-b.md",
            "---\nname: unit-b\ndescription: Runs the unit tests. Use before merge.\n---\n"
            "Use Jest only for unit tests.\n");
  const std::string dir = "'" + tmp.path().string() + "'";
  const Run one = Agentlint("-j1 " + dir);
  CHECK(one.code == 1);
  for (const char* rule : {"AL401", "AL406", "AL407"})
    CHECK(one.out.find(rule) != std::string::npos);
  const std::string found = one.out.substr(one.out.rfind("Found "));
  const size_t count = std::stoul(found.substr(6));
  CHECK(count > 2000);  // more than two batches of chunks at -j1 and -j2
  for (const char* jobs : {"-j2", "-j3", "-j8"})
    CHECK(Agentlint(std::string(jobs) + " " + dir).out == one.out);
  CHECK(Agentlint("-j2 --format json " + dir).out == Agentlint("-j1 --format json " + dir).out);
  // Text, JSON and SARIF are written in pieces as they are made, to standard output or to a
  // file, with the same bytes.
  const std::string file = (tmp.path() / "out.txt").string();
  CHECK(Agentlint("-j2 --output-file '" + file + "' " + dir).code == 1);
  CHECK(ReadFile(file) == one.out);
  for (const std::string format : {"json", "sarif"}) {
    CAPTURE(format);
    const Run streamed = Agentlint("--format " + format + " " + dir);
    CHECK(JsonChecker(streamed.out).Valid());
    CHECK(nlohmann::json::parse(streamed.out)[format == "json" ? "diagnostics" : "runs"].size() >
          0);
    const std::string path = (tmp.path() / ("out." + format)).string();
    CHECK(Agentlint("--output-file '" + format + ":" + path + "' " + dir).code == 1);
    CHECK(ReadFile(path) == streamed.out);
  }
}
