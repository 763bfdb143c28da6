#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckUnknownField(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  std::vector<std::string> names;
  for (const FieldInfo& field : ctx.knowledge.fields) names.push_back(field.name);
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const YamlNode& key = root->Key(i);
    if (!key.IsScalar() || ctx.knowledge.FindField(key.value) ||
        ctx.knowledge.foreign_keys.count(key.value) || key.value == "allowed-tools" ||
        key.value == "allowedTools") {
      continue;  // known, another framework's key (foreign-field), or allowed-tools-in-agent
    }
    std::string suggestion;
    for (const FieldInfo& field : ctx.knowledge.fields) {
      if (Contains(field.typos, key.value)) suggestion = field.name;
    }
    if (suggestion.empty()) suggestion = ClosestMatch(key.value, names);
    out.Report(key.span, "`" + key.value + "` is not a Claude Code field; it is ignored",
               suggestion.empty() ? "remove it, or check the spelling against the documented fields"
                                  : "did you mean `" + suggestion + "`?");
  }
}

}  // namespace agentlint
