#include "checks/common.h"

namespace agentlint {

void CheckNameSkippedByLoader(const FileContext& ctx, Reporter& out) {
  const YamlNode* name = ScalarField(ctx.doc, "name");
  if (!name || name->value.empty()) return;
  if (name->value.front() == '-') {
    out.Report(name->span, "`name` starts with `-`" + NotLoadedSuffix(ctx),
               "start the name with a letter or digit");
  } else if (name->value.find(':') != std::string::npos) {
    out.Report(name->span,
               "`name` contains `:`, which is reserved for plugin ids" + NotLoadedSuffix(ctx),
               "use hyphens instead of `:`");
  }
}

}  // namespace agentlint
