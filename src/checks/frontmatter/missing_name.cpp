#include "checks/common.h"

namespace agentlint {

void CheckMissingName(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const YamlNode* root = doc.root();
  if (!root || !(root->IsMapping() || root->IsNull())) return;  // nothing readable to judge
  const YamlNode* name = doc.Field("name");
  const std::string help = doc.origin().plugin_agent
                               ? "plugin agents without a name load under their file name; set "
                                 "`name:` to make it explicit"
                               : "add `name: <lowercase-with-hyphens>`";
  if (!name) {
    out.Report(doc.front_matter().open_fence, "the agent has no `name`" + NotLoadedSuffix(ctx),
               help);
  } else if (name->IsNull() || (name->IsScalar() && name->value.empty())) {
    out.Report(name->span.empty() ? doc.front_matter().open_fence : name->span,
               "`name` is empty" + NotLoadedSuffix(ctx), help);
  }
}

}  // namespace agentlint
