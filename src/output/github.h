// GitHub Actions workflow commands: one `::error file=...,line=...::message` annotation per
// finding, escaped as the runner requires.
#pragma once

#include <string>
#include <string_view>

#include "engine/linter.h"

namespace agentlint {

std::string RenderGithub(const LintResult& result);

// Escaping of workflow-command data (`%`, CR, LF) and of property values (also `:` and `,`).
std::string EscapeGithubData(std::string_view text);
std::string EscapeGithubProperty(std::string_view text);

}  // namespace agentlint
