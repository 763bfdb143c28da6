// What a rule is (RuleInfo), what a per-file check sees (FileContext) and how it reports
// (Reporter). Checks are plain functions, stateless, so files can be linted in parallel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/knowledge.h"
#include "core/scan.h"
#include "core/summary.h"

namespace agentlint {

enum class Category { kInput, kFrontMatter, kBody, kConsistency, kProject, kSecurity, kEngine };
const char* CategoryName(Category category);  // "input", "frontmatter", ...

// Which files a rule judges: every file, or only files written for Claude Code.
enum class RuleScope { kAnyDialect, kClaudeOnly };

struct FileContext;
class Reporter;
using FileCheck = void (*)(const FileContext&, Reporter&);
struct ProjectContext;
class ProjectReporter;
using ProjectCheck = void (*)(const ProjectContext&, ProjectReporter&);
struct AgentSummary;
// A project rule's first half: what it needs of one file, kept in the file's summary.
using Summarizer = void (*)(const FileContext&, AgentSummary&);

struct RuleInfo {
  std::string_view id;    // "AL103"
  std::string_view name;  // "unknown-tool"
  Category category;
  Severity severity;  // default severity
  RuleScope scope;
  std::string_view summary;
  FileCheck check;  // per-file rules; CheckNothing for project rules and engine-reported ones
  bool fixable;
  bool default_on;                       // off-by-default rules run only when selected
  ProjectCheck project_check = nullptr;  // project rules: run once over all summaries
  Summarizer summarize = nullptr;        // project rules: their evidence from each file
  // kOwnFile: the evidence is reported only on its own file (siblings of linted files skip it);
  // kAcrossFiles: it is compared with other files' evidence (siblings give it too).
  enum class EvidenceUse { kOwnFile, kAcrossFiles } evidence = EvidenceUse::kOwnFile;
  // Path of the rule's doc among the embedded files:
  // src/checks/<category>/<name_with_underscores>.md
  std::string DocPath() const;
};

// Settings that change what checks look for (the config file will set them; for now the CLI).
struct CheckOptions {
  std::string section_profile = "auto";   // a profile of rules/sections.yaml, "auto" or "none"
  std::vector<std::string> known_agents;  // agents defined elsewhere (user level, other repos)
  const Knowledge* knowledge = nullptr;   // the embedded knowledge, or a config's extension of it
  size_t max_body_characters = 20000;     // body-too-long
  double description_overlap = 0.6;       // overlapping-descriptions (Jaccard similarity)
};

struct ClaudeAgent;

struct FileContext {
  const AgentDoc& doc;
  const Knowledge& knowledge;
  const CheckOptions& options;
  // What Claude Code makes of the file (core/claude), resolved once for every check; nullptr
  // for files written for other tools.
  const ClaudeAgent* claude = nullptr;
  // The body's prose with its sections (core/markdown ProseIndex), built once for every check.
  const std::vector<ProseLine>* prose = nullptr;
  // One pass over the file (core/scan): which of the knowledge's patterns and the rules' line
  // patterns (Knowledge::scan) occur in it. nullptr: not run, all may occur.
  const ScanResult* knowledge_scan = nullptr;
  // The conflict topics (by index in Knowledge::conflict_topics) whose stances are wanted;
  // nullptr: all. A sibling of linted files is read only for the topics they take a stance on.
  const std::vector<bool>* stance_topics = nullptr;
};

class Reporter {
 public:
  Reporter(const RuleInfo& rule, const AgentDoc& doc, std::vector<Diagnostic>& out)
      : rule_(rule), doc_(doc), out_(out) {}

  // Adds a finding at `span` of the current file; the returned reference stays valid until the
  // next Report call, for adding related locations or a fix.
  Diagnostic& Report(Span span, std::string message, std::string help = {});

 private:
  const RuleInfo& rule_;
  const AgentDoc& doc_;
  std::vector<Diagnostic>& out_;
};

Location MakeLocation(const SourceFile& source, Span span);
// Sets d.line_text (and its offset) from the line holding d.location's start.
void SetLineText(Diagnostic& d, const SourceFile& source);

class Project;

struct ProjectContext {
  const Project& project;
  const Knowledge& knowledge;
  const CheckOptions& options;
};

// Reports project findings on any file of the project, at a place its summary holds; findings on
// files that were only loaded as siblings (not asked for) are dropped by the linter.
class ProjectReporter {
 public:
  ProjectReporter(const RuleInfo& rule, std::vector<Diagnostic>& out) : rule_(rule), out_(out) {}
  Diagnostic& Report(const Anchor& at, std::string message, std::string help = {});

 private:
  const RuleInfo& rule_;
  std::vector<Diagnostic>& out_;
};

}  // namespace agentlint
