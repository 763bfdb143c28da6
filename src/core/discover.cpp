#include "core/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <re2/re2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/claude.h"
#include "core/knowledge.h"
#include "core/memory.h"
#include "core/source.h"
#include "core/text.h"

namespace agentlint {

namespace fs = std::filesystem;

namespace {

// The first bytes of a file, enough to see its front matter (plain open(2) and read(2) into
// the stack: a run over a tree of Markdown files peeks at most of them).
std::string Peek(const fs::path& path) {
  char head[8192];
  size_t filled = 0;
  // O_NONBLOCK: a FIFO swapped in for the file since the folder was listed is not waited on.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return {};
  while (filled < sizeof head) {
    const ssize_t n = ::read(fd, head + filled, sizeof head - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  ::close(fd);
  return std::string(head, filled);
}

// True when the text opens with (or, after blank lines, has) a `---` block declaring `name:` or
// `description:` at the top level.
bool LooksLikeAgent(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t pos = 0;
  while (pos < head.size()) {  // skip blank lines
    const size_t eol = head.find('\n', pos);
    const std::string_view line =
        head.substr(pos, eol == std::string_view::npos ? head.size() - pos : eol - pos);
    if (!Trim(line).empty()) break;
    if (eol == std::string_view::npos) return false;
    pos = eol + 1;
  }
  if (Trim(head.substr(pos, head.find('\n', pos) - pos)) != "---") return false;
  size_t line_start = head.find('\n', pos);
  while (line_start != std::string_view::npos) {
    ++line_start;
    const size_t eol = head.find('\n', line_start);
    const std::string_view line = head.substr(
        line_start, eol == std::string_view::npos ? head.size() - line_start : eol - line_start);
    const std::string_view trimmed = Trim(line);
    if (trimmed == "---") return false;
    if (line.substr(0, 5) == "name:" || line.substr(0, 12) == "description:") return true;
    line_start = eol;
  }
  return false;
}

bool HasFrontMatterFence(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  return head.substr(0, 3) == "---";
}

// Markdown files with front matter that are not agents: skills, commands, prompts, rules.
bool IsOtherKind(const std::string& generic) {
  const std::string p = "/" + generic;
  for (const char* dir : {"/skills/", "/commands/", "/prompts/", "/instructions/",
                          "/.cursor/rules/", "/.claude/rules/", "/output-styles/", "/hooks/"}) {
    if (p.find(dir) != std::string::npos) return true;
  }
  const std::string name = fs::path(generic).filename().string();
  return name == "SKILL.md" || EndsWith(name, ".prompt.md") || EndsWith(name, ".instructions.md");
}

// `name`: a file name. Its stem (fs::path::stem: all but the last extension, unless the only
// dot starts the name) is one of the knowledge's readme names, or ends with one after `_`/`-`.
bool IsReadmeLike(std::string_view name) {
  const size_t dot = name.rfind('.');
  const std::string stem =
      Lower(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
  for (const std::string& readme : EmbeddedKnowledge().readme_names) {
    if (stem == readme) return true;
    if (stem.size() > readme.size() && EndsWith(stem, readme)) {
      const char before = stem[stem.size() - readme.size() - 1];
      if (before == '_' || before == '-') return true;
    }
  }
  return false;
}

// A folder's path as files below it are reported: lexically normal, generic, and ready to take
// a file name ("" for the working folder, so `./a.md` is reported as `a.md`).
std::string ReportPrefix(const fs::path& dir) {
  std::string prefix = dir.lexically_normal().generic_string();
  if (prefix == ".") return "";
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return prefix;
}

bool Inside(const fs::path& path, const fs::path& folder);

// Whether `path` is reached through a symbolic link below the folder `root`: the file is one, or
// a folder between them is (one lstat per part). A plugin's agents folder is read without
// following links (measured with Claude Code 2.1.332: linked files and folders there do not load).
bool LinkBelow(const std::string& path, const std::string& root) {
  const fs::path base = fs::path(root.empty() ? "." : root).lexically_normal();
  const fs::path relative = fs::path(path).lexically_normal().lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return false;
  fs::path at = base;
  for (const fs::path& part : relative) {
    at /= part;
    struct stat st {};
    if (::lstat(at.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) return true;
  }
  return false;
}

// The git repository holding `folder` (the nearest folder up from it with a `.git`), or "".
fs::path RepositoryOf(const fs::path& folder) {
  std::error_code ec;
  for (fs::path at = folder; !at.empty(); at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) return at;
    if (!at.has_relative_path()) break;
  }
  return {};
}

struct Walker {
  Discovery& out;
  fs::path root_canonical;
  std::set<fs::path> visited;

  // Where a link may lead: inside the named folder, or elsewhere in its git repository (Claude
  // Code follows links to files and folders wherever they lead, measured with 2.1.332; agentlint
  // follows them as far as the repository, and never out of it).
  bool InsideRoot(const fs::path& canonical) const {
    if (Inside(canonical, root_canonical)) return true;
    if (!repository) repository = RepositoryOf(root_canonical);
    return !repository->empty() && Inside(canonical, *repository);
  }

  std::string named_root;  // the folder the user named, as written
  bool reported = true;
  // ClassifyPath by folder: it depends on a file's folder only, and reads the disk (plugin
  // manifests) for every `agents` folder on the way, so it is done once per folder.
  std::map<std::string, FileOrigin> origins;
  // Beside `out.files`, each file's path with no links (its canonical folder's and its name),
  // made without a system call: what tells a file reached twice.
  std::vector<std::string>* identities = nullptr;
  mutable std::optional<fs::path> repository = std::nullopt;  // RepositoryOf(root_canonical)

  // Outside agents roots: the nearest `agents`/`subagents` folder below the named one, else the
  // named folder itself.
  std::string ScopeOf(const fs::path& path) const {
    const fs::path root(named_root);
    for (fs::path dir = path.parent_path();
         !dir.empty() && dir != root && dir.string().size() > root.string().size();
         dir = dir.parent_path()) {
      const std::string name = dir.filename().string();
      if (name == "agents" || name == "subagents") return dir.generic_string();
    }
    return root.generic_string();
  }

  // A file of `dir` called `name`; `generic`: as reported (the folder's ReportPrefix and the
  // name). Its path is made only when the file is opened or its folder first seen.
  void ConsiderFile(const fs::path& dir, const std::string& generic, std::string_view name,
                    std::string identity) {
    const auto path = [&] { return dir / name; };
    bool markdown = EndsWith(generic, ".md");
    if (!markdown && !MisnamedMarkdown(name)) return;
    const size_t slash = generic.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : generic.substr(0, slash);
    auto known = origins.find(folder);
    if (known == origins.end()) {
      FileOrigin classified = ClassifyPath(generic);
      if (classified.scope.empty()) classified.scope = ScopeOf(path());  // the folder's, too
      known = origins.emplace(folder, std::move(classified)).first;
    }
    FileOrigin origin = known->second;
    origin.reported = reported;
    // The folder's origin was made from its first file: where it is located names that file.
    if (!origin.located_as.empty()) {
      origin.located_as =
          (fs::path(origin.located_as).parent_path() / std::string(name)).generic_string();
    }
    // A plugin's agents folder takes `.MD` and `.Md` as well (measured with 2.1.332).
    if (!markdown && origin.plugin_agent && EndsWith(Lower(name), ".md")) markdown = true;
    bool lint = false;
    if (!markdown) {
      // `a.MD` or `a.markdown` in .claude/agents: Claude Code never loads it, so it is linted
      // (AL015 says why) when it reads as an agent, and passed over in silence otherwise.
      if (!origin.agent_location || !InClaudeAgentsFolder(origin.Located(generic)) ||
          !LooksLikeAgent(Peek(path()))) {
        return;
      }
      lint = true;
    } else if (origin.agent_location || EndsWith(generic, ".agent.md")) {
      // Every file of an agents folder is an agent, except a README without front matter: only
      // those are opened here. A plugin's README is an agent too: Claude Code loads every `.md`
      // file of a plugin's agents folder, front matter or not (measured with 2.1.332).
      lint = origin.plugin_agent || !IsReadmeLike(name);
      if (!lint) {
        const std::string head = Peek(path());
        lint = HasFrontMatterFence(head) || LooksLikeAgent(head);
      }
    } else {
      lint = !IsOtherKind(generic) && LooksLikeAgent(Peek(path()));
    }
    if (lint) {
      if (origin.plugin_agent && LinkBelow(generic, origin.scope)) {
        // Each plugin that links the file has an agent Claude Code skips: one finding each, not
        // one file reached twice.
        origin.linked_in_plugin = true;
        identity = "\n" + generic;
      }
      out.files.push_back({generic, origin});
      identities->push_back(std::move(identity));
    } else {
      out.skipped.push_back(generic);
    }
  }

  // `canonical`: the folder's own path with no links (its parent's and its name, unless it is a
  // link: one canonical() per link, not one per folder, each a system call per path part).
  void Walk(const fs::path& dir, const fs::path& canonical, int depth) {
    if (depth > 64) return;
    if (canonical.empty() || !InsideRoot(canonical) || !visited.insert(canonical).second) return;
    // The folder's entries by name, with their type as the folder lists it (readdir: no path
    // is built for an entry that is never opened).
    struct Entry {
      std::string name;
      unsigned char type;  // DT_*
    };
    std::vector<Entry> entries;
    if (DIR* listing = ::opendir(dir.c_str())) {
      while (const dirent* e = ::readdir(listing)) {
        PrefaultHeapStep();
        const std::string_view name(e->d_name);
        if (name != "." && name != "..") entries.push_back({std::string(name), e->d_type});
      }
      ::closedir(listing);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    const std::string prefix = ReportPrefix(dir);  // once per folder, not per file
    for (const Entry& entry : entries) {
      const std::string& name = entry.name;
      if (name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn") continue;
      unsigned char type = entry.type;
      struct stat st {};
      const auto kind = [&] {
        return S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      };
      if (type == DT_UNKNOWN) {  // some file systems do not say: ask
        if (::lstat((dir / name).c_str(), &st) != 0) continue;
        type = S_ISLNK(st.st_mode) ? DT_LNK : kind();
      }
      fs::path target;
      if (type == DT_LNK) {
        std::error_code ec;
        target = fs::canonical(dir / name, ec);
        if (ec || !InsideRoot(target)) continue;  // dangling, or out of the named tree
        if (::stat((dir / name).c_str(), &st) != 0) continue;
        type = kind();  // what the link leads to
      }
      if (type == DT_DIR) {
        Walk(dir / name, target.empty() ? canonical / name : target, depth + 1);
      } else if (type == DT_REG) {
        // A link's target is canonical already; a file's own folder is, and its name is not a
        // link.
        std::string identity = target.empty() ? canonical.native() : target.native();
        if (target.empty()) {
          if (identity.empty() || identity.back() != '/') identity += '/';
          identity += name;
        }
        ConsiderFile(dir, prefix + name, name, std::move(identity));
      }
    }
  }
};

bool PluginManifestAbove(const fs::path& agents_dir) {
  std::error_code ec;
  return fs::is_regular_file(agents_dir.parent_path() / ".claude-plugin" / "plugin.json", ec);
}

// The `name` of the plugin manifest beside `agents_dir`, or "" (no manifest, not JSON, no name).
std::string PluginNameAt(const fs::path& agents_dir) {
  const fs::path manifest = agents_dir.parent_path() / ".claude-plugin" / "plugin.json";
  std::string text;
  std::string error;
  if (!ReadFileBytes(manifest.string(), text, error, 1u << 20)) return "";
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return "";
  const auto name = json.find("name");
  return name != json.end() && name->is_string() ? name->get<std::string>() : "";
}

FileOrigin ClassifyParts(const fs::path& p) {
  FileOrigin origin;
  std::vector<std::string> parts;
  for (const fs::path& part : p.parent_path()) parts.push_back(part.string());
  fs::path prefix;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& dir = parts[i];
    const std::string parent = i > 0 ? parts[i - 1] : "";
    prefix /= dir;
    bool root = false;
    // .claude/agents, .github/agents, .kiro/agents, .gemini/agents, .opencode/agent[s], and the
    // agents folder of any other tool's dot-folder (or a misspelt `.claude`).
    if ((dir == "agents" && parent.size() > 1 && parent[0] == '.') ||
        (dir == "agent" && parent == ".opencode")) {
      root = true;
    }
    if (dir == "agents" && PluginManifestAbove(prefix)) {
      root = true;
      origin.plugin_agent = true;
      origin.plugin_name = PluginNameAt(prefix);
    }
    if (root && !origin.agent_location) {  // the outermost agents root is the scope
      origin.agent_location = true;
      origin.scope = prefix.generic_string();
      origin.scope_is_agent_root = true;
    }
  }
  return origin;
}

// The agents roots of `repository`'s dot-folders (`.claude/agents`, `.github/agents`,
// `.opencode/agent`, ...; ClassifyParts), spelt as a walk of them names their files' scope.
std::vector<std::string> DotFolderAgentRoots(const std::string& repository) {
  std::vector<std::string> out;
  DIR* listing = ::opendir(repository.empty() ? "." : repository.c_str());
  if (!listing) return out;
  while (const dirent* e = ::readdir(listing)) {
    const std::string name(e->d_name);
    if (name.size() < 2 || name[0] != '.' || name == ".." || name == ".git") continue;
    for (const char* sub : {"agents", "agent"}) {
      if (std::string_view(sub) == "agent" && name != ".opencode") continue;
      const std::string root =
          (fs::path(repository) / name / sub).lexically_normal().generic_string();
      struct stat st {};
      if (::stat(root.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) out.push_back(root);
    }
  }
  ::closedir(listing);
  return out;
}

}  // namespace

fs::path AbsoluteFolder(const std::string& path, const fs::path& cwd) {
  fs::path full = (cwd / fs::path(path)).lexically_normal();  // `cwd /` keeps an absolute path
  if (full.filename().empty()) full = full.parent_path();     // `/r/.claude/agents/` from `.`
  return full;
}

std::optional<std::string> DotFolderRepository(const std::string& scope, const fs::path& cwd) {
  const fs::path full = AbsoluteFolder(scope, cwd);
  const std::string dot = full.parent_path().filename().string();
  if (dot.size() < 2 || dot[0] != '.') return std::nullopt;
  return full.parent_path().parent_path().generic_string();
}

std::optional<fs::path> ClaudeProjectDir(const std::string& scope, const fs::path& cwd) {
  const fs::path full = AbsoluteFolder(scope, cwd);
  if (full.filename() != "agents" || full.parent_path().filename() != ".claude")
    return std::nullopt;
  return full.parent_path().parent_path();
}

std::vector<fs::path> FoldersAboveInRepository(const fs::path& project) {
  const fs::path repository = RepositoryOf(project);
  if (repository.empty()) return {};
  std::vector<fs::path> out;
  for (fs::path at = project; at != repository && at.has_relative_path(); at = at.parent_path())
    out.push_back(at.parent_path());
  return out;
}

bool GitRootBetween(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  for (fs::path dir = inner; dir != outer && dir.has_relative_path(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return true;
  }
  return false;
}

// DotFolderRepository spelt as `scope` is: relative to the working folder when `scope` is (""
// for the working folder itself, `../..` from inside `.claude/agents`).
std::optional<std::string> SpeltDotFolderRepository(const std::string& scope, const fs::path& cwd) {
  std::optional<std::string> repository = DotFolderRepository(scope, cwd);
  if (!repository || fs::path(scope).is_absolute()) return repository;
  std::string spelt = fs::path(*repository).lexically_relative(cwd).generic_string();
  if (spelt == ".") spelt.clear();
  return spelt;
}

fs::path ProjectFolderOf(const std::string& scope, const fs::path& cwd) {
  const std::optional<std::string> repository = SpeltDotFolderRepository(scope, cwd);
  return repository ? fs::path(*repository) : fs::path(scope).parent_path().parent_path();
}

FileOrigin ClassifyPath(const std::string& path) {
  const fs::path p = fs::path(path).lexically_normal();
  FileOrigin origin = ClassifyParts(p);
  if (origin.agent_location || p.is_absolute()) return origin;
  // `agentlint reviewer.md` run inside .claude/agents: the folders above the working directory
  // decide, and the scope is written relative to it (".", "..").
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return origin;
  const fs::path located = (cwd / p).lexically_normal();
  FileOrigin absolute = ClassifyParts(located);
  if (!absolute.agent_location) return origin;
  absolute.scope = fs::path(absolute.scope).lexically_relative(cwd).generic_string();
  absolute.located_as = located.generic_string();
  return absolute;
}

namespace {

// The whole tools a project's settings deny, as Claude Code 2.1.332 applies them to subagents
// (measured): `permissions.deny` entries `"Name"` and `"Name(*)"`, spelt exactly, of
// `.claude/settings.json` and `.claude/settings.local.json` in the folder Claude Code starts in
// (not those of the folders above). A file that is not JSON is ignored, as Claude Code ignores
// it. `"Bash(rm:*)"` limits a tool without removing it. `"Agent(helper)"` (or `"Task(helper)"`)
// denies the agent `helper`, which Claude Code then does not register; it is kept as
// `Agent(helper)`. `"Agent(*)"` (or `"Task"`) denies the Agent tool: no agent is registered.
std::vector<DeniedTool> ReadDeniedTools(const fs::path& project) {
  std::vector<DeniedTool> out;
  for (const char* name : {".claude/settings.json", ".claude/settings.local.json"}) {
    std::string text;
    std::string error;
    std::error_code ec;
    if (!fs::is_regular_file(project / name, ec) ||
        !ReadFileBytes((project / name).string(), text, error, 1u << 20))
      continue;
    const nlohmann::json settings = nlohmann::json::parse(text, nullptr, false);
    if (settings.is_discarded() || !settings.is_object()) continue;
    const auto permissions = settings.find("permissions");
    if (permissions == settings.end() || !permissions->is_object()) continue;
    const auto deny = permissions->find("deny");
    if (deny == permissions->end() || !deny->is_array()) continue;
    for (const nlohmann::json& entry : *deny) {
      if (!entry.is_string()) continue;
      std::string tool = entry.get<std::string>();
      // `Agent(name)` (or the old `Task(name)`) denies one agent: kept as `Agent(name)`, the
      // name as written (`Agent(Growth Hacker)` denies that agent; spaces around a name are
      // part of it, so `Agent( helper )` denies none: measured with 2.1.332).
      for (const char* agent : {"Agent(", "Task("}) {
        const size_t open = std::string_view(agent).size();
        if (tool.rfind(agent, 0) == 0 && tool.size() > open + 1 && tool.back() == ')' &&
            tool.find_first_of("()", open) == tool.size() - 1 && tool != std::string(agent) + "*)")
          out.push_back({"Agent(" + tool.substr(open), name, tool});
      }
      const std::string written = tool;
      if (EndsWith(tool, "(*)")) tool.resize(tool.size() - 3);
      if (tool == "Task") tool = "Agent";  // the Agent tool's old name
      if (!tool.empty() && tool.find_first_of("() ") == std::string::npos)
        out.push_back({std::move(tool), name, written});
    }
  }
  return out;
}

// Each file of a project's `.claude/agents` gets the tools its project's settings deny, read
// once per project.
void AttachDeniedTools(std::vector<DiscoveredFile>& files) {
  std::map<std::string, std::shared_ptr<const std::vector<DeniedTool>>> by_project;
  std::map<std::string, std::shared_ptr<const std::vector<DeniedTool>>> by_scope;
  fs::path cwd;
  std::error_code ec;
  for (DiscoveredFile& file : files) {
    FileOrigin& origin = file.origin;
    if (!origin.scope_is_agent_root || origin.plugin_agent) continue;
    const auto known = by_scope.find(origin.scope);
    if (known != by_scope.end()) {
      origin.denied_tools = known->second;
      continue;
    }
    if (cwd.empty()) cwd = fs::current_path(ec);
    std::shared_ptr<const std::vector<DeniedTool>> denied;
    if (const std::optional<fs::path> project = ClaudeProjectDir(origin.scope, cwd)) {
      auto [it, inserted] = by_project.emplace(project->string(), nullptr);
      if (inserted) {
        std::vector<DeniedTool> read = ReadDeniedTools(*project);
        if (!read.empty())
          it->second = std::make_shared<const std::vector<DeniedTool>>(std::move(read));
      }
      denied = it->second;
    }
    by_scope.emplace(origin.scope, denied);
    origin.denied_tools = std::move(denied);
  }
}

}  // namespace

Discovery Discover(const std::vector<std::string>& paths, const std::vector<std::string>& unsaved) {
  Discovery out;
  std::vector<std::string> identities;  // beside out.files: see Walker::identities
  for (const std::string& arg : paths) {
    struct stat st {};
    const bool virtual_file = std::find(unsaved.begin(), unsaved.end(), arg) != unsaved.end();
    if (virtual_file) {
      st.st_mode = S_IFREG;
    } else if (::stat(arg.c_str(), &st) != 0) {
      out.errors.push_back(arg + ": no such file or directory");
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::error_code ec;
      Walker walker{out,  fs::canonical(arg, ec),
                    {},   fs::path(arg).lexically_normal().generic_string(),
                    true, {}};
      walker.identities = &identities;
      walker.Walk(arg, walker.root_canonical, 0);
    } else if (S_ISREG(st.st_mode)) {
      FileOrigin origin = ClassifyPath(arg);
      // `notes.txt` of .claude/agents, named by a pre-commit hook that passes every `.txt` and
      // `.MD` there: linted only when it reads as an agent, as a walk does (ConsiderFile).
      if (!virtual_file && MisnamedMarkdown(fs::path(arg).filename().string()) &&
          InClaudeAgentsFolder(origin.Located(arg)) && !LooksLikeAgent(Peek(arg))) {
        out.skipped.push_back(fs::path(arg).generic_string());
        continue;
      }
      origin.named = true;
      if (origin.plugin_agent && !virtual_file)
        origin.linked_in_plugin = LinkBelow(arg, origin.scope);
      if (origin.scope.empty())
        origin.scope = fs::path(arg).lexically_normal().parent_path().generic_string();
      out.files.push_back({fs::path(arg).generic_string(), origin});
      // A file not on disk (an editor's unsaved buffer) is known by its path as written, set
      // apart from every canonical path.
      std::error_code ec;
      const fs::path canonical = fs::canonical(arg, ec);
      identities.push_back(ec || origin.linked_in_plugin ? "\n" + out.files.back().path
                                                         : canonical.native());
    } else {
      out.errors.push_back(arg + ": not a regular file or directory");
    }
  }
  // A file named alone (a pre-commit hook passes only changed files) is still checked against
  // the other agents of its agents root: load them too, without reporting on them. The agents
  // folders of one repository's dot-folders (.claude/agents beside .github/agents) are one
  // project to the checks that compare agents (conflicting guidance): a file of one, named or in
  // a named folder, is checked against the others as when the repository is linted.
  std::set<std::string> roots;
  std::set<std::string> scopes;  // every agents root a file was found in
  for (const DiscoveredFile& file : out.files) {
    if (!file.origin.scope_is_agent_root) continue;
    scopes.insert(file.origin.scope);
    if (file.origin.named) roots.insert(file.origin.scope);
  }
  // The repositories, each by the spelling its roots are walked by (SpeltDotFolderRepository).
  std::set<std::string> repositories;
  std::set<std::string> known;  // the scopes, absolute: a root reached already is not added
  std::error_code ec;
  const fs::path cwd = scopes.empty() ? fs::path() : fs::current_path(ec);
  for (const std::string& scope : scopes) {
    known.insert(AbsoluteFolder(scope, cwd).generic_string());
    if (std::optional<std::string> repository = SpeltDotFolderRepository(scope, cwd))
      repositories.insert(std::move(*repository));
  }
  for (const std::string& repository : repositories) {
    for (std::string& partner : DotFolderAgentRoots(repository)) {
      if (!known.count(AbsoluteFolder(partner, cwd).generic_string()))
        roots.insert(std::move(partner));
    }
  }
  // Claude Code also loads the `.claude/agents` of every folder above a project, up to its git
  // repository's root (Project::EnclosingAgentsOf): those are read too, within the repository.
  // Outside one nothing is, so a run never reads a folder above it by chance of where it sits.
  for (const std::string& scope : scopes) {
    const std::optional<fs::path> project = ClaudeProjectDir(scope, cwd);
    if (!project) continue;
    for (const fs::path& dir : FoldersAboveInRepository(*project)) {
      fs::path root = dir / ".claude/agents";
      if (!fs::is_directory(root, ec) || known.count(root.generic_string())) continue;
      if (!fs::path(scope).is_absolute()) root = root.lexically_relative(cwd);
      roots.insert(root.generic_string());
    }
  }
  for (const std::string& root : roots) {
    Discovery siblings;
    Walker walker{siblings, fs::canonical(root, ec), {}, root, false, {}};
    walker.identities = &identities;
    if (!ec) walker.Walk(root, walker.root_canonical, 0);
    for (DiscoveredFile& file : siblings.files) out.files.push_back(std::move(file));
  }
  // Sorted, and each file once even when named twice (directly and through its folder, or
  // through a link): files are told apart by their paths with no links, which a walk knows
  // without a system call per file. (Two hard links to one file are two files, like two copies:
  // each is a name in its folder.)
  std::vector<size_t> order(out.files.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const auto by_path = [&](size_t a, size_t b) { return out.files[a].path < out.files[b].path; };
  // A folder without subfolders is walked in order already: nothing to move.
  if (!std::is_sorted(order.begin(), order.end(), by_path))
    std::stable_sort(order.begin(), order.end(), by_path);
  std::vector<DiscoveredFile> unique;
  unique.reserve(out.files.size());
  std::unordered_map<std::string_view, size_t> seen;  // identity -> index in unique
  seen.reserve(out.files.size());
  for (size_t i : order) {
    DiscoveredFile& file = out.files[i];
    const auto [it, inserted] = seen.emplace(identities[i], unique.size());
    if (inserted) {
      unique.push_back(std::move(file));
    } else {
      unique[it->second].origin.named |= file.origin.named;
      unique[it->second].origin.reported |= file.origin.reported;
    }
  }
  out.files = std::move(unique);
  std::sort(out.skipped.begin(), out.skipped.end());
  AttachDeniedTools(out.files);
  return out;
}

namespace {

const Regex kImport(R"((?:^|[\s(])@((?:\.{1,2}/)?[\w.-]+(?:/[\w.-]+)*))");

// `@path` imports of a CLAUDE.md outside code: `@docs/stack.md`, `@./rules.md`, `@AGENTS.md`.
std::vector<std::string> Imports(const std::string& text) {
  std::vector<std::string> out;
  bool fenced = false;
  size_t at = 0;
  while (at < text.size()) {
    size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line(text.data() + at, eol - at);
    if (Trim(line).substr(0, 3) == "```" || Trim(line).substr(0, 3) == "~~~") fenced = !fenced;
    if (!fenced) {
      re2::StringPiece input(line.data(), line.size());
      std::string path;
      while (RE2::FindAndConsume(&input, kImport, &path)) {
        while (!path.empty() && path.back() == '.') path.pop_back();  // the sentence's full stop
        // An import is a file: a name with an extension, not an @mention of an agent or a user.
        if (path.find('.') != std::string::npos) out.push_back(path);
      }
    }
    at = eol + 1;
  }
  return out;
}

// Every `*.md` file below a `.claude/rules` folder (the extension's case matters, hidden files
// count), sorted; at most 64.
std::vector<fs::path> RuleFiles(const fs::path& rules) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(rules, ec)) return out;
  fs::recursive_directory_iterator it(rules, fs::directory_options::skip_permission_denied, ec);
  for (size_t seen = 0; !ec && it != fs::recursive_directory_iterator() && seen < 4096;
       it.increment(ec), ++seen) {
    if (it.depth() >= 8) it.disable_recursion_pending();
    if (it->path().extension() == ".md" && it->is_regular_file(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  if (out.size() > 64) out.resize(64);
  return out;
}

// Whether `path` is `folder` or lies below it (both absolute and normal).
bool Inside(const fs::path& path, const fs::path& folder) {
  auto at = path.begin();
  for (auto part = folder.begin(); part != folder.end(); ++part, ++at) {
    if (part->empty()) continue;  // a trailing separator
    if (at == path.end() || *at != *part) return false;
  }
  return true;
}

}  // namespace

std::vector<DiscoveredFile> ProjectInstructions(const std::vector<DiscoveredFile>& agents) {
  std::vector<DiscoveredFile> out;
  std::set<std::string> seen;  // a project's folder and a file's, canonical
  std::set<std::string> roots;
  std::set<std::string> scopes;  // as written: the agents of one folder share it, no syscall
  fs::path cwd;
  std::error_code ec;
  for (const DiscoveredFile& agent : agents) {
    const FileOrigin& origin = agent.origin;
    if (!origin.scope_is_agent_root || origin.plugin_agent || origin.instructions) continue;
    if (!scopes.insert(origin.scope).second) continue;
    if (cwd.empty()) cwd = fs::current_path(ec);  // once, for the first agents root
    const std::optional<std::string> repository = SpeltDotFolderRepository(origin.scope, cwd);
    if (!repository) continue;  // not an agents folder of a dot-folder
    const fs::path root = *repository;
    const std::string root_key = fs::weakly_canonical(root.empty() ? "." : root).string();
    if (!roots.insert(root_key).second) continue;
    // Claude Code started there reads the CLAUDE.md of every folder above too (whatever the git
    // repositories; measured with 2.1.332): those of the folders up to its git repository's
    // root are read with them, so a nested project's agents are compared with the enclosing
    // projects' instructions. Outside a repository, only the project's own.
    std::vector<fs::path> folders{root};
    const fs::path absolute = AbsoluteFolder(root.empty() ? "." : root.string(), cwd);
    for (const fs::path& dir : FoldersAboveInRepository(absolute))
      folders.push_back(fs::path(origin.scope).is_absolute() ? dir : dir.lexically_relative(cwd));
    // Breadth first from the files Claude Code reads in each, following imports up to five hops.
    struct Queued {
      fs::path path;
      int hops;
      bool rule;  // a `.claude/rules` file: given to every agent unless limited to `paths`
    };
    std::vector<Queued> queue;
    for (const fs::path& folder : folders) {
      for (const char* name : {"CLAUDE.md", ".claude/CLAUDE.md", "CLAUDE.local.md"})
        queue.push_back({folder / name, 0, false});
      for (fs::path& rule : RuleFiles(folder / ".claude/rules"))
        queue.push_back({std::move(rule), 0, true});
    }
    for (size_t i = 0; i < queue.size() && out.size() < 64; ++i) {
      const Queued item = queue[i];
      // An import outside the folder Claude Code starts in (`@../notes.md`, and every import of
      // a folder above) is external: Claude Code leaves it out until the user approves it.
      if (item.hops > 0 && !Inside(AbsoluteFolder(item.path.string(), cwd), absolute)) continue;
      if (!fs::is_regular_file(item.path, ec)) continue;
      // Once per project: an enclosing project's CLAUDE.md is a party to its own and to ours.
      const std::string key = root_key + '\n' + fs::weakly_canonical(item.path, ec).string();
      if (!seen.insert(key).second) continue;
      std::string text;
      std::string error;
      const bool read = ReadFileBytes(item.path.string(), text, error, 1u << 20);
      // A rule limited to `paths` is not a party, but the files it imports are given at start.
      if (!item.rule || (read && ClaudeLoadsRuleAtStart(AgentDoc(
                                     SourceFile(item.path.string(), text), {}, {}, false)))) {
        FileOrigin party;
        party.scope = origin.scope;
        party.scope_is_agent_root = true;
        party.reported = false;
        party.instructions = true;
        out.push_back({item.path.lexically_normal().generic_string(), party});
      }
      if (item.hops >= 5 || !read) continue;
      for (const std::string& import : Imports(text)) {
        if (import.rfind("~/", 0) == 0) continue;  // the user's own files: not the project's
        queue.push_back({item.path.parent_path() / import, item.hops + 1, false});
      }
    }
  }
  return out;
}

}  // namespace agentlint
