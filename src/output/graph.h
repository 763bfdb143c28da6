// `agentlint graph`: the agents of a project as a graph, in Mermaid (renders in GitHub Markdown)
// or Graphviz DOT. One node per agent (its model and how many tools it gets), an edge for each
// handoff (references, `Agent(...)`/`subagent_type`, mentions of an existing agent), missing
// agents as red dashed nodes (from unknown-agent-reference and unknown-agent-mention findings),
// and each conflicting-guidance pair as a red edge labelled with its topic.
#pragma once

#include <string>
#include <string_view>

#include "engine/linter.h"

namespace agentlint {

// `result` must come from a run with LintOptions::keep_summaries. `format`: "mermaid" or "dot".
std::string RenderGraph(const LintResult& result, std::string_view format);

}  // namespace agentlint
