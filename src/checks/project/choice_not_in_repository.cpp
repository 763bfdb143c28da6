// Compares what each agent prescribes (the stances conflicting-guidance reads) with what the
// repository itself shows: its lock files, build files and package.json dependencies.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "checks/common.h"
#include "core/discover.h"

namespace agentlint {

namespace {

namespace fs = std::filesystem;

// What a repository's files say about its stack: file names at its root and in folders up to two
// levels below (skipping dot-folders and dependency folders), and package.json dependencies.
struct RepositoryFiles {
  std::map<std::string, std::string> files;  // name -> where first seen, relative ("uv.lock")
  std::set<std::string> npm;                 // dependency names of every package.json seen
};

bool Skipped(const std::string& folder) {
  static const std::set<std::string> kSkip = {"node_modules", "vendor",       "dist", "build",
                                              "target",       "venv",         "out",  "coverage",
                                              "__pycache__",  "site-packages"};
  return folder.empty() || folder[0] == '.' || kSkip.count(folder) > 0;
}

void ReadPackageJson(const fs::path& path, std::set<std::string>& npm) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > (4u << 20)) return;  // not a package.json anyone writes by hand
  }
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return;
  for (const char* key : {"dependencies", "devDependencies", "peerDependencies"}) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_object()) continue;
    for (const auto& [name, version] : it->items()) npm.insert(name);
  }
}

RepositoryFiles ReadRepository(const fs::path& root) {
  RepositoryFiles out;
  constexpr size_t kMaxEntries = 5000;  // a very large tree is looked at only this far
  size_t entries = 0;
  std::vector<std::pair<fs::path, int>> folders = {{root, 0}};
  for (size_t i = 0; i < folders.size() && entries < kMaxEntries; ++i) {
    const auto [folder, depth] = folders[i];
    std::error_code ec;
    std::vector<fs::directory_entry> listing;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      listing.push_back(*it);
      if (++entries >= kMaxEntries) break;
    }
    std::sort(listing.begin(), listing.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : listing) {
      const std::string name = entry.path().filename().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        if (depth < 2 && !Skipped(name)) folders.push_back({entry.path(), depth + 1});
        continue;
      }
      const std::string relative = entry.path().lexically_relative(root).generic_string();
      out.files.emplace(name, relative);
      if (name == "package.json") ReadPackageJson(entry.path(), out.npm);
    }
  }
  return out;
}

// Where the repository shows `evidence` ("uv.lock", "package.json:jest"), or "".
std::string Shows(const RepositoryFiles& repo, const std::string& evidence) {
  const size_t colon = evidence.find(':');
  if (colon != std::string::npos) {
    const std::string file = evidence.substr(0, colon);
    const std::string package = evidence.substr(colon + 1);
    if (file == "package.json" && repo.npm.count(package))
      return "`" + package + "` in package.json";
    return "";
  }
  const auto it = repo.files.find(evidence);
  return it == repo.files.end() ? "" : "`" + it->second + "`";
}

// The first of `names` the repository has, quoted, or "".
std::string FirstOf(const RepositoryFiles& repo, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (const std::string at = Shows(repo, name); !at.empty()) return at;
  }
  return "";
}

}  // namespace

void CheckChoiceNotInRepository(const ProjectContext& ctx, ProjectReporter& out) {
  const auto& topics = ctx.knowledge.conflict_topics;
  std::optional<fs::path> cwd;  // asked for once
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    if (agents.empty() || !agents.front()->origin.scope_is_agent_root) continue;
    // Only a real checkout whose root holds the agents folder: a copy of the agents alone says
    // nothing about the repository's stack.
    std::error_code ec;
    if (!cwd) cwd = fs::current_path(ec);
    // `.` inside .claude/agents is `../..`'s: the repository is found from the absolute path.
    fs::path root = ProjectFolderOf(scope, *cwd);
    if (root.empty()) root = ".";  // `agentlint .` in the repository: the scope is relative
    if (!fs::exists(root / ".git", ec)) continue;
    const bool any_stance = std::any_of(agents.begin(), agents.end(), [](const AgentSummary* a) {
      return std::any_of(a->stances.begin(), a->stances.end(),
                         [](const Stance& s) { return !s.prescribed.empty(); });
    });
    if (!any_stance) continue;
    const RepositoryFiles repo = ReadRepository(root);
    const std::string manifest = FirstOf(repo, ctx.knowledge.manifests);
    for (size_t t = 0; t < topics.size(); ++t) {
      const ConflictTopic& topic = topics[t];
      // The repository's own choice: exactly one choice with evidence.
      constexpr size_t kNone = static_cast<size_t>(-1);
      size_t decided = kNone;
      std::string decided_at;
      size_t with_evidence = 0;
      for (size_t c = 0; c < topic.choices.size(); ++c) {
        const std::string at = FirstOf(repo, topic.choices[c].evidence);
        if (at.empty()) continue;
        ++with_evidence;
        decided = c;
        decided_at = at;
      }
      if (with_evidence != 1) decided = kNone;
      // The topic's ecosystem is absent from a repository whose build files say what it is.
      // (Evidence of one of its choices, a `uv.lock` say, is the ecosystem's presence too.)
      const bool foreign = !topic.ecosystem.empty() && !manifest.empty() && with_evidence == 0 &&
                           FirstOf(repo, topic.ecosystem).empty();
      if (decided == kNone && !foreign) continue;
      for (const AgentSummary* agent : agents) {
        if (t >= agent->stances.size()) continue;
        const Stance& stance = agent->stances[t];
        if (stance.prescribed.empty()) continue;
        if (foreign) {
          const Evidence& e = stance.prescribed.front();
          out.Report(e.at,
                     "this agent prescribes " + topic.choices[e.choice].name + " (" + topic.title +
                         "), but the repository has no `" + topic.ecosystem.front() +
                         "`: it is built with " + manifest,
                     "name the tools the repository uses (see its build files), or remove the "
                     "instruction");
          continue;
        }
        if (stance.Prescribes(decided)) continue;
        const Evidence& e = stance.prescribed.front();
        out.Report(e.at,
                   "this agent prescribes " + topic.choices[e.choice].name +
                       ", but the "
                       "repository uses " +
                       topic.choices[decided].name + " (" + decided_at + ")",
                   "follow the repository's " + topic.choices[decided].name + " (" + topic.title +
                       "), or change the repository first");
      }
    }
  }
}

}  // namespace agentlint
