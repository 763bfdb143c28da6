#include <filesystem>
#include <map>

#include "checks/common.h"
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
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    // Skills live beside the agents: <project>/.claude/skills/<name>/SKILL.md, or a plugin's
    // skills/<name>/SKILL.md. Without such a folder the skills may be user-level: no finding.
    const fs::path skills_dir = fs::path(scope).parent_path() / "skills";
    std::optional<std::vector<std::string>> present;  // listed once per scope, when needed
    std::error_code ec;
    for (const AgentSummary* agent : agents) {
      for (const Reference& skill : agent->skills) {
        if (!present) {
          present.emplace();
          if (!fs::is_directory(skills_dir, ec)) break;
          for (const auto& dir : fs::directory_iterator(skills_dir, ec))
            present->push_back(dir.path().filename().string());
        }
        if (!fs::is_directory(skills_dir, ec)) break;
        if (fs::exists(skills_dir / skill.name / "SKILL.md", ec)) continue;
        const std::string guess = ClosestMatch(skill.name, *present);
        out.Report(skill.at,
                   "skill `" + skill.name + "` does not exist in " + skills_dir.generic_string() +
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
