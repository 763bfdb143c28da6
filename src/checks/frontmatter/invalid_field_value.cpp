#include <cmath>

#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

void CheckInvalidFieldValue(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  // Enumerations listed in rules/fields.yaml (model, color, permissionMode have their own
  // rules), and counts: each value as Claude Code matches it (core/claude.h).
  for (const FieldInfo& field : ctx.knowledge.fields) {
    const bool count = field.type == FieldType::kPositiveInt;
    if (field.values.empty() && !count) continue;
    const YamlNode* node = doc.Field(field.name);
    if (!node || !(node->IsScalar() || node->IsNull()) || ClaudeTakes(ctx.knowledge, field, *node))
      continue;
    if (count) {
      // Not a number at all (an empty value too) is wrong-field-type's.
      if (std::isnan(ClaudeCount(*node))) continue;
      const std::string least = FormatNumber(field.min);
      out.Report(node->span,
                 "`" + field.name + "` `" + node->value + "` is not a whole number of at least " +
                     least + "; Claude Code ignores it",
                 field.name == "maxTurns" ? "remove `maxTurns` for no limit"
                                          : "use " + least + " or more, or remove it");
      continue;
    }
    if (node->IsNull() || node->value.empty()) {
      const YamlNode* key = FieldKey(doc, field.name);  // an empty value has no place of its own
      out.Report(node->span.empty() && key ? key->span : node->span,
                 "`" + field.name + "` is empty; Claude Code ignores it",
                 "use " + JoinCode(field.values) + ", or remove it");
      continue;
    }
    const std::string guess = ClosestMatch(node->value, field.values);
    out.Report(node->span,
               "`" + field.name + "` `" + node->value + "` is not a valid value; it is ignored",
               guess.empty() ? "use " + JoinCode(field.values) : "did you mean `" + guess + "`?");
  }
  if (const YamlNode* prompt = ScalarField(doc, "initialPrompt")) {
    if (Trim(prompt->value).empty()) {
      out.Report(prompt->span, "`initialPrompt` is empty", "remove it or write the first prompt");
    }
  }
}

}  // namespace agentlint
