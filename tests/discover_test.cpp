#include <doctest/doctest.h>

#include <sys/stat.h>

#include "core/text.h"
#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {
const char* kAgent = "---\nname: a\ndescription: An agent. Use for tests.\n---\nBody\n";

// The working folder, for one test only.
struct InFolder {
  fs::path before = fs::current_path();
  explicit InFolder(const fs::path& dir) { fs::current_path(dir); }
  ~InFolder() { fs::current_path(before); }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;
};

std::vector<std::string> Relative(const Discovery& d, const fs::path& root) {
  std::vector<std::string> out;
  for (const DiscoveredFile& f : d.files)
    out.push_back(fs::path(f.path).lexically_relative(root).generic_string());
  return out;
}
}  // namespace

TEST_CASE("discover: agent locations, plugins and look-alike documents") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/b.md", kAgent);
  WriteFile(r / ".claude/agents/nested/a.md", kAgent);
  WriteFile(r / ".claude/agents/README.md", "# About these agents\n");
  WriteFile(r / ".claude/agents/draft.md", "no front matter, not readme-like\n");
  WriteFile(r / "plug/.claude-plugin/plugin.json", "{}");
  WriteFile(r / "plug/agents/p.md", kAgent);
  WriteFile(r / "docs/guide.md", "---\ntitle: Guide\nlayout: page\n---\n");
  WriteFile(r / "docs/agent-like.md", kAgent);
  WriteFile(r / ".claude/skills/s/SKILL.md", kAgent);
  WriteFile(r / "node_modules/x/.claude/agents/n.md", kAgent);
  WriteFile(r / ".git/agents/g.md", kAgent);
  const Discovery d = Discover({r.string()});
  CHECK(Relative(d, r) == std::vector<std::string>{".claude/agents/b.md", ".claude/agents/draft.md",
                                                   ".claude/agents/nested/a.md",
                                                   "docs/agent-like.md", "plug/agents/p.md"});
  for (const DiscoveredFile& f : d.files) {
    if (f.path.find("plug/agents") != std::string::npos) CHECK(f.origin.plugin_agent);
    if (f.path.find(".claude/agents") != std::string::npos) CHECK(f.origin.agent_location);
  }
  CHECK(d.skipped.size() == 3);  // README.md, guide.md, SKILL.md
}

TEST_CASE("discover: named files always count, missing paths and FIFOs are errors") {
  TempDir tmp;
  WriteFile(tmp.path() / "notes.md", "just text\n");
  REQUIRE(::mkfifo((tmp.path() / "pipe.md").c_str(), 0600) == 0);
  const Discovery d =
      Discover({(tmp.path() / "notes.md").string(), (tmp.path() / "missing.md").string(),
                (tmp.path() / "pipe.md").string()});
  REQUIRE(d.files.size() == 1);
  CHECK(d.files[0].origin.named);
  CHECK(d.errors.size() == 2);
}

TEST_CASE("discover: symlink loops and links out of the tree are not followed") {
  TempDir tmp;
  TempDir outside;
  WriteFile(outside.path() / "secret.md", kAgent);
  WriteFile(tmp.path() / "agents/a.md", kAgent);
  fs::create_directory_symlink(tmp.path() / "agents", tmp.path() / "agents/loop");
  fs::create_directory_symlink(outside.path(), tmp.path() / "agents/out");
  fs::create_symlink(outside.path() / "secret.md", tmp.path() / "agents/linked.md");
  // A folder reached through a link inside the tree is walked once, under the first name, and a
  // link back up from below it is a loop too. Skipped files are listed per path: a folder
  // walked twice would list its notes twice.
  WriteFile(tmp.path() / "agents/notes.md", "plain notes\n");
  WriteFile(tmp.path() / "real/sub/b.md", kAgent);
  WriteFile(tmp.path() / "real/sub/notes.md", "plain notes\n");
  fs::create_directory_symlink(tmp.path() / "real", tmp.path() / "alias");
  fs::create_directory_symlink(tmp.path() / "real", tmp.path() / "real/sub/up");
  const Discovery d = Discover({tmp.path().string()});
  CHECK(Relative(d, tmp.path()) == std::vector<std::string>{"agents/a.md", "alias/sub/b.md"});
  std::vector<std::string> skipped;
  for (const std::string& path : d.skipped)
    skipped.push_back(fs::path(path).lexically_relative(tmp.path()).generic_string());
  CHECK(skipped == std::vector<std::string>{"agents/notes.md", "alias/sub/notes.md"});
}

