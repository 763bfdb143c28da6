#include <map>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

// Of agents of one scope with one `name`, Claude Code keeps the one whose path sorts last (as
// the conformance suite shows); each of the others is reported, with the one that wins.
void CheckDuplicateName(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    std::map<std::string, std::vector<const AgentSummary*>> by_name;  // linear in the scope
    for (const AgentSummary* agent : agents) {
      // An agent file Claude Code does not load (no `description`, say) takes no name: the
      // other one of the name loads, whatever the paths (measured with 2.1.332).
      if (agent->dialect == Dialect::kClaude && !agent->loads) continue;
      if (!agent->name.empty() && agent->name_at) by_name[agent->name].push_back(agent);
    }
    for (const auto& [name, twins] : by_name) {
      if (twins.size() < 2) continue;
      const AgentSummary* winner = twins.front();
      for (const AgentSummary* agent : twins) {
        if (agent->path > winner->path) winner = agent;
      }
      const std::string shown = PathInScope(*winner);
      for (const AgentSummary* agent : twins) {
        if (agent == winner) continue;
        Diagnostic& d = out.Report(
            *agent->name_at,
            "`" + name + "` is also the name of `" + shown +
                "`, which wins (of agents with one name, Claude Code keeps the one whose path "
                "sorts last); " +
                std::string(kNotLoaded),
            "give each agent a unique `name`");
        d.related.push_back({winner->name_at->location, "this one loads"});
      }
    }
  }
}

}  // namespace agentlint
