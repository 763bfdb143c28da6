#include <map>

#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

// Of agents of one scope with one `name`, Claude Code keeps the one whose path sorts last (as
// the conformance suite shows); each of the others is reported, with the one that wins.
void CheckDuplicateName(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& scope : ctx.project.scopes()) {
    std::map<std::string, std::vector<const AgentDoc*>> by_name;  // linear in the scope's size
    for (const AgentDoc* doc : scope.second) {
      const YamlNode* name = ScalarField(*doc, "name");
      if (name && !name->value.empty()) by_name[name->value].push_back(doc);
    }
    for (const auto& [name, docs] : by_name) {
      if (docs.size() < 2) continue;
      const AgentDoc* winner = docs.front();
      for (const AgentDoc* doc : docs) {
        if (doc->path() > winner->path()) winner = doc;
      }
      const YamlNode* winner_name = ScalarField(*winner, "name");
      // The winner's path within the scope (`nested/db.md`), as the user sees the folder.
      std::string shown = winner->path();
      if (shown.rfind(scope.first + "/", 0) == 0) shown = shown.substr(scope.first.size() + 1);
      for (const AgentDoc* doc : docs) {
        if (doc == winner) continue;
        Diagnostic& d =
            out.Report(*doc, ScalarField(*doc, "name")->span,
                       "`" + name + "` is also the name of `" + shown +
                           "`, which wins (of agents "
                           "with one name, Claude Code keeps the one whose path sorts last); " +
                           std::string(kNotLoaded),
                       "give each agent a unique `name`");
        d.related.push_back({MakeLocation(winner->source(), winner_name->span), "this one loads"});
      }
    }
  }
}

}  // namespace agentlint
