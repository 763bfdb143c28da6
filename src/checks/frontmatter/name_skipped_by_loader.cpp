#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckNameSkippedByLoader(const FileContext& ctx, Reporter& out) {
  const YamlNode* name = ScalarField(ctx.doc, "name");
  if (!name || name->value.empty()) return;
  const std::string problem = NameProblem(ctx.knowledge, name->value);
  if (problem.empty()) return;
  if (ctx.doc.origin().plugin_agent) {
    // A plugin's loader takes `-` and `:` (the agent is `<plugin>:a:b`), and names the agent
    // after its file when `name` is too long (measured with 2.1.332).
    if (problem.rfind("is longer", 0) != 0 || !ctx.claude) return;
    out.Report(name->span,
               "`name` " + problem + ", so Claude Code ignores it and names this plugin agent `" +
                   ctx.claude->name + "` after its file",
               "shorten the name; the description is the place for detail");
    return;
  }
  std::string help = "use hyphens instead of `:`";
  std::string why;
  if (problem.rfind("starts", 0) == 0) {
    help = "start the name with a letter or digit";
  } else if (problem.rfind("is longer", 0) == 0) {
    help = "shorten the name; the description is the place for detail";
  } else {
    why = problem == "contains `:`" ? ", which is reserved for plugin ids"
                                    : " (`:` is reserved for plugin ids)";
  }
  out.Report(name->span, "`name` " + problem + why + NotLoadedSuffix(ctx), help);
}

}  // namespace agentlint
