#include "checks/common.h"

namespace agentlint {

void CheckToolUnavailableToSubagents(const FileContext& ctx, Reporter& out) {
  const ToolList list = ctx.doc.Tools("tools");
  const YamlNode* mode = ScalarField(ctx.doc, "permissionMode");
  const bool plan_mode = mode && mode->value == "plan";
  for (const ToolEntry& entry : list.entries) {
    const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, false);
    if (ref.kind != ToolRef::kBuiltin) continue;
    const ToolInfo& tool = *ref.tool;
    if (tool.subagents == SubagentAvailability::kNever) {
      out.Report(entry.span, "subagents never get `" + tool.name + "`; it is removed at spawn",
                 tool.note.empty() ? "remove it from `tools`" : tool.note);
    } else if (tool.subagents == SubagentAvailability::kPlanModeOnly && !plan_mode) {
      out.Report(entry.span,
                 "`" + tool.name + "` is only given to subagents with `permissionMode: plan`",
                 "remove it, or set `permissionMode: plan`");
    }
  }
}

}  // namespace agentlint
