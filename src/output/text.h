// Human output: `path:line:col: severity: message [AL103 unknown-tool]`, the source line with a
// caret under the span, help and related-location notes, and a summary line.
#pragma once

#include <string>

#include "engine/linter.h"

namespace agentlint {

struct TextOptions {
  bool color = false;
  bool quiet = false;        // findings only, one line each; no code frame, no summary
  size_t frame_width = 160;  // code points of a source line shown in the code frame
  bool summary = true;       // the closing "Found ..." / "No problems found ..." line
};

std::string RenderText(const LintResult& result, const TextOptions& options);

// `--statistics`: one line per rule that found something, most findings first (then by id):
// count, id, name, severity, and how many of its findings `--fix` (or `--unsafe-fixes`) repairs.
std::string RenderStatistics(const LintResult& result);

// "3 errors, 1 warning and 2 infos" style counts, shared by the summary.
std::string CountSummary(const LintResult& result);

}  // namespace agentlint
