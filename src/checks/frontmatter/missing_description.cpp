#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

void CheckMissingDescription(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const YamlNode* root = doc.root();
  if (!root || !(root->IsMapping() || root->IsNull())) return;
  const YamlNode* description = doc.Field("description");
  // A plugin agent described by a fallback (`when_to_use`): Claude Code has its description.
  if (doc.origin().plugin_agent && ctx.claude && !ctx.claude->description.empty() &&
      (!description || !description->IsScalar() || Trim(description->value).empty()))
    return;
  const char* help =
      "add `description:` saying when to use the agent: the main model routes work by this text "
      "alone";
  if (!description) {
    out.Report(doc.front_matter().open_fence,
               "the agent has no `description`" + NotLoadedSuffix(ctx), help);
  } else if (description->IsNull() || (description->IsScalar() && description->value.empty())) {
    out.Report(description->span.empty() ? doc.front_matter().open_fence : description->span,
               "`description` is empty" + NotLoadedSuffix(ctx), help);
  } else if (description->IsScalar() &&
             description->value.find_first_not_of(" \t\r\n") == std::string::npos) {
    // Blank but not empty: Claude Code loads it, and the main model has nothing to go by.
    out.Report(description->span, "`description` is blank: nothing will route work to this agent",
               help);
  }
}

}  // namespace agentlint
