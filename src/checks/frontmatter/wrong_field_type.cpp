#include "checks/common.h"

namespace agentlint {

namespace {

bool IsInteger(const YamlNode& node) {
  if (!node.IsScalar() || node.style != ScalarStyle::kPlain || node.value.empty()) return false;
  size_t i = node.value[0] == '-' || node.value[0] == '+' ? 1 : 0;
  if (i == node.value.size()) return false;
  for (; i < node.value.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(node.value[i]))) return false;
  }
  return true;
}

bool IsBool(const YamlNode& node) {
  if (!node.IsScalar() || node.style != ScalarStyle::kPlain) return false;
  for (const char* word : {"true", "false", "True", "False", "TRUE", "FALSE"}) {
    if (node.value == word) return true;
  }
  return false;
}

bool IsStringLike(const YamlNode& node) { return node.IsScalar(); }

// "a string", "a list of strings", ... or "" when the node fits.
std::string Expected(FieldType type, const YamlNode& node) {
  switch (type) {
    case FieldType::kString:
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
      return IsBool(node) ? "" : "`true` or `false`";
    case FieldType::kPositiveInt:
      return IsInteger(node) ? "" : "a whole number";
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
    // Quoted numbers and booleans are strings in YAML; Claude Code drops them.
    const std::string expected = Expected(field->type, value);
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
