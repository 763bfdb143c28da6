// Machine output: a versioned JSON document (schema "agentlint/v1", documented in docs/json.md).
// Every JSON agentlint writes or reads goes through nlohmann::json.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/linter.h"

namespace agentlint {

std::string RenderJson(const LintResult& result);
// The same text, handed to `write` in pieces of about 64 KiB as it is made.
void WriteJson(const LintResult& result, const std::function<void(std::string_view)>& write);

// `json` as text; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string DumpJson(const nlohmann::ordered_json& json, int indent = -1);

// The string a document holds where WriteJsonStreamed puts its array.
inline constexpr std::string_view kStreamedArray = "\x01agentlint streamed array\x01";

// Writes DumpJson(document, 2) + "\n" as if the one kStreamedArray string in `document` were an
// array of `count` items, each made by `item(i)` just before it is written, to `write` in pieces
// of about 64 KiB: a report of 100,000 findings is never whole in memory, as objects or as text.
void WriteJsonStreamed(const nlohmann::ordered_json& document, size_t count,
                       const std::function<nlohmann::ordered_json(size_t)>& item,
                       const std::function<void(std::string_view)>& write);

}  // namespace agentlint
