// The whole pipeline, readable top to bottom: discover -> read -> parse -> per-file checks ->
// severity and selection -> sort. It knows no CLI and no output format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "core/discover.h"
#include "core/document.h"
#include "core/summary.h"
#include "engine/config.h"

namespace agentlint {

struct LintOptions {
  DocumentLimits limits;
  size_t max_file_bytes = 8 * 1024 * 1024;
  size_t max_files = 100000;  // files read in one run; the rest get an input-limit finding
  CheckOptions checks;
  // Rule selection by id, name, category or `all`. `select` replaces the default set,
  // `extend_select` adds to it (both can turn on rules that are off by default), and `ignore`
  // turns rules off and wins. internal-error is always on.
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  size_t jobs = 1;            // files linted in parallel (-j); output is the same for every value
  bool inline_config = true;  // honour agentlint-disable comments (--no-inline-config: false)
  // Configuration: the nearest .agentlint.yaml above each file, or this file, or none.
  bool use_config = true;
  std::string config_path;
  std::map<std::string, Severity> severity;  // rule id or name -> severity (from the config)
  // Text to lint instead of what is on disk, by path as named (`--stdin-filename`, an editor's
  // unsaved buffer). The path need not exist; its folder gives siblings and configuration.
  std::map<std::string, std::string> unsaved;
  bool keep_summaries = false;  // LintResult::agents (for `agentlint graph`)
};

// True when `selector` (an id, a name, a category or `all`) names `rule`.
bool SelectorMatches(std::string_view selector, const RuleInfo& rule);
// The selectors that name no rule, no category and are not `all`.
std::vector<std::string> UnknownSelectors(const LintOptions& options);

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted, de-duplicated
  size_t files_linted = 0;
  std::vector<std::string> skipped;  // Markdown files that are not agents
  std::vector<std::string> errors;   // usage problems with the named paths or a config
  bool stopped = false;              // nothing was linted: a config could not be read
  // With LintOptions::keep_summaries: every file's summary (agents and project instructions).
  std::vector<AgentSummary> agents;
};

// Reads one file into a document; a read failure is recorded in the origin, never thrown.
AgentDoc LoadDocument(const DiscoveredFile& file, const LintOptions& options,
                      bool parse_body = true);

// Runs every per-file check on one document. A check that throws becomes an internal-error
// finding for this file; the other checks still run.
std::vector<Diagnostic> CheckDocument(const AgentDoc& doc, const LintOptions& options = {});

class Project;
struct Config;

// The configs of one run, each file read once.
class ConfigSet {
 public:
  // The config that applies to `file`: --config, else the nearest .agentlint.yaml, else none.
  const Config* For(const std::string& file, const LintOptions& options);
  // The path of that config ("" for none), whether or not it can be read.
  const std::string& PathFor(const std::string& file, const LintOptions& options);
  const std::map<std::string, std::optional<Config>>& all() const { return configs_; }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::map<std::string, std::optional<Config>> configs_;
  std::map<std::string, std::string> nearest_;  // folder -> its config's path ("" for none)
  ConfigSearch search_;                         // the folders looked in so far
  std::vector<std::string> errors_;
};

// What the project checks need of one file: its identity and every project rule's evidence.
AgentSummary Summarize(const AgentDoc& doc, const LintOptions& options = {});

// Runs every project check over the summaries of a project: the findings of each rule, in the
// registry's order.
std::vector<std::vector<Diagnostic>> CheckProject(const Project& project,
                                                  const LintOptions& options);

LintResult Lint(const std::vector<std::string>& paths, const LintOptions& options);

// The command line's options with a config's under them, for one file: the command line wins.
LintOptions EffectiveOptions(const LintOptions& cli, const Config* config, const std::string& file);

// Sorts by (path, line, column, rule, message) and drops exact repeats.
void SortAndDeduplicate(std::vector<Diagnostic>& diagnostics);

}  // namespace agentlint
