#include <map>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

// Claude Code shows the main model every agent of a project, one line each; past a size it does
// not trim the list but refuses every prompt. Reported once per scope, on its largest agent.
void CheckAgentListingTooLong(const ProjectContext& ctx, ProjectReporter& out) {
  const size_t limit = ctx.knowledge.listing_limit;
  if (limit == 0) return;
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    size_t total = 0;
    const AgentSummary* largest = nullptr;
    size_t largest_size = 0;
    for (const AgentSummary* agent : agents) {
      if (!agent->description_at) continue;
      const size_t size = agent->description.size() + agent->agent_name.size() + 16;
      total += size;
      if (size > largest_size) {
        largest = agent;
        largest_size = size;
      }
    }
    if (total <= limit || !largest) continue;
    out.Report(*largest->description_at,
               "the agents of this folder describe themselves in " + std::to_string(total) +
                   " characters; Claude Code shows the main model all of them and refuses every "
                   "prompt past about " +
                   std::to_string(limit) + " (\"Prompt is too long\")",
               "shorten the longest descriptions (this is the longest), or split the agents "
               "between projects");
  }
}

}  // namespace agentlint
