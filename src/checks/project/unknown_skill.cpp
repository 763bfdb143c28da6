#include <filesystem>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckUnknownSkill(const ProjectContext& ctx, ProjectReporter& out) {
  namespace fs = std::filesystem;
  for (const AgentDoc* doc : ctx.project.docs()) {
    if (doc->dialect() != Dialect::kClaude || !doc->origin().scope_is_agent_root) continue;
    // Skills live beside the agents: <project>/.claude/skills/<name>/SKILL.md, or a plugin's
    // skills/<name>/SKILL.md. Without such a folder the skills may be user-level: no finding.
    const fs::path agents_dir(doc->origin().scope);
    const fs::path skills_dir = agents_dir.parent_path() / "skills";
    std::error_code ec;
    if (!fs::is_directory(skills_dir, ec)) continue;
    for (const ToolEntry& entry : doc->Tools("skills").entries) {
      if (entry.name.empty() || entry.name.find(':') != std::string::npos)
        continue;  // plugin skills
      if (fs::exists(skills_dir / entry.name / "SKILL.md", ec)) continue;
      std::vector<std::string> present;
      for (const auto& dir : fs::directory_iterator(skills_dir, ec))
        present.push_back(dir.path().filename().string());
      const std::string guess = ClosestMatch(entry.name, present);
      out.Report(*doc, entry.span,
                 "skill `" + entry.name + "` does not exist in " + skills_dir.generic_string() +
                     "; Claude Code skips it with only a debug-log warning",
                 guess.empty()
                     ? "create " + (skills_dir / entry.name / "SKILL.md").generic_string() +
                           ", or fix the name"
                     : "did you mean `" + guess + "`?");
    }
  }
}

}  // namespace agentlint
