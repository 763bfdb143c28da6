#include "checks/registry.h"

namespace agentlint {

#define RULE(id, name, category, severity, scope, fixable, on, function, summary) \
  void function(const FileContext&, Reporter&);
#define PROJECT_RULE(id, name, category, severity, scope, fixable, on, function, summarizer, \
                     evidence, summary)                                                      \
  void function(const ProjectContext&, ProjectReporter&);                                    \
  void summarizer(const FileContext&, AgentSummary&);
#include "checks/checks.def"
#undef RULE
#undef PROJECT_RULE

// Rules the engine reports itself (internal-error) have no per-file check; project rules that
// need nothing beyond a summary's identity have no summarizer.
void CheckNothing(const FileContext&, Reporter&) {}
void SummarizeNothing(const FileContext&, AgentSummary&) {}

const std::vector<RuleInfo>& AllRules() {
  static const std::vector<RuleInfo> rules = {
#define RULE(id, name, category, severity, scope, fixable, on, function, summary)                  \
  RuleInfo{                                                                                        \
      #id,     name, Category::category, Severity::severity, RuleScope::scope, summary, &function, \
      fixable, on},
#define PROJECT_RULE(id, name, category, severity, scope, fixable, on, function, summarizer, \
                     evidence, summary)                                                      \
  RuleInfo{#id,                                                                              \
           name,                                                                             \
           Category::category,                                                               \
           Severity::severity,                                                               \
           RuleScope::scope,                                                                 \
           summary,                                                                          \
           &CheckNothing,                                                                    \
           fixable,                                                                          \
           on,                                                                               \
           &function,                                                                        \
           &summarizer,                                                                      \
           RuleInfo::EvidenceUse::evidence},
#include "checks/checks.def"
#undef RULE
#undef PROJECT_RULE
  };
  return rules;
}

const RuleInfo* FindRule(std::string_view id_or_name) {
  for (const RuleInfo& rule : AllRules()) {
    if (rule.id == id_or_name || rule.name == id_or_name) return &rule;
  }
  return nullptr;
}

}  // namespace agentlint
