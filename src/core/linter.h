// The whole pipeline, readable top to bottom: discover -> read -> parse -> per-file checks ->
// severity and selection -> sort. It knows no CLI and no output format.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/discover.h"
#include "core/document.h"

namespace agentlint {

struct LintOptions {
  DocumentLimits limits;
  size_t max_file_bytes = 8 * 1024 * 1024;
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted, de-duplicated
  size_t files_linted = 0;
  std::vector<std::string> skipped;  // Markdown files that are not agents
  std::vector<std::string> errors;   // usage problems with the named paths
};

// Reads one file into a document; a read failure is recorded in the origin, never thrown.
AgentDoc LoadDocument(const DiscoveredFile& file, const LintOptions& options);

// Runs every per-file check on one document. A check that throws becomes an internal-error
// finding for this file; the other checks still run.
std::vector<Diagnostic> CheckDocument(const AgentDoc& doc);

LintResult Lint(const std::vector<std::string>& paths, const LintOptions& options);

// Sorts by (path, line, column, rule, message) and drops exact repeats.
void SortAndDeduplicate(std::vector<Diagnostic>& diagnostics);

}  // namespace agentlint
