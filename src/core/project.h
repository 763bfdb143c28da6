// All agent files of one run, as summaries, grouped by scope, for the checks that compare files
// with each other (duplicate names, references to other agents, conflicting guidance). Built
// after every file is summarized; its order never depends on file or thread order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/summary.h"

namespace agentlint {

class Project {
 public:
  explicit Project(std::vector<AgentSummary> agents);

  // Every agent, sorted by path.
  const std::vector<AgentSummary>& agents() const { return agents_; }
  // Agents by scope (sorted by scope path, then by file path).
  const std::map<std::string, std::vector<const AgentSummary*>>& scopes() const { return scopes_; }
  const std::vector<const AgentSummary*>& ScopeOf(const AgentSummary& agent) const;
  // The project instructions (CLAUDE.md and its imports) loaded with a scope's agents: parties
  // to comparisons such as conflicting guidance, never agents. Sorted by path.
  const std::vector<const AgentSummary*>& InstructionsOf(const std::string& scope) const;
  // The agents of the enclosing projects that Claude Code loads with a `.claude/agents` scope:
  // run in a folder, it reads `.claude/agents` there and in each folder above it up to the git
  // repository's root, the closest winning a name (measured with Claude Code 2.1.332). Only
  // scopes of this run; sorted by path.
  const std::vector<const AgentSummary*>& EnclosingAgentsOf(const std::string& scope) const;

 private:
  std::vector<AgentSummary> agents_;
  std::vector<AgentSummary> instructions_;
  std::map<std::string, std::vector<const AgentSummary*>> scopes_;
  std::map<std::string, std::vector<const AgentSummary*>> instructions_by_scope_;
  std::map<std::string, std::vector<const AgentSummary*>> enclosing_;
};

// The agent's name as Claude Code knows it (`name`, or the file stem when it has none).
std::string AgentName(const AgentDoc& doc);

}  // namespace agentlint
