// `--format markdown`: a report for a GitHub job summary or a pull-request comment: the counts,
// a table of findings per rule, and the agents' graph in Mermaid (which GitHub renders).
#pragma once

#include <string>

#include "engine/linter.h"

namespace agentlint {

// The graph needs a run with LintOptions::keep_summaries; without agents it is left out.
std::string RenderMarkdown(const LintResult& result);

}  // namespace agentlint
