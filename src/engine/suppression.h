// Inline suppressions: `<!-- agentlint-disable-next-line AL123 -- reason -->`,
// `<!-- agentlint-disable AL123 -->` ... `<!-- agentlint-enable AL123 -->`,
// `<!-- agentlint-disable-file AL123 -->` in the body, and `# agentlint-disable-line AL123` as a
// YAML comment on a front-matter line. Only real comments count: the same words in prose or in a
// code block do nothing. Unused and invalid suppressions become findings themselves.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/summary.h"

namespace agentlint {

struct Suppression {
  enum Kind { kNextLine, kLine, kRange, kFile };
  Kind kind = kLine;
  Span comment;                    // the whole comment
  std::vector<std::string> rules;  // ids or names, as written
  std::vector<Span> rule_spans;
  std::string reason;  // after `--`
  int first_line = 0;  // lines covered (1-based, inclusive)
  int last_line = 0;
  std::vector<bool> used;       // per rule
  std::vector<Anchor> rule_at;  // per rule, once anchored (AnchorSuppressions)
};

struct SuppressionProblem {
  Span span;
  std::string message;
  std::string help;
  Anchor at;  // once anchored
};

struct Suppressions {
  std::vector<Suppression> items;
  std::vector<SuppressionProblem> problems;  // malformed, unknown rules, unbalanced ranges
  bool empty() const { return items.empty() && problems.empty(); }  // the file has no directive
};

// At most this many suppression comments are read per file; more is reported once (AL903).
constexpr size_t kMaxSuppressions = 1000;

Suppressions ParseSuppressions(const AgentDoc& doc);

// Resolves every place a finding about the suppressions may be reported at, so that they can be
// reported after the document is freed.
void AnchorSuppressions(Suppressions& suppressions, const SourceFile& source);

// Removes the findings of `doc` that a suppression covers, marking those suppressions used.
void ApplySuppressions(Suppressions& suppressions, std::vector<Diagnostic>& diagnostics);

}  // namespace agentlint
