#include "checks/common.h"

namespace agentlint {

void CheckAllowedToolsInAgent(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const YamlNode& key = root->Key(i);
    if (key.value != "allowed-tools" && key.value != "allowedTools") continue;
    const bool has_tools = ctx.doc.Field("tools") != nullptr;
    out.Report(key.span,
               "`" + key.value + "` is a skill and command field; agents ignore it" +
                   (has_tools ? "" : ", so this agent inherits every tool"),
               has_tools ? "remove it; `tools` is the agent's allow-list" : "rename it to `tools`");
  }
}

}  // namespace agentlint
