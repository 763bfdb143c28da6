#include "checks/common.h"

namespace agentlint {

void CheckMissingDescription(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const YamlNode* root = doc.root();
  if (!root || !(root->IsMapping() || root->IsNull())) return;
  const YamlNode* description = doc.Field("description");
  const char* help =
      "add `description:` saying when to use the agent; Claude Code skips agents without one and "
      "routes work by this text alone";
  if (!description) {
    out.Report(doc.front_matter().open_fence, "the agent has no `description`", help);
  } else if (description->IsNull() ||
             (description->IsScalar() &&
              description->value.find_first_not_of(" \t\r\n") == std::string::npos)) {
    out.Report(description->span.empty() ? doc.front_matter().open_fence : description->span,
               "`description` is empty", help);
  }
}

}  // namespace agentlint
