// What Claude Code makes of one agent file: whether its loader registers the agent, under which
// name and description, whether a subagent really starts when it is asked for, the model its
// requests are sent with, and the tools it gets. One model of the loader and the spawner, read
// from the knowledge files and checked against the real Claude Code (tests/conformance/), shared
// by `agentlint inspect` and by the checks, so that the two never disagree.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/knowledge.h"

namespace agentlint {

// The YAML 1.2 core type a scalar resolves to (plain scalars only: quoted ones are strings).
enum class ScalarType { kString, kNull, kBool, kInt, kFloat };
ScalarType TypeOf(const YamlNode& node);

struct DroppedTool {
  std::string name;
  std::string reason;
};

struct ClaudeAgent {
  bool loads = false;
  std::string why_not;  // when !loads: why the loader skips the file
  std::string name;
  std::string description;  // as the main model is shown it (a written `\n` is a line break)
  // The model as Claude Code resolves it: "inherit", an alias ("sonnet"), or the text it sends
  // to the API as written (which the API rejects unless it is a real model id).
  std::string model = "inherit";
  std::string model_id;         // what the alias is sent as ("claude-sonnet-5-5"); "" for inherit
  bool inherits_tools = false;  // no `tools` field: the default set
  // False when resolved without its tools (ClaudeDetail::kIdentity): `spawns`, `spawn_error`,
  // `tools` and `dropped` are then left empty, not computed.
  bool tools_resolved = true;
  bool spawns = false;               // a subagent starts when asked for
  std::string spawn_error;           // when loads && !spawns
  std::vector<std::string> tools;    // what the subagent gets, sorted (MCP names as written)
  std::vector<DroppedTool> dropped;  // words that give nothing, and why
  std::vector<std::string> ignored_fields;
};

// kIdentity: whether it loads, its name, description and model, not its tools (a sibling read
// only for its identity needs no more; resolving the tools is a seventh of its cost).
enum class ClaudeDetail { kFull, kIdentity };
ClaudeAgent ResolveClaudeAgent(const AgentDoc& doc, const Knowledge& knowledge,
                               ClaudeDetail detail = ClaudeDetail::kFull);

// The model a `model` value runs as: "inherit", an alias, or the value itself (sent as written).
std::string ResolveModel(const Knowledge& knowledge, std::string value);

}  // namespace agentlint
