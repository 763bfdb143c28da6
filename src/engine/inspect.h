// `agentlint inspect FILE`: what Claude Code will make of one agent, as core/claude models it:
// whether it loads (and why not), its name and description as loaded, whether a subagent starts,
// the model it is sent with and the tools it really gets. This is what the conformance suite
// holds against the real Claude Code.
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
};

// `siblings`: the other agents of the file's scope. Of agents with one name, Claude Code keeps
// the one whose path sorts last; the others do not load.
Inspection Inspect(const AgentDoc& doc, const std::vector<const AgentDoc*>& siblings = {});

}  // namespace agentlint
