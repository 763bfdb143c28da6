#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckInvalidFieldValue(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  // Enumerations listed in rules/fields.yaml (model, color, permissionMode have their own rules).
  for (const FieldInfo& field : ctx.knowledge.fields) {
    if (field.values.empty()) continue;
    const YamlNode* node = ScalarField(doc, field.name);
    if (!node || Contains(field.values, node->value)) continue;
    const std::string guess = ClosestMatch(node->value, field.values);
    out.Report(node->span,
               "`" + field.name + "` `" + node->value + "` is not a valid value; it is ignored",
               guess.empty() ? "use " + JoinCode(field.values) : "did you mean `" + guess + "`?");
  }
  if (const YamlNode* turns = ScalarField(doc, "maxTurns")) {
    const std::string& v = turns->value;
    const bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits && v.find_first_not_of('0') == std::string::npos) {
      out.Report(turns->span, "`maxTurns` must be at least 1", "remove `maxTurns` for no limit");
    }
  }
  if (const YamlNode* prompt = ScalarField(doc, "initialPrompt")) {
    if (Trim(prompt->value).empty()) {
      out.Report(prompt->span, "`initialPrompt` is empty", "remove it or write the first prompt");
    }
  }
}

}  // namespace agentlint
