// `agentlint inspect FILE`: what Claude Code will make of one agent: whether it loads (and why
// not), its name, the tools it really gets after resolution, its model and permission mode.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace agentlint {

struct DroppedTool {
  std::string name;
  std::string reason;
};

struct Inspection {
  std::string path;
  bool loads = true;
  std::vector<std::string> problems;  // why it does not load, or what goes wrong at spawn
  std::string name;
  std::string model = "inherit";
  std::string permission_mode = "inherited from the parent session";
  bool inherits_tools = false;              // `tools` omitted
  std::vector<std::string> tools;           // what the agent gets (MCP references as written)
  std::vector<DroppedTool> dropped;         // entries that resolve to nothing, and why
  std::vector<std::string> ignored_fields;  // fields the loader ignores for this agent
};

Inspection Inspect(const AgentDoc& doc);
std::string InspectionText(const Inspection& inspection);
std::string InspectionJson(const Inspection& inspection);

}  // namespace agentlint
