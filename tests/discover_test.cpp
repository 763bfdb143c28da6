#include <doctest/doctest.h>

#include <sys/stat.h>

#include "test_util.h"

using namespace agentlint;
using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {
const char* kAgent = "---\nname: a\ndescription: An agent. Use for tests.\n---\nBody\n";

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
  const Discovery d = Discover({tmp.path().string()});
  CHECK(Relative(d, tmp.path()) == std::vector<std::string>{"agents/a.md"});
}

TEST_CASE("discover: a file named twice is linted once") {
  TempDir tmp;
  WriteFile(tmp.path() / ".claude/agents/a.md", kAgent);
  const Discovery d =
      Discover({tmp.path().string(), (tmp.path() / ".claude/agents/a.md").string()});
  CHECK(d.files.size() == 1);
}
