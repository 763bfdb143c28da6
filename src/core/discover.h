// Finds the agent files to lint under the paths the user named: files named on the command line
// always; under a directory, every Markdown file in an agent location (.claude/agents, a plugin's
// agents/, .github/agents, .opencode/agent[s], .kiro/agents, .gemini/agents) and every other
// Markdown file whose front matter declares `name` or `description`. Never follows a symlink out
// of the named tree or into a loop; skips .git and node_modules. The result is sorted.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace agentlint {

struct DiscoveredFile {
  std::string path;
  FileOrigin origin;
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<std::string> skipped;  // Markdown files looked at and found not to be agents
  std::vector<std::string> errors;   // named paths that do not exist or cannot be used
};

// `unsaved`: paths whose text comes from elsewhere (stdin, an editor): named, they count as files
// even when nothing is on disk there yet.
Discovery Discover(const std::vector<std::string>& paths,
                   const std::vector<std::string>& unsaved = {});

// Where a path sits (agent location, plugin agent), judged from its components and the plugin
// manifest above it.
FileOrigin ClassifyPath(const std::string& path);

// The repository an agents root belongs to when it is the agents folder of a dot-folder
// (`/work/r` for `r/.claude/agents` or `r/.github/agents`, and for `.` inside
// `/work/r/.claude/agents`): absolute and lexically normal, so that a repository has one
// spelling however its scopes are written; nullopt for other scopes (a plugin's agents/, a
// plain folder).
// `cwd`: the working folder (std::filesystem::current_path), which relative scopes are read from.
std::optional<std::string> DotFolderRepository(const std::string& scope,
                                               const std::filesystem::path& cwd);

// DotFolderRepository spelt as `scope` is: relative to `cwd` when `scope` is ("" for `cwd`
// itself, `../..` from inside `.claude/agents`).
std::optional<std::string> SpeltDotFolderRepository(const std::string& scope,
                                                    const std::filesystem::path& cwd);

// The folder of the project an agents root belongs to, spelt as `scope` is: its dot-folder's
// repository (SpeltDotFolderRepository), else (a plugin's agents/) the folder above its parent.
std::filesystem::path ProjectFolderOf(const std::string& scope, const std::filesystem::path& cwd);

// The project folder of a `.claude/agents` scope (`/work/r` for `r/.claude/agents`), absolute
// and lexically normal; nullopt for any other scope.
std::optional<std::filesystem::path> ClaudeProjectDir(const std::string& scope,
                                                      const std::filesystem::path& cwd);

// `path` absolute (read from `cwd` when relative), lexically normal, without a trailing `/`.
std::filesystem::path AbsoluteFolder(const std::string& path, const std::filesystem::path& cwd);

// The folders above the absolute folder `project` up to its git repository's root (the nearest
// folder holding `.git`), nearest first; none when `project` is the root or outside any
// repository. Claude Code started in `project` also reads their `.claude/agents` and
// `.claude/skills` (and CLAUDE.md, of every folder above: agentlint reads those up to the root).
std::vector<std::filesystem::path> FoldersAboveInRepository(const std::filesystem::path& project);

// Whether a folder from `inner` up to `outer` (not `outer` itself) holds `.git`: the git
// repository `inner` is in ends below `outer`. `outer` encloses `inner`.
bool GitRootBetween(const std::filesystem::path& inner, const std::filesystem::path& outer);

// The project instructions Claude Code loads with every agent of the repositories these agents
// belong to (measured with 2.1.332): CLAUDE.md, .claude/CLAUDE.md, CLAUDE.local.md and the
// `.claude/rules` files not limited to `paths`, beside an agents dot-folder and in the folders
// above it up to the git root, and the files they import with `@path` (up to five hops) that lie
// inside the project's folder (Claude Code leaves the others out until the user approves them).
// Each comes once, as a party of the first agents scope of its repository: compared with the
// agents, never linted, never an agent itself.
std::vector<DiscoveredFile> ProjectInstructions(const std::vector<DiscoveredFile>& agents);

}  // namespace agentlint