TEST_CASE("discover: links are followed as far as the git repository, as Claude Code loads them") {
  // Claude Code 2.1.332 loads an agent that is a link to a file elsewhere in the repository (a
  // shared folder of agents linked into .claude/agents), and one that leads out of it; agentlint
  // follows the first and, reading only the repository, not the second.
  TempDir repo;
  TempDir outside;
  fs::create_directory(repo.path() / ".git");
  WriteFile(repo.path() / ".claude/agents/a.md", kAgent);
  WriteFile(repo.path() / "shared/agents/reviewer.md", kAgent);
  WriteFile(repo.path() / "shared/team/planner.md", kAgent);
  WriteFile(outside.path() / "secret.md", kAgent);
  fs::create_symlink("../../shared/agents/reviewer.md", repo.path() / ".claude/agents/reviewer.md");
  fs::create_directory_symlink(repo.path() / "shared/team", repo.path() / ".claude/agents/team");
  fs::create_symlink(outside.path() / "secret.md", repo.path() / ".claude/agents/secret.md");
  const InFolder in(repo.path());
  const Discovery d = Discover({".claude/agents"});
  std::vector<std::string> paths;
  for (const DiscoveredFile& f : d.files) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{".claude/agents/a.md", ".claude/agents/reviewer.md",
                                          ".claude/agents/team/planner.md"});
  // The linked files are agents of .claude/agents, as Claude Code loads them.
  for (const DiscoveredFile& f : d.files) {
    CAPTURE(f.path);
    CHECK(f.origin.agent_location);
  }
}

TEST_CASE("discover: a file named twice is linted once") {
  TempDir tmp;
  WriteFile(tmp.path() / ".claude/agents/a.md", kAgent);
  const Discovery d =
      Discover({tmp.path().string(), (tmp.path() / ".claude/agents/a.md").string()});
  CHECK(d.files.size() == 1);
}

TEST_CASE("discover: a file reached twice, however spelt or linked, is one file") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/a.md", kAgent);
  WriteFile(r / ".claude/agents/b.md", kAgent);
  fs::create_directory_symlink(r / ".claude", r / "alias");
  fs::create_symlink(r / ".claude/agents/b.md", r / ".claude/agents/c.md");
  const InFolder in(r);
  const auto named = [](const Discovery& d) {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : d.files) out.push_back(f.path + (f.origin.named ? "*" : ""));
    return out;
  };
  // Named through a linked folder, and named in a spelling the siblings' walk does not use:
  // each merges with the walk's entry for the same file, which is then named.
  CHECK(named(Discover({"alias/agents/a.md", ".claude/agents"})) ==
        std::vector<std::string>{".claude/agents/a.md*", ".claude/agents/b.md"});
  CHECK(named(Discover({"./.claude//agents/a.md"})) ==
        std::vector<std::string>{"./.claude/agents/a.md*", ".claude/agents/b.md"});
  // A link to a file of the same folder is the file it leads to (the link is not followed
  // for a second copy); a buffer an editor has not saved merges with the file on disk.
  CHECK(named(Discover({".claude/agents"})) ==
        std::vector<std::string>{".claude/agents/a.md", ".claude/agents/b.md"});
  CHECK(named(Discover({".claude/agents/b.md"}, {".claude/agents/b.md"})) ==
        std::vector<std::string>{".claude/agents/a.md", ".claude/agents/b.md*"});
  // Not on disk: a buffer by its path as written.
  CHECK(named(Discover({".claude/agents/new.md"}, {".claude/agents/new.md"})) ==
        std::vector<std::string>{".claude/agents/a.md", ".claude/agents/b.md",
                                 ".claude/agents/new.md*"});
}

