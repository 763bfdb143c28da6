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
      if (!agent->name.empty() && agent->name_at) by_name[agent->name].push_back(agent);
    }
    for (const auto& [name, twins] : by_name) {
      if (twins.size() < 2) continue;
      const AgentSummary* winner = twins.front();
      for (const AgentSummary* agent : twins) {
        if (agent->path > winner->path) winner = agent;
      }
      // The winner's path within the scope (`nested/db.md`), as the user sees the folder.
      std::string shown = winner->path;
      if (shown.rfind(scope + "/", 0) == 0) shown = shown.substr(scope.size() + 1);
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
