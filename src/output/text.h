// Human output: `path:line:col: severity: message [AL103 unknown-tool]`, the source line with a
// caret under the span, help and related-location notes, and a summary line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/linter.h"

namespace agentlint {

struct TextOptions {
  bool color = false;
  bool quiet = false;        // findings only, one line each; no code frame, no summary
  size_t frame_width = 160;  // code points of a source line shown in the code frame
  bool summary = true;       // the closing "Found ..." / "No problems found ..." line
  size_t jobs = 1;           // threads that render findings (the text is the same for any value)
};

std::string RenderText(const LintResult& result, const TextOptions& options);
// The same text, handed to `write` in pieces of about 64 KiB as it is made.
void WriteText(const LintResult& result, const TextOptions& options,
               const std::function<void(std::string_view)>& write);

// Findings of one rule in a result: how many, the highest severity, how many `--fix` repairs
// (safe) and how many only `--unsafe-fixes` does.
struct RuleCount {
  const RuleInfo* rule = nullptr;
  size_t count = 0;
  size_t safe = 0;
  size_t unsafe = 0;
  Severity severity = Severity::kInfo;
};

// One row per rule that found something, most findings first, then by rule id.
std::vector<RuleCount> CountByRule(const LintResult& result);

// `--statistics`: one line per rule that found something, most findings first (then by id):
// count, id, name, severity, and how many of its findings `--fix` (or `--unsafe-fixes`) repairs.
std::string RenderStatistics(const LintResult& result);

// "1 agent file", "2 agent files".
std::string Plural(size_t n, const char* word);

// "3 errors, 1 warning and 2 infos" style counts, shared by the summary.
std::string CountSummary(const LintResult& result);

}  // namespace agentlint