TEST_CASE("discover: the agents folders of one repository's dot-folders are loaded together") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/a.md", kAgent);
  WriteFile(r / ".claude/agents/z.md", kAgent);
  WriteFile(r / ".github/agents/b.agent.md", kAgent);
  WriteFile(r / ".opencode/agent/c.md", kAgent);
  // Look-alikes: not an agents root of this repository's dot-folders.
  WriteFile(r / ".git/agents/g.md", kAgent);
  WriteFile(r / ".vscode/notes/n.md", kAgent);
  WriteFile(r / "tools/agents/t.md", kAgent);
  WriteFile(r / "sub/.github/agents/s.md", kAgent);
  const InFolder in(r);
  const auto listed = [](const Discovery& d) {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : d.files) out.push_back(f.path + (f.origin.reported ? "" : "~"));
    return out;
  };
  // Named as a file (a pre-commit hook) or as its folder: the other roots are siblings, read
  // for the project checks and not reported, as the rest of the file's own root is.
  const std::vector<std::string> siblings{".claude/agents/a.md", ".claude/agents/z.md~",
                                          ".github/agents/b.agent.md~", ".opencode/agent/c.md~"};
  CHECK(listed(Discover({".claude/agents/a.md"})) == siblings);
  CHECK(listed(Discover({".claude/agents"})) ==
        std::vector<std::string>{".claude/agents/a.md", ".claude/agents/z.md",
                                 ".github/agents/b.agent.md~", ".opencode/agent/c.md~"});
  CHECK(listed(Discover({(r / ".github/agents/b.agent.md").string()})) ==
        std::vector<std::string>{
            (r / ".claude/agents/a.md~").string(), (r / ".claude/agents/z.md~").string(),
            (r / ".github/agents/b.agent.md").string(), (r / ".opencode/agent/c.md~").string()});
  // The whole repository: every root is reported, each file once.
  const Discovery whole = Discover({"."});
  for (const DiscoveredFile& f : whole.files) CHECK(f.origin.reported);
  CHECK(whole.files.size() == 7);  // and tools/agents/t.md, sub/.github/agents/s.md, .vscode's
}

TEST_CASE("discover: one config search shared by many folders finds each folder's nearest") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".agentlint.yaml", "rules: {}\n");
  WriteFile(r / "team/inner/.agentlint.yaml", "rules: {}\n");
  for (const char* dir : {"team/a", "team/inner/deep", "other"}) fs::create_directories(r / dir);
  const auto found = [](const std::string& path) {
    return fs::absolute(path).lexically_normal().generic_string();
  };
  ConfigSearch search;
  // The parent's folders are searched first; the nearer config below them still wins.
  const std::string outer = found(FindConfig((r / "team/a/x.md").string(), &search));
  CHECK(outer == (r / ".agentlint.yaml").generic_string());
  CHECK(found(FindConfig((r / "team/inner/deep/y.md").string(), &search)) ==
        (r / "team/inner/.agentlint.yaml").generic_string());
  CHECK(found(FindConfig((r / "other/z.md").string(), &search)) == outer);
  CHECK(found(FindConfig((r / "team/inner/w.md").string(), &search)) ==
        (r / "team/inner/.agentlint.yaml").generic_string());
  // The same answers as searches that share nothing.
  for (const char* file : {"team/a/x.md", "team/inner/deep/y.md", "other/z.md", "team/inner/w.md"})
    CHECK(FindConfig((r / file).string(), &search) == FindConfig((r / file).string()));
  CHECK(search.found.count(r.string()) == 1);
}

