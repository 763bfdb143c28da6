#include "output/inspect.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace agentlint {

std::string InspectionText(const Inspection& in) {
  const ClaudeAgent& a = in.agent;
  std::string out = in.path + "\n";
  out += "  loads:            " + std::string(a.loads ? "yes" : "no") + "\n";
  if (!a.loads) out += "    - " + a.why_not + "\n";
  out += "  name:             " + a.name + "\n";
  if (!a.registered_as.empty()) out += "  registered as:    " + a.registered_as + "\n";
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
  const auto fields = [&out](const char* label, const std::vector<std::string>& names) {
    if (names.empty()) return;
    out += label;
    for (const std::string& f : names) out += " " + f;
    out += "\n";
  };
  if (in.omits_instructions) {
    out += "  instructions:     none (`omitClaudeMd`)\n";
  } else if (!in.instructions.empty()) {
    out += "  instructions:     the project's, given with the prompt\n";
    for (const std::string& path : in.instructions) out += "    + " + path + "\n";
  }
  fields("  ignored fields:  ", a.ignored_fields);
  fields("  invalid values:  ", a.invalid_fields);
  fields("  unknown fields:  ", a.unknown_fields);
  if (!in.claude_code.empty()) out += "  (as Claude Code " + in.claude_code + " does it)\n";
  return EscapeControl(out, "\n");
}

std::string InspectionJson(const Inspection& in) {
  const ClaudeAgent& a = in.agent;
  using Json = nlohmann::ordered_json;
  Json dropped = Json::array();
  for (const DroppedTool& d : a.dropped)
    dropped.push_back({{"name", d.name}, {"reason", d.reason}});
  const auto text_or_null = [](bool present, const std::string& text) {
    return present ? Json(text) : Json(nullptr);
  };
  const Json out = {{"schema", "agentlint-inspect/v2"},
                    {"path", in.path},
                    {"claude_code", in.claude_code},
                    {"loads", a.loads},
                    {"why_not", text_or_null(!a.loads, a.why_not)},
                    {"name", a.name},
                    {"registered_as", text_or_null(!a.registered_as.empty(), a.registered_as)},
                    {"description", text_or_null(a.loads, a.description)},
                    {"listed", a.loads},
                    {"spawns", a.spawns},
                    {"spawn_error", text_or_null(a.loads && !a.spawns, a.spawn_error)},
                    {"model", in.model_written},
                    {"model_sent", a.model},
                    {"model_id", a.model_id},
                    {"permission_mode", in.permission_mode},
                    {"inherits_tools", a.inherits_tools},
                    {"tools", a.tools},
                    {"dropped", dropped},
                    {"ignored_fields", a.ignored_fields},
                    {"invalid_fields", a.invalid_fields},
                    {"unknown_fields", a.unknown_fields},
                    {"instructions", in.instructions}};
  // Invalid UTF-8 from a file becomes U+FFFD rather than an exception.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace agentlint
