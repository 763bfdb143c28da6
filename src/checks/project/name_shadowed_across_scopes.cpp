#include <filesystem>

#include "checks/common.h"

namespace agentlint {

namespace {

// The project folder of an agents root: `repo` for `repo/.claude/agents`.
std::filesystem::path ProjectDir(const std::string& scope) {
  return std::filesystem::path(scope).lexically_normal().parent_path().parent_path();
}

bool Inside(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  const std::string a = inner.generic_string() + "/";
  const std::string b = outer.generic_string() + "/";
  return a.size() > b.size() && a.compare(0, b.size(), b) == 0;
}

}  // namespace

void CheckNameShadowedAcrossScopes(const ProjectContext& ctx, ProjectReporter& out) {
  for (const AgentDoc* doc : ctx.project.docs()) {
    const YamlNode* name = ScalarField(*doc, "name");
    if (!name || !doc->origin().scope_is_agent_root) continue;
    for (const AgentDoc* other : ctx.project.docs()) {
      const YamlNode* other_name = ScalarField(*other, "name");
      if (other == doc || !other_name || other_name->value != name->value ||
          !other->origin().scope_is_agent_root || other->origin().scope == doc->origin().scope) {
        continue;
      }
      std::string message;
      if (doc->origin().plugin_agent && !other->origin().plugin_agent) {
        message = "a project agent is also named `" + name->value +
                  "`; this plugin agent is reached as `<plugin>:" + name->value + "`";
      } else if (!doc->origin().plugin_agent && !other->origin().plugin_agent &&
                 Inside(ProjectDir(doc->origin().scope), ProjectDir(other->origin().scope))) {
        message = "an agent of the enclosing project is also named `" + name->value +
                  "`; in this folder Claude Code uses this one (the closest wins)";
      } else {
        continue;
      }
      Diagnostic& d =
          out.Report(*doc, name->span, message, "rename one of them if both should be reachable");
      d.related.push_back(
          {MakeLocation(other->source(), other_name->span), "the other definition"});
      break;
    }
  }
}

}  // namespace agentlint
