// SARIF 2.1.0 output: the rules of the registry (with their docs as help), results with regions
// in Unicode code points, related locations, fixes as byte replacements and stable partial
// fingerprints. Validates with Microsoft's SARIF multitool.
#pragma once

#include <string>

#include "engine/linter.h"

namespace agentlint {

std::string RenderSarif(const LintResult& result);

}  // namespace agentlint