TEST_CASE("discover: a folder spelt any way reports its files by one normal path") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/b.md", kAgent);
  WriteFile(r / ".claude/agents/sub/a.md", kAgent);
  // Readme-like stems (the knowledge's names, alone or after `_` / `-`) without front matter
  // are skipped; a name that only contains one is an agent file like any other.
  WriteFile(r / ".claude/agents/team_readme.md", "# Team\n");
  WriteFile(r / ".claude/agents/release-NOTES.md", "# Notes\n");
  WriteFile(r / ".claude/agents/.readme.md", "draft\n");
  WriteFile(r / ".claude/agents/notesmith.md", "draft\n");
  WriteFile(r / "top.md", kAgent);
  const InFolder in(r);
  const std::vector<std::string> relative = {".claude/agents/.readme.md", ".claude/agents/b.md",
                                             ".claude/agents/notesmith.md",
                                             ".claude/agents/sub/a.md"};
  for (const char* spelling :
       {".", "./", ".claude/..", "./.claude/agents/", ".claude//agents", ".claude/./agents/."}) {
    CAPTURE(spelling);
    std::vector<std::string> paths;
    for (const DiscoveredFile& f : Discover({spelling}).files) paths.push_back(f.path);
    std::vector<std::string> expected = relative;
    if (std::string_view(spelling).find("agents") == std::string_view::npos)
      expected.push_back("top.md");  // the working folder's own file: no `./` before it
    CHECK(paths == expected);
  }
  std::vector<std::string> skipped = Discover({"."}).skipped;
  CHECK(skipped == std::vector<std::string>{".claude/agents/release-NOTES.md",
                                            ".claude/agents/team_readme.md"});
  std::vector<std::string> absolute;
  for (const DiscoveredFile& f : Discover({(r / ".claude/agents").string() + "/"}).files)
    absolute.push_back(f.path);
  REQUIRE(absolute.size() == relative.size());
  for (size_t i = 0; i < absolute.size(); ++i)
    CHECK(absolute[i] == (r / relative[i]).lexically_normal().generic_string());
  std::vector<std::string> up;
  fs::current_path(r / ".claude/agents/sub");
  for (const DiscoveredFile& f : Discover({"../../agents"}).files) up.push_back(f.path);
  CHECK(up == std::vector<std::string>{"../../agents/.readme.md", "../../agents/b.md",
                                       "../../agents/notesmith.md", "../../agents/sub/a.md"});
}

TEST_CASE("discover: a run looks for a folder's config once, and never takes it for another's") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / "sub/.agentlint.yaml", "rules: {}\n");
  const InFolder in(r);
  ConfigSet configs;
  const LintOptions options;
  CHECK(configs.For("a.md", options) == nullptr);
  const Config* sub = configs.For("sub/b.md", options);
  REQUIRE(sub != nullptr);
  CHECK(configs.For("sub/c.md", options) == sub);
  CHECK(configs.For("./a.md", options) == nullptr);
  CHECK(configs.For("a.md", options) == nullptr);  // the working folder is still its own
  CHECK(configs.For("sub//d.md", options) != nullptr);
  CHECK(configs.For((r / "sub/e.md").string(), options) != nullptr);
  CHECK(configs.For((r / "f.md").string(), options) == nullptr);
}

TEST_CASE("discover: a project's instructions are the files Claude Code gives every agent") {
  TempDir tmp;
  const fs::path r = tmp.path() / "repo";
  WriteFile(r / ".git/HEAD", "ref: refs/heads/main\n");
  WriteFile(r / "service/.claude/agents/a.md", kAgent);
  WriteFile(r / "service/CLAUDE.md", "Notes: @docs/a.md and @../docs/up.md\n");
  WriteFile(r / "service/docs/a.md", "A.\n");
  WriteFile(r / "service/CLAUDE.local.md", "Mine.\n");
  WriteFile(r / "service/.claude/CLAUDE.local.md", "Not read.\n");
  WriteFile(r / "service/.claude/rules/db.md", "Rule. @../../../outside.md\n");
  WriteFile(r / "service/.claude/rules/team/.style.md", "Hidden rule.\n");
  WriteFile(r / "service/.claude/rules/py.md", "---\npaths: src/**\n---\nSee @../../docs/py.md\n");
  WriteFile(r / "service/docs/py.md", "Python.\n");
  WriteFile(r / "service/.claude/rules/NOTES.MD", "Not a rule.\n");
  WriteFile(r / "docs/up.md", "Above the project: an external import.\n");
  WriteFile(r / "CLAUDE.md", "Root: @docs/root.md\n");
  WriteFile(r / "docs/root.md", "Imported from above: external too.\n");
  WriteFile(r / ".claude/rules/root.md", "A rule of the folder above.\n");
  WriteFile(tmp.path() / "outside.md", "Outside.\n");
  const InFolder in(r);
  std::vector<std::string> paths;
  for (const DiscoveredFile& f : ProjectInstructions(Discover({"service"}).files)) {
    CHECK(f.origin.instructions);
    CHECK_FALSE(f.origin.reported);
    paths.push_back(f.path);
  }
  std::sort(paths.begin(), paths.end());
  CHECK(paths == std::vector<std::string>{
                     ".claude/rules/root.md", "CLAUDE.md", "service/.claude/rules/db.md",
                     "service/.claude/rules/team/.style.md", "service/CLAUDE.local.md",
                     "service/CLAUDE.md", "service/docs/a.md", "service/docs/py.md"});
}

