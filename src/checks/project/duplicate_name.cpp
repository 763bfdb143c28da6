#include <map>

#include "checks/common.h"

namespace agentlint {

void CheckDuplicateName(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& scope : ctx.project.scopes()) {
    std::map<std::string, std::vector<const AgentDoc*>> by_name;  // linear in the scope's size
    for (const AgentDoc* doc : scope.second) {
      const YamlNode* name = ScalarField(*doc, "name");
      if (name && !name->value.empty()) by_name[name->value].push_back(doc);
    }
    for (const auto& [name, docs] : by_name) {
      if (docs.size() < 2) continue;
      for (const AgentDoc* doc : docs) {
        Diagnostic& d =
            out.Report(*doc, ScalarField(*doc, "name")->span,
                       "`" + name + "` is also the name of " +
                           (docs.size() == 2 ? "another agent"
                                             : std::to_string(docs.size() - 1) + " other agents") +
                           " in this folder; Claude Code loads only one of them, chosen by "
                           "file-system order",
                       "give each agent a unique `name`");
        // The first few others are attached (a folder of 5,000 copies must not cost 5,000²).
        constexpr size_t kAttached = 5;
        for (const AgentDoc* other : docs) {
          if (other == doc) continue;
          if (d.related.size() == kAttached) break;
          d.related.push_back({MakeLocation(other->source(), ScalarField(*other, "name")->span),
                               "also named here"});
        }
      }
    }
  }
}

}  // namespace agentlint
