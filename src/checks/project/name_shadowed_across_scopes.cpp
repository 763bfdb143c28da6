#include <algorithm>
#include <map>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

// `outer` belongs to a project enclosing `inner`'s, which Claude Code loads with it.
bool Encloses(const Project& project, const AgentSummary& outer, const AgentSummary& inner) {
  const std::vector<const AgentSummary*>& enclosing = project.EnclosingAgentsOf(inner.origin.scope);
  return std::find(enclosing.begin(), enclosing.end(), &outer) != enclosing.end();
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
                   Encloses(ctx.project, *other, *agent)) {
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