TEST_CASE("discover: a project's agents carry the tools its Claude Code settings deny") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/a.md", kAgent);
  WriteFile(r / ".claude/agents/team/b.md", kAgent);
  WriteFile(r / ".claude/settings.json",
            "{\"permissions\": {\"deny\": [\"WebFetch\", \"Bash(*)\", \"Bash(rm:*)\", "
            "\" Edit \", \"Read()\", 5, \"mcp__github\", \"Task(helper)\", \"Task(*)\"]}}");
  WriteFile(r / ".claude/settings.local.json", R"({"permissions": {"deny": ["NotebookEdit"]}})");
  WriteFile(r / "service/.claude/agents/c.md", kAgent);
  WriteFile(r / "service/.claude/settings.local.json", "{not json");
  WriteFile(r / "notes/d.md", kAgent);
  const InFolder in(r);
  const Discovery d = Discover({"."});
  std::map<std::string, std::vector<std::string>> denied;
  for (const DiscoveredFile& f : d.files) {
    std::vector<std::string>& names = denied[f.path];
    if (!f.origin.denied_tools) continue;
    for (const DeniedTool& t : *f.origin.denied_tools) names.push_back(t.name + " " + t.setting);
  }
  const std::vector<std::string> project{
      "WebFetch .claude/settings.json",    "Bash .claude/settings.json",
      "mcp__github .claude/settings.json", "Agent(helper) .claude/settings.json",
      "Agent .claude/settings.json",       "NotebookEdit .claude/settings.local.json"};
  CHECK(denied[".claude/agents/a.md"] == project);
  CHECK(denied[".claude/agents/team/b.md"] == project);
  // A project's own settings only (not those of the folder above), and a file that is not JSON
  // denies nothing; nor do settings reach files outside an agents folder.
  CHECK(denied["service/.claude/agents/c.md"].empty());
  CHECK(denied["notes/d.md"].empty());
  CHECK(d.files[0].origin.denied_tools == d.files[1].origin.denied_tools);  // read once, shared
}

TEST_CASE(
    "discover: an agent of .claude/agents spelt `.MD` or `.markdown` is found, notes are not") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/a.md", kAgent);
  WriteFile(r / ".claude/agents/Shout.MD", kAgent);
  WriteFile(r / ".claude/agents/team/long.markdown", kAgent);
  WriteFile(r / ".claude/agents/plain.txt", kAgent);
  WriteFile(r / ".claude/agents/notes.txt", "Who owns which agent.\n");
  WriteFile(r / ".claude/agents/README.MD", "# Our agents\n");
  WriteFile(r / ".claude/agents/agents.json", "{}\n");
  WriteFile(r / ".claude/agents/.gitkeep", "");
  WriteFile(r / "docs/draft.markdown", kAgent);      // not in an agents folder: not an agent file
  WriteFile(r / ".github/agents/other.MD", kAgent);  // Copilot's folder: not Claude Code's rule
  const InFolder in(r);
  std::vector<std::string> paths;
  for (const DiscoveredFile& f : Discover({"."}).files) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{".claude/agents/Shout.MD", ".claude/agents/a.md",
                                          ".claude/agents/plain.txt",
                                          ".claude/agents/team/long.markdown"});
  // Named (as a pre-commit hook names every `.txt` of .claude/agents): the same judgement.
  // The other agents of the folder come along as siblings, not reported on.
  const Discovery named = Discover({".claude/agents/notes.txt", ".claude/agents/Shout.MD"});
  std::vector<std::string> reported;
  for (const DiscoveredFile& f : named.files) {
    if (f.origin.reported) reported.push_back(f.path);
  }
  CHECK(reported == std::vector<std::string>{".claude/agents/Shout.MD"});
  CHECK(named.files.size() == 4);
  CHECK(named.skipped == std::vector<std::string>{".claude/agents/notes.txt"});
}

