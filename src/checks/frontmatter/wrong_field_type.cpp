#include <cmath>

#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

namespace {

bool IsStringLike(const YamlNode& node) { return node.IsScalar(); }

// "a string", "a list of strings", ... or "" when the node fits. Booleans and counts are what
// Claude Code reads as such: `"true"` is true, `"5"` and `5 turns` are 5 (core/claude.h).
std::string Expected(const Knowledge& k, const FieldInfo& field, const YamlNode& node) {
  switch (field.type) {
    case FieldType::kString:
      // A list Claude Code reads as text (`effort: [high]`) is taken.
      if (!node.IsScalar() && !node.IsNull() && field.values_as_text && ClaudeTakes(k, field, node))
        return "";
      return IsStringLike(node) || node.IsNull() ? "" : "a string";
    case FieldType::kStringOrList: {
      if (IsStringLike(node) || node.IsNull()) return "";
      if (node.IsSequence()) {
        for (const YamlNode& item : node.children) {
          if (!item.IsScalar()) return "a comma-separated string or a list of strings";
        }
        return "";
      }
      return "a comma-separated string or a list of strings";
    }
    case FieldType::kBool:
      return ClaudeTakes(k, field, node) ? "" : "`true` or `false`";
    case FieldType::kPositiveInt:
      // A number Claude Code does not take (0, -1, 2.5) is invalid-field-value's; an empty
      // value leaves the field unset.
      return ClaudeTakes(k, field, node) || !std::isnan(ClaudeCount(node)) ? "" : "a whole number";
    case FieldType::kMapping:
      return node.IsMapping() || node.IsNull() || node.IsSequence() ? "" : "a mapping";
    case FieldType::kList:
      return node.IsSequence() || node.IsNull() ? "" : "a list";
    case FieldType::kAny:
      return "";
  }
  return "";
}

const char* Describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::kScalar:
      return node.style == ScalarStyle::kPlain ? "a plain value" : "a quoted string";
    case YamlKind::kSequence:
      return "a list";
    case YamlKind::kMapping:
      return "a mapping";
    case YamlKind::kAlias:
      return "an alias";
    case YamlKind::kNull:
      return "empty";
  }
  return "a value";
}

}  // namespace

void CheckWrongFieldType(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const FieldInfo* field = ctx.knowledge.FindField(root->Key(i).value);
    if (!field) continue;
    const YamlNode& value = root->Value(i);
    const std::string expected = Expected(ctx.knowledge, *field, value);
    if (expected.empty()) continue;
    const Span span = value.span.empty() ? root->Key(i).span : value.span;
    std::string help = "a value of the wrong type is ignored";
    if (field->name == "mcpServers")
      help = "write each server as a list item: `- name` or `- name: {type: ..., ...}`";
    // `name`, `description` and `hooks` of the wrong type keep the agent from loading.
    const bool stops =
        field->name == "name" || field->name == "description" || field->name == "hooks";
    out.Report(span,
               "`" + field->name + "` must be " + expected + ", not " + Describe(value) +
                   (stops ? NotLoadedSuffix(ctx) : ""),
               help);
  }
}

}  // namespace agentlint
