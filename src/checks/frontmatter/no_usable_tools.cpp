#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckNoUsableTools(const FileContext& ctx, Reporter& out) {
  // The same resolution as `agentlint inspect` (core/claude): words that all give nothing.
  if (!ctx.claude) return;
  const ClaudeAgent& agent = *ctx.claude;
  if (!agent.loads || agent.spawns) return;
  const YamlNode* tools = ctx.doc.ClaudeField("tools");
  if (!tools) return;
  out.Report(
      tools->span,
      "no entry of `tools` is a tool this agent can have, so Claude Code refuses to start "
      "it (\"would be spawned with zero tools\")",
      "list at least one current tool (for example `Read`), or remove `tools` to inherit all");
}

}  // namespace agentlint
