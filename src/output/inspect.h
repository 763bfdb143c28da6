// `agentlint inspect` output: the text a person reads, and JSON (schema agentlint-inspect/v2) that
// the conformance suite compares with the real Claude Code.
#pragma once

#include <string>

#include "engine/inspect.h"

namespace agentlint {

std::string InspectionText(const Inspection& inspection);
std::string InspectionJson(const Inspection& inspection);

}  // namespace agentlint
