// What Claude Code makes of an agent's `hooks` (and of hook-shaped values elsewhere in its front
// matter) when it loads the agent, as Claude Code 2.1.332 does it.
//
// An entry it cannot read is ignored, except under the events that guard permissions
// (PreToolUse, PermissionRequest, PreSkillShellCommand): there, or when such hooks sit anywhere
// but in a proper `hooks` mapping, it drops the whole agent, because the hook it cannot read may
// be what guards the permissions beside it.
#pragma once

#include <optional>
#include <string>

#include "core/knowledge.h"
#include "core/yaml.h"

namespace agentlint {

// One thing wrong with a hook handler or matcher group, where it is, and how to mend it.
struct HookProblem {
  const YamlNode* at = nullptr;
  std::string message;
  std::string help;
};

// The events whose hooks guard permissions: a hook of theirs Claude Code cannot read drops the
// agent instead of the entry.
bool IsGuardEvent(std::string_view event);

// What is wrong with one handler of a matcher group's `hooks:` list, as Claude Code checks it
// (a mapping with a known `type`, a `command` for command hooks, a positive `timeout`), or
// nullopt.
std::optional<HookProblem> HandlerProblem(const YamlNode& handler, const Knowledge& k);

// What is wrong with one matcher group of an event (a mapping with a `hooks:` list and a text
// `matcher` when it has one), not looking at its handlers, or nullopt.
std::optional<HookProblem> MatcherProblem(const YamlNode& group);

// Why Claude Code drops the agent for its hooks, and where: a guard event's entry it cannot
// read, guard hooks outside `hooks` (a top-level `PreToolUse:`, a matcher group under another
// key), `hooks` written as one matcher group; nullopt when the hooks do not stop it loading. A
// `hooks` that is not a mapping at all is the loader's own check (core/claude).
std::optional<HookProblem> UnloadableHooks(const YamlNode& root, const Knowledge& k);

}  // namespace agentlint
