// Machine output: a versioned JSON document (schema "agentlint/v1", documented in docs/json.md).
#pragma once

#include <string>
#include <string_view>

#include "engine/linter.h"

namespace agentlint {

std::string RenderJson(const LintResult& result);

// A JSON string literal, quotes included (exposed for tests and other formatters).
std::string JsonString(std::string_view text);

}  // namespace agentlint
