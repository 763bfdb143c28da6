#include "checks/common.h"

namespace agentlint {

void CheckPluginIgnoredField(const FileContext& ctx, Reporter& out) {
  if (!ctx.doc.origin().plugin_agent) return;
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const FieldInfo* field = ctx.knowledge.FindField(root->Key(i).value);
    if (!field || !field->plugin_ignored) continue;
    out.Report(root->Key(i).span, "plugin agents ignore `" + field->name + "` for security reasons",
               "move the agent to .claude/agents/ if it needs `" + field->name + "`, or remove it");
  }
}

}  // namespace agentlint
