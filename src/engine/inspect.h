// `agentlint inspect FILE`: what Claude Code will make of one agent, as core/claude models it:
// whether it loads (and why not), its name and description as loaded, whether a subagent starts,
// the model it is sent with, the tools it really gets and the project's instructions it is
// given. This is what the conformance suite holds against the real Claude Code.
#pragma once

#include <string>
#include <vector>

#include "core/claude.h"
#include "core/document.h"

namespace agentlint {

struct Inspection {
  std::string path;
  ClaudeAgent agent;
  std::string permission_mode = "inherited from the parent session";
  std::string model_written;  // `model` as written, "" when absent
  std::string claude_code;    // the Claude Code version the knowledge was checked against
  // The project's instructions the subagent is given (CLAUDE.md, CLAUDE.local.md, rules, ...);
  // none when `omitClaudeMd` is on.
  std::vector<std::string> instructions;
  bool omits_instructions = false;
};

// `siblings`: the other agents of the file's scope. Of agents with one name, Claude Code keeps
// the one whose path sorts last; the others do not load. `instructions`: the paths of the
// project's instructions (ProjectInstructions), which the agent is given unless it omits them.
Inspection Inspect(const AgentDoc& doc, const std::vector<const AgentDoc*>& siblings = {},
                   const std::vector<std::string>& instructions = {});

}  // namespace agentlint
