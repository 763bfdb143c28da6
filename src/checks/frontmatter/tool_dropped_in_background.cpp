#include "checks/common.h"

namespace agentlint {

void CheckToolDroppedInBackground(const FileContext& ctx, Reporter& out) {
  const YamlNode* background = ScalarField(ctx.doc, "background");
  if (!background || background->value != "true") return;
  for (const ToolEntry& entry : ctx.doc.Tools("tools").entries) {
    const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, false);
    if (ref.kind != ToolRef::kBuiltin || ref.tool->background_kept ||
        ref.tool->subagents == SubagentAvailability::kNever) {
      continue;  // tool-unavailable-to-subagents covers tools no subagent gets
    }
    out.Report(entry.span,
               "background subagents do not get `" + ref.tool->name + "`; it is removed at spawn",
               "remove it, or set `background: false` if the agent needs it");
  }
}

}  // namespace agentlint
