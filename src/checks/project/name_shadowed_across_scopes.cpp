#include <filesystem>
#include <map>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// The project folder of an agents root: `repo` for `repo/.claude/agents`.
std::filesystem::path ProjectDir(const std::string& scope) {
  return std::filesystem::path(scope).lexically_normal().parent_path().parent_path();
}

bool Inside(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  const std::string a = inner.generic_string() + "/";
  const std::string b = outer.generic_string() + "/";
  return a.size() > b.size() && a.compare(0, b.size(), b) == 0;
}

}  // namespace

void CheckNameShadowedAcrossScopes(const ProjectContext& ctx, ProjectReporter& out) {
  // Agents of every agents root by name: each agent is compared only with its namesakes.
  std::map<std::string, std::vector<const AgentSummary*>> by_name;
  for (const AgentSummary& agent : ctx.project.agents()) {
    if (agent.name_at && !agent.name.empty() && agent.origin.scope_is_agent_root)
      by_name[agent.name].push_back(&agent);
  }
  for (const auto& [name, namesakes] : by_name) {
    if (namesakes.size() < 2) continue;
    for (const AgentSummary* agent : namesakes) {
      for (const AgentSummary* other : namesakes) {
        if (other == agent || other->origin.scope == agent->origin.scope) continue;
        std::string message;
        if (agent->origin.plugin_agent && !other->origin.plugin_agent) {
          message = "a project agent is also named `" + name +
                    "`; this plugin agent is reached as `<plugin>:" + name + "`";
        } else if (!agent->origin.plugin_agent && !other->origin.plugin_agent &&
                   Inside(ProjectDir(agent->origin.scope), ProjectDir(other->origin.scope))) {
          message = "an agent of the enclosing project is also named `" + name +
                    "`; in this folder Claude Code uses this one (the closest wins)";
        } else {
          continue;
        }
        Diagnostic& d =
            out.Report(*agent->name_at, message, "rename one of them if both should be reachable");
        d.related.push_back({other->name_at->location, "the other definition"});
        break;
      }
    }
  }
}

}  // namespace agentlint
