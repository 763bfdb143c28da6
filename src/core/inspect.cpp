#include "core/inspect.h"

#include "core/text.h"
#include "output/json.h"

namespace agentlint {

Inspection Inspect(const AgentDoc& doc, const std::vector<const AgentDoc*>& siblings) {
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
  if (const YamlNode* model = doc.ClaudeField("model"); model && model->IsScalar())
    out.model_written = model->value;
  if (const auto it = k.checked_against.find("rules/tools.yaml"); it != k.checked_against.end())
    out.claude_code = it->second;
  return out;
}

std::string InspectionText(const Inspection& in) {
  const ClaudeAgent& a = in.agent;
  std::string out = in.path + "\n";
  out += "  loads:            " + std::string(a.loads ? "yes" : "no") + "\n";
  if (!a.loads) out += "    - " + a.why_not + "\n";
  out += "  name:             " + a.name + "\n";
  if (a.loads) {
    out += "  description:      " + a.description + "\n";
    out += "  starts:           " + std::string(a.spawns ? "yes" : "no") + "\n";
    if (!a.spawns) out += "    - " + a.spawn_error + "\n";
  }
  out += "  model:            " + a.model +
         (a.model_id.empty() || a.model_id == a.model ? "" : " (sent as " + a.model_id + ")") +
         "\n";
  out += "  permission mode:  " + in.permission_mode + "\n";
  out += "  tools:            " +
         std::string(a.inherits_tools ? "inherited (no `tools` field)" : "from `tools`") + "\n";
  for (const std::string& t : a.tools) out += "    + " + t + "\n";
  for (const DroppedTool& d : a.dropped) out += "    - " + d.name + ": " + d.reason + "\n";
  if (!a.ignored_fields.empty()) {
    out += "  ignored fields:  ";
    for (const std::string& f : a.ignored_fields) out += " " + f;
    out += "\n";
  }
  if (!in.claude_code.empty()) out += "  (as Claude Code " + in.claude_code + " does it)\n";
  return EscapeControl(out, "\n");
}

std::string InspectionJson(const Inspection& in) {
  const ClaudeAgent& a = in.agent;
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + JsonString(items[i]);
    return out + "]";
  };
  std::string dropped = "[";
  for (size_t i = 0; i < a.dropped.size(); ++i) {
    dropped += (i ? ", " : "") + std::string("{\"name\": ") + JsonString(a.dropped[i].name) +
               ", \"reason\": " + JsonString(a.dropped[i].reason) + "}";
  }
  dropped += "]";
  const auto text_or_null = [](bool present, const std::string& text) {
    return present ? JsonString(text) : std::string("null");
  };
  return "{\"schema\": \"agentlint-inspect/v2\", \"path\": " + JsonString(in.path) +
         ", \"claude_code\": " + JsonString(in.claude_code) +
         ", \"loads\": " + (a.loads ? "true" : "false") +
         ", \"why_not\": " + text_or_null(!a.loads, a.why_not) +
         ", \"name\": " + JsonString(a.name) +
         ", \"description\": " + text_or_null(a.loads, a.description) +
         ", \"listed\": " + (a.loads ? "true" : "false") +
         ", \"spawns\": " + (a.spawns ? "true" : "false") +
         ", \"spawn_error\": " + text_or_null(a.loads && !a.spawns, a.spawn_error) +
         ", \"model\": " + JsonString(in.model_written) +
         ", \"model_sent\": " + JsonString(a.model) + ", \"model_id\": " + JsonString(a.model_id) +
         ", \"permission_mode\": " + JsonString(in.permission_mode) +
         ", \"inherits_tools\": " + (a.inherits_tools ? "true" : "false") +
         ", \"tools\": " + list(a.tools) + ", \"dropped\": " + dropped +
         ", \"ignored_fields\": " + list(a.ignored_fields) + "}\n";
}

}  // namespace agentlint
