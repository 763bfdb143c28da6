// SARIF 2.1.0 output: the rules of the registry (with their docs as help), results with regions
// in Unicode code points, related locations, fixes as byte replacements and stable partial
// fingerprints. Validates with Microsoft's SARIF multitool.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "engine/linter.h"

namespace agentlint {

std::string RenderSarif(const LintResult& result);
// The same text, handed to `write` in pieces of about 64 KiB as it is made.
void WriteSarif(const LintResult& result, const std::function<void(std::string_view)>& write);

}  // namespace agentlint
