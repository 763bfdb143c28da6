#include "core/inspect.h"

#include <algorithm>

#include "checks/common.h"
#include "core/text.h"
#include "output/json.h"

namespace agentlint {

namespace {

void Add(std::vector<std::string>& list, const std::string& name) {
  if (!Contains(list, name)) list.push_back(name);
}

void ResolveTools(const AgentDoc& doc, const Knowledge& k, Inspection& out) {
  const YamlNode* mode = ScalarField(doc, "permissionMode");
  const bool plan = mode && mode->value == "plan";
  const auto available = [&](const ToolInfo& tool) {
    if (tool.status == ToolStatus::kRemoved || tool.status == ToolStatus::kRenamed) return false;
    if (tool.subagents == SubagentAvailability::kNever) return false;
    return tool.subagents != SubagentAvailability::kPlanModeOnly || plan;
  };
  const auto all_tools = [&] {
    for (const ToolInfo& tool : k.tools) {
      if (tool.status != ToolStatus::kAlias && available(tool)) Add(out.tools, tool.name);
    }
  };
  const ToolList list = doc.Tools("tools");
  out.inherits_tools = list.node == nullptr;
  if (out.inherits_tools) {
    all_tools();
    out.tools.push_back("every MCP tool of the session");
  }
  for (const ToolEntry& entry : list.entries) {
    const ToolRef ref = ResolveTool(k, entry.name, false);
    switch (ref.kind) {
      case ToolRef::kWildcard:
        all_tools();
        break;
      case ToolRef::kMcp:
        Add(out.tools, entry.name);
        break;
      case ToolRef::kAgentTypes:
        Add(out.tools, "Agent");
        break;
      case ToolRef::kBuiltin:
      case ToolRef::kSpecifier:
        if (available(*ref.tool)) {
          Add(out.tools,
              ref.tool->status == ToolStatus::kAlias ? ref.tool->replacement : ref.tool->name);
        } else if (ref.tool->subagents != SubagentAvailability::kAlways) {
          out.dropped.push_back({entry.name, "never given to subagents"});
        } else {
          out.dropped.push_back({entry.name, "removed from Claude Code"});
        }
        break;
      case ToolRef::kWrongCase:
        out.dropped.push_back({entry.name, "names are case-sensitive (`" + ref.tool->name + "`)"});
        break;
      case ToolRef::kEmpty:
        break;
      default:
        out.dropped.push_back({entry.name, "not a tool Claude Code knows"});
    }
  }
  for (const ToolEntry& entry : doc.Tools("disallowedTools").entries) {
    const std::string name = CanonicalToolName(k, entry, true);
    const auto it = std::find(out.tools.begin(), out.tools.end(), name);
    if (it != out.tools.end()) {
      out.tools.erase(it);
      out.dropped.push_back({name, "listed in disallowedTools"});
    }
  }
  const YamlNode* background = ScalarField(doc, "background");
  if (background && background->value == "true") {
    for (const ToolInfo& tool : k.tools) {
      const auto it = std::find(out.tools.begin(), out.tools.end(), tool.name);
      if (!tool.background_kept && it != out.tools.end()) {
        out.tools.erase(it);
        out.dropped.push_back({tool.name, "not kept by background subagents"});
      }
    }
  }
  if (doc.Field("memory")) {
    for (const char* tool : {"Read", "Write", "Edit"}) Add(out.tools, tool);
  }
  if (!list.entries.empty() && out.tools.empty()) {
    out.problems.push_back(
        "no `tools` entry resolves: Claude Code refuses to spawn it (\"zero tools\")");
  }
}

}  // namespace

Inspection Inspect(const AgentDoc& doc) {
  const Knowledge& k = EmbeddedKnowledge();
  Inspection out;
  out.path = doc.path();
  const bool plugin = doc.origin().plugin_agent;
  const auto skip = [&](const std::string& why) {
    out.problems.push_back(why);
    if (!plugin) out.loads = false;
  };
  if (!doc.origin().read_error.empty()) {
    skip("the file cannot be read: " + doc.origin().read_error);
    return out;
  }
  if (!doc.front_matter().closed) {
    skip(doc.front_matter().present ? "the front matter is never closed"
                                    : "there is no front matter");
  } else if (!doc.root()) {
    skip("the front matter is not YAML any loader reads");
  } else if (doc.tolerant_yaml() && doc.source().crlf_count() > 0) {
    skip("CRLF line endings with an unquoted `: ` value: Claude Code skips the file");
  }
  out.name = Project::AgentName(doc);
  const YamlNode* name = ScalarField(doc, "name");
  if (doc.root() && (!name || name->value.empty())) {
    skip(plugin ? "no `name`: as a plugin agent it loads under its file name"
                : "no `name`: treated as documentation");
  } else if (name && (name->value.front() == '-' || name->value.find(':') != std::string::npos)) {
    skip("`name` starts with `-` or contains `:`");
  }
  const YamlNode* description = ScalarField(doc, "description");
  if (doc.root() && (!description || Trim(description->value).empty())) skip("no `description`");
  const YamlNode* hooks = doc.Field("hooks");
  if (hooks && hooks->IsSequence() && hooks->children.empty())
    skip("`hooks: []` drops the whole agent");
  if (const YamlNode* model = ScalarField(doc, "model")) out.model = model->value;
  if (const YamlNode* mode = ScalarField(doc, "permissionMode")) out.permission_mode = mode->value;
  if (plugin) {
    for (const FieldInfo& field : k.fields) {
      if (field.plugin_ignored && doc.Field(field.name)) out.ignored_fields.push_back(field.name);
    }
    if (Contains(out.ignored_fields, "permissionMode"))
      out.permission_mode = "inherited (plugins ignore it)";
  }
  if (doc.root()) ResolveTools(doc, k, out);
  return out;
}

std::string InspectionText(const Inspection& in) {
  std::string out = in.path + "\n";
  out += "  loads:            " + std::string(in.loads ? "yes" : "no") + "\n";
  for (const std::string& p : in.problems) out += "    - " + p + "\n";
  out += "  name:             " + in.name + "\n";
  out += "  model:            " + in.model + "\n";
  out += "  permission mode:  " + in.permission_mode + "\n";
  out += "  tools:            " +
         std::string(in.inherits_tools ? "inherited (no `tools` field)" : "from `tools`") + "\n";
  for (const std::string& t : in.tools) out += "    + " + t + "\n";
  for (const DroppedTool& d : in.dropped) out += "    - " + d.name + ": " + d.reason + "\n";
  if (!in.ignored_fields.empty()) {
    out += "  ignored fields:  ";
    for (const std::string& f : in.ignored_fields) out += " " + f;
    out += "\n";
  }
  return EscapeControl(out, "\n");
}

std::string InspectionJson(const Inspection& in) {
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + JsonString(items[i]);
    return out + "]";
  };
  std::string dropped = "[";
  for (size_t i = 0; i < in.dropped.size(); ++i) {
    dropped += (i ? ", " : "") + std::string("{\"name\": ") + JsonString(in.dropped[i].name) +
               ", \"reason\": " + JsonString(in.dropped[i].reason) + "}";
  }
  dropped += "]";
  return "{\"schema\": \"agentlint-inspect/v1\", \"path\": " + JsonString(in.path) +
         ", \"loads\": " + (in.loads ? "true" : "false") + ", \"problems\": " + list(in.problems) +
         ", \"name\": " + JsonString(in.name) + ", \"model\": " + JsonString(in.model) +
         ", \"permission_mode\": " + JsonString(in.permission_mode) +
         ", \"inherits_tools\": " + (in.inherits_tools ? "true" : "false") +
         ", \"tools\": " + list(in.tools) + ", \"dropped\": " + dropped +
         ", \"ignored_fields\": " + list(in.ignored_fields) + "}\n";
}

}  // namespace agentlint
