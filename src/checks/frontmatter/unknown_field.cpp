#include "checks/common.h"

namespace agentlint {

void CheckUnknownField(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const YamlNode& key = root->Key(i);
    if (!key.IsScalar()) continue;
    // Only keys that look like a misspelt field; other unknown keys are foreign-field.
    const std::string field = FieldTypoOf(ctx.knowledge, key.value);
    if (field.empty()) continue;
    out.Report(key.span, "`" + key.value + "` is not a Claude Code field; it is silently ignored",
               "did you mean `" + field + "`?");
  }
}

}  // namespace agentlint