TEST_CASE("discover: a plugin agent reached through a link below `agents/` is marked, each once") {
  TempDir tmp;
  const fs::path r = tmp.path();
  const char* manifest = "{\"name\": \"p\", \"version\": \"1.0.0\"}\n";
  for (const char* plugin : {"a", "b", "c"})
    WriteFile(r / "plugins" / plugin / ".claude-plugin/plugin.json", manifest);
  WriteFile(r / "shared/x.md", kAgent);
  WriteFile(r / "shared/team/y.md", kAgent);
  WriteFile(r / "shared/c-agents/z.md", kAgent);
  WriteFile(r / "plugins/a/agents/own.md", kAgent);
  fs::create_directories(r / "plugins/b/agents");
  fs::create_symlink("../../../shared/x.md", r / "plugins/a/agents/x.md");
  fs::create_symlink("../../../shared/x.md", r / "plugins/b/agents/x.md");
  fs::create_directory_symlink("../../../shared/team", r / "plugins/a/agents/team");
  // The `agents` folder itself a link: Claude Code reads it (only links below it are skipped).
  fs::create_directory_symlink("../../shared/c-agents", r / "plugins/c/agents");
  WriteFile(r / ".git/HEAD", "ref: refs/heads/main\n");
  const InFolder in(r);
  std::map<std::string, bool> linked;
  for (const DiscoveredFile& f : Discover({"plugins"}).files) {
    linked[f.path] = f.origin.linked_in_plugin;
    CHECK(f.origin.plugin_name == "p");  // the manifest's name
  }
  CHECK(linked == std::map<std::string, bool>{{"plugins/a/agents/own.md", false},
                                              {"plugins/a/agents/team/y.md", true},
                                              {"plugins/a/agents/x.md", true},
                                              {"plugins/b/agents/x.md", true},
                                              {"plugins/c/agents/z.md", false}});
  // Named, as a pre-commit hook names a changed file.
  const Discovery named = Discover({"plugins/b/agents/x.md"});
  bool found = false;
  for (const DiscoveredFile& f : named.files) {
    if (f.path != "plugins/b/agents/x.md") continue;
    found = true;
    CHECK(f.origin.linked_in_plugin);
  }
  CHECK(found);
  // Linted: AL016 on each linked agent, none on the others.
  std::vector<std::string> reported;
  for (const Diagnostic& d : Lint({"plugins"}, {}).diagnostics) {
    if (d.rule->id == "AL016") reported.push_back(d.location.path.str());
  }
  CHECK(reported == std::vector<std::string>{"plugins/a/agents/team/y.md", "plugins/a/agents/x.md",
                                             "plugins/b/agents/x.md"});
}

TEST_CASE("discover: run inside .claude/agents, each file is located by its own name") {
  TempDir tmp;
  const fs::path r = tmp.path();
  WriteFile(r / ".claude/agents/a.md", kAgent);
  WriteFile(r / ".claude/agents/b.MD", kAgent);
  WriteFile(r / ".claude/agents/c.agent.md", kAgent);
  const InFolder in(r / ".claude/agents");
  const Discovery found = Discover({"."});
  REQUIRE(found.files.size() == 3);
  for (const DiscoveredFile& f : found.files) {
    CAPTURE(f.path);
    CHECK(EndsWith(f.origin.located_as, "/.claude/agents/" + f.path));
  }
  // AL015 names each file's own extension.
  std::vector<std::string> messages;
  for (const Diagnostic& d : Lint({"."}, {}).diagnostics) {
    if (d.rule->id == "AL015") messages.push_back(d.location.path.str() + " " + d.message);
  }
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].rfind("b.MD the file name ends in `.MD`", 0) == 0);
}
