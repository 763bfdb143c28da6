#include <algorithm>
#include <filesystem>
#include <map>

#include "checks/common.h"
#include "core/discover.h"
#include "core/text.h"

namespace agentlint {

void SummarizeSkills(const FileContext& ctx, AgentSummary& summary) {
  const AgentDoc& doc = ctx.doc;
  if (doc.dialect() != Dialect::kClaude || !doc.origin().scope_is_agent_root) return;
  for (const ToolEntry& entry : doc.Tools("skills").entries) {
    if (entry.name.empty() || entry.name.find(':') != std::string::npos) continue;  // plugins'
    summary.skills.push_back({entry.name, "", MakeAnchor(doc.source(), entry.span)});
  }
}

void CheckUnknownSkill(const ProjectContext& ctx, ProjectReporter& out) {
  namespace fs = std::filesystem;
  std::optional<fs::path> cwd;  // asked for once, when a scope has skills to look up
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    // Skills live beside the agents: <project>/.claude/skills/<name>/SKILL.md, or a plugin's
    // skills/<name>/SKILL.md. Without such a folder the skills may be user-level: no finding.
    const fs::path skills_dir = fs::path(scope).parent_path() / "skills";
    // Started in a nested project, Claude Code also loads the skills of the folders above it up
    // to the git repository's root (measured with 2.1.332, as for agents).
    std::vector<fs::path> folders;                    // those of the folders that exist, own first
    std::optional<std::vector<std::string>> present;  // listed once per scope, when needed
    std::error_code ec;
    for (const AgentSummary* agent : agents) {
      for (const Reference& skill : agent->skills) {
        if (!present) {
          present.emplace();
          if (!cwd) cwd = fs::current_path(ec);
          std::vector<fs::path> candidates{skills_dir};
          if (const std::optional<fs::path> project = ClaudeProjectDir(scope, *cwd)) {
            for (const fs::path& dir : FoldersAboveInRepository(*project))
              candidates.push_back(dir / ".claude/skills");
          }
          for (const fs::path& folder : candidates) {
            if (!fs::is_directory(folder, ec)) continue;
            folders.push_back(folder);
            for (const auto& dir : fs::directory_iterator(folder, ec))
              present->push_back(dir.path().filename().string());
          }
        }
        if (folders.empty()) break;
        // A skill Claude Code bundles is found wherever the agent is (measured with 2.1.332).
        if (Contains(ctx.knowledge.builtin_skills, skill.name)) continue;
        if (std::any_of(folders.begin(), folders.end(), [&](const fs::path& folder) {
              return fs::exists(folder / skill.name / "SKILL.md", ec);
            }))
          continue;
        const std::string guess = ClosestMatch(skill.name, *present);
        const bool above = folders.size() > 1 || folders.front() != skills_dir;
        out.Report(skill.at,
                   "skill `" + skill.name + "` does not exist in " + skills_dir.generic_string() +
                       (above ? ", nor in the `.claude/skills` of the folders above it" : "") +
                       "; Claude Code skips it with only a debug-log warning",
                   guess.empty()
                       ? "create " + (skills_dir / skill.name / "SKILL.md").generic_string() +
                             ", or fix the name"
                       : "did you mean `" + guess + "`?");
      }
    }
  }
}

}  // namespace agentlint
