#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckEmptyTools(const FileContext& ctx, Reporter& out) {
  // The same resolution as `agentlint inspect` (core/claude): a `tools` field that names nothing.
  if (!ctx.claude) return;
  const ClaudeAgent& agent = *ctx.claude;
  if (!agent.loads || !agent.spawns || agent.inherits_tools || !agent.tools.empty()) return;
  const YamlNode* root = ctx.doc.ClaudeRoot();
  if (!root || !root->IsMapping()) return;
  for (size_t i = root->MapSize(); i-- > 0;) {  // the last `tools` wins
    if (!root->Key(i).IsScalar() || root->Key(i).value != "tools") continue;
    const YamlNode& value = root->Value(i);
    const bool named = value.IsScalar() && !value.value.empty();  // `tools: 42`, `tools: ,`
    if (named && value.value.find_first_not_of(", \t") != std::string::npos &&
        TypeOf(value) == ScalarType::kString)
      return;  // words that all give nothing: no-usable-tools
    if (value.IsSequence() && !value.children.empty()) return;
    const Span at = value.span.end > value.span.begin ? value.span : root->Key(i).span;
    out.Report(at,
               named ? "`tools: " + value.value +
                           "` names no tool, so Claude Code starts this agent with no tools at "
                           "all: it cannot read, search or run anything"
                     : "`tools` is empty, so Claude Code starts this agent with no tools at all: "
                       "it cannot read, search or run anything",
               "list the tools it needs (for example `tools: Read, Grep`), or remove the line to "
               "inherit every tool; an agent meant to have none can say so with "
               "`# agentlint-disable-line AL130`");
    return;
  }
}

}  // namespace agentlint
