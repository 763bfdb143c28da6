// What Claude Code makes of one agent file: whether its loader registers the agent, under which
// name and description, whether a subagent really starts when it is asked for, the model its
// requests are sent with, and the tools it gets. One model of the loader and the spawner, read
// from the knowledge files and checked against the real Claude Code (tests/conformance/), shared
// by `agentlint inspect` and by the checks, so that the two never disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/knowledge.h"

namespace agentlint {

// The YAML 1.2 core type a scalar resolves to (plain scalars only: quoted ones are strings).
enum class ScalarType { kString, kNull, kBool, kInt, kFloat };
ScalarType TypeOf(const YamlNode& node);
// The value as JavaScript holds it: text (`typeof v === "string"`), or null (`~`, `null`, empty).
bool IsJsString(const YamlNode* node);
inline bool IsJsNull(const YamlNode& node) { return TypeOf(node) == ScalarType::kNull; }

struct DroppedTool {
  std::string name;
  std::string reason;
};

// How `why_not` starts when the project's settings deny the agent (`Agent(name)`).
constexpr std::string_view kDeniedBySettings = "the project's settings deny it";
// How `why_not` starts when a hook that may guard permissions cannot be read (core/hooks).
constexpr std::string_view kUnreadableGuardHook =
    "a hook that may guard permissions cannot be read";

struct ClaudeAgent {
  bool loads = false;
  std::string why_not;  // when !loads: why the loader skips the file
  std::string name;
  // A plugin agent's id, the name Claude Code registers and the Agent tool takes:
  // `<plugin>:<folders below agents/>:<name>` (`review-kit:security:auditor`); "" otherwise.
  std::string registered_as;
  std::string description;  // as the main model is shown it (a written `\n` is a line break)
  // The model as Claude Code resolves it: "inherit", an alias ("sonnet"), or the text it sends
  // to the API as written (which the API rejects unless it is a real model id).
  std::string model = "inherit";
  std::string model_id;         // what the alias is sent as ("claude-sonnet-5-5"); "" for inherit
  bool inherits_tools = false;  // no `tools` field: the default set
  // False when resolved without its tools (ClaudeDetail::kIdentity): `spawns`, `spawn_error`,
  // `tools` and `dropped` are then left empty, not computed.
  bool tools_resolved = true;
  bool spawns = false;                      // a subagent starts when asked for
  std::string spawn_error;                  // when loads && !spawns
  std::vector<std::string> tools;           // what the subagent gets, sorted (MCP names as written)
  std::vector<DroppedTool> dropped;         // words that give nothing, and why
  std::vector<std::string> ignored_fields;  // fields a plugin agent sets, which plugins ignore
  std::vector<std::string> invalid_fields;  // fields whose value Claude Code drops (ClaudeTakes)
  std::vector<std::string> unknown_fields;  // keys that are not Claude Code fields
};

// Whether Claude Code drops the agent for its hooks (core/hooks UnloadableHooks).
inline bool DroppedForHooks(const ClaudeAgent* agent) {
  return agent && !agent->loads && agent->why_not.rfind(kUnreadableGuardHook, 0) == 0;
}

// JavaScript's String() of a value as Claude Code's YAML reader gives it, which it then compares
// or parses: a YAML bool or number spelt as JavaScript spells it (`True` is "true", `0x10` is
// "16"), a list's items joined with commas, a mapping "[object Object]".
std::string JsString(const YamlNode& node);

// The count Claude Code reads from a value (`maxTurns`, `autoCompactWindow`): a YAML number as it
// is; else, from its text, a number in exponent form (`"1e3"`) or with thousands separators
// (`"1,000"`), or the integer it starts with (`"5 turns"` is 5); NaN when there is none.
double ClaudeCount(const YamlNode& node);

// Whether Claude Code takes the value of this field rather than dropping it (it logs the values
// it drops as invalid, an empty one too, except for `permissionMode`).
bool ClaudeTakes(const Knowledge& knowledge, const FieldInfo& field, const YamlNode& value);

// Why Claude Code skips an agent with this (non-empty) `name`, or "": it starts with `-`, holds
// `:` once Unicode-normalized (NFKC: the fullwidth `：` is a colon), or is longer than the
// knowledge's limit in UTF-16 units (measured with 2.1.332).
std::string NameProblem(const Knowledge& knowledge, std::string_view name);

// Whether a boolean field is on: YAML's true, or the text "true" exactly.
bool ClaudeTrue(const YamlNode* node);

// Whether Claude Code gives every agent this `.claude/rules` file when it starts (measured with
// 2.1.332). A rule whose front matter limits it to `paths` globs is loaded only once a matching
// file is read; `paths` absent, empty, not text, or only `**` (a string is split on commas) is
// no limit. A file without a closed front matter, or whose front matter is not a mapping, has
// none.
bool ClaudeLoadsRuleAtStart(const AgentDoc& rule);

// The entry of a project's denied tools (FileOrigin::denied_tools) for `name`, or nullptr.
const DeniedTool* FindDenied(const std::vector<DeniedTool>* denied, std::string_view name);

// The deny rule of the project's settings that keeps agent `name` from loading: `Agent(name)`,
// or `Agent` (the whole tool, `Agent(*)`); nullptr when none does.
const DeniedTool* DeniedAgent(const AgentDoc& doc, const std::string& name);

// kIdentity: whether it loads, its name, description and model, not its tools nor its fields (a
// sibling read only for its identity needs no more; resolving the tools is a seventh of its cost).
enum class ClaudeDetail { kFull, kIdentity };
ClaudeAgent ResolveClaudeAgent(const AgentDoc& doc, const Knowledge& knowledge,
                               ClaudeDetail detail = ClaudeDetail::kFull);

// The model a `model` value runs as: "inherit", an alias, or the value itself (sent as written).
std::string ResolveModel(const Knowledge& knowledge, std::string value);

}  // namespace agentlint
