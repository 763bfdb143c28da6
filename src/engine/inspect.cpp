#include "engine/inspect.h"

#include "core/text.h"

namespace agentlint {

Inspection Inspect(const AgentDoc& doc, const std::vector<const AgentDoc*>& siblings,
                   const std::vector<std::string>& instructions) {
  const Knowledge& k = EmbeddedKnowledge();
  Inspection out;
  out.path = doc.path();
  out.agent = ResolveClaudeAgent(doc, k);
  for (const AgentDoc* other : siblings) {
    if (!out.agent.loads || other == &doc || other->path() <= doc.path()) continue;
    const ClaudeAgent twin = ResolveClaudeAgent(*other, k);
    if (twin.loads && twin.name == out.agent.name) {
      out.agent.loads = false;
      out.agent.spawns = false;
      out.agent.why_not = "`" + other->path() +
                          "` has the same name, and Claude Code keeps the "
                          "agent whose path sorts last";
    }
  }
  if (const YamlNode* mode = doc.ClaudeField("permissionMode"); mode && mode->IsScalar()) {
    out.permission_mode = mode->value;
  }
  if (Contains(out.agent.ignored_fields, "permissionMode"))
    out.permission_mode = "inherited (plugins ignore it)";
  else if (Contains(out.agent.invalid_fields, "permissionMode"))
    out.permission_mode =
        "inherited (`" + out.permission_mode + "` is not a mode Claude Code takes)";
  if (const YamlNode* model = doc.ClaudeField("model"); model && model->IsScalar())
    out.model_written = model->value;
  // Measured with 2.1.332: an agent with `omitClaudeMd: true` is given none of them.
  out.omits_instructions = ClaudeTrue(doc.ClaudeField("omitClaudeMd"));
  if (!out.omits_instructions) out.instructions = instructions;
  if (const auto it = k.checked_against.find("rules/tools.yaml"); it != k.checked_against.end())
    out.claude_code = it->second;
  return out;
}

}  // namespace agentlint
