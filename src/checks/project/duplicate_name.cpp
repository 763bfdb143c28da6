#include "checks/common.h"

namespace agentlint {

void CheckDuplicateName(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& [scope, docs] : ctx.project.scopes()) {
    for (const AgentDoc* doc : docs) {
      const YamlNode* name = ScalarField(*doc, "name");
      if (!name || name->value.empty()) continue;
      std::vector<const AgentDoc*> same;
      for (const AgentDoc* other : docs) {
        const YamlNode* other_name = ScalarField(*other, "name");
        if (other != doc && other_name && other_name->value == name->value) same.push_back(other);
      }
      if (same.empty()) continue;
      Diagnostic& d = out.Report(
          *doc, name->span,
          "`" + name->value + "` is also the name of " +
              (same.size() == 1 ? "another agent" : std::to_string(same.size()) + " other agents") +
              " in this folder; Claude Code loads only one of them, chosen by "
              "file-system order",
          "give each agent a unique `name`");
      for (const AgentDoc* other : same) {
        d.related.push_back(
            {MakeLocation(other->source(), ScalarField(*other, "name")->span), "also named here"});
      }
    }
  }
}

}  // namespace agentlint
