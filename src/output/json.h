// Machine output: a versioned JSON document (schema "agentlint/v1", documented in docs/json.md).
// Every JSON agentlint writes or reads goes through nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/linter.h"

namespace agentlint {

std::string RenderJson(const LintResult& result);

// `json` as text; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string DumpJson(const nlohmann::ordered_json& json, int indent = -1);

}  // namespace agentlint
