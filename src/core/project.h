// All agent files of one run, grouped by scope, for the checks that compare files with each
// other (duplicate names, references to other agents, conflicting guidance). Built after every
// file is parsed; its order never depends on file or thread order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"

namespace agentlint {

class Project {
 public:
  explicit Project(std::vector<const AgentDoc*> docs);

  // Every document, sorted by path.
  const std::vector<const AgentDoc*>& docs() const { return docs_; }
  // Documents by scope (sorted by scope path, then by file path).
  const std::map<std::string, std::vector<const AgentDoc*>>& scopes() const { return scopes_; }
  const std::vector<const AgentDoc*>& ScopeOf(const AgentDoc& doc) const;

  // The agent's name as Claude Code knows it (`name`, or the file stem when it has none), and
  // whether it came from `name`.
  static std::string AgentName(const AgentDoc& doc);

 private:
  std::vector<const AgentDoc*> docs_;
  std::map<std::string, std::vector<const AgentDoc*>> scopes_;
};

}  // namespace agentlint
