#include "checks/common.h"

namespace agentlint {

void CheckFrontMatterNotMapping(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || root->IsMapping() || root->IsNull()) return;
  const char* what = root->IsSequence() ? "a list"
                     : root->IsScalar() ? "a single value"
                                        : "an alias";
  out.Report(
      root->span,
      std::string("the front matter is ") + what + ", not a mapping of fields" + UnreadSuffix(ctx),
      "write one `key: value` line per field");
}

}  // namespace agentlint
