#include "checks/common.h"

namespace agentlint {

void CheckForeignField(const FileContext& ctx, Reporter& out) {
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  std::vector<std::string> keys;
  const YamlNode* first = nullptr;
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const YamlNode& key = root->Key(i);
    if (!key.IsScalar() || !ctx.knowledge.foreign_keys.count(key.value)) continue;
    if (!first) first = &key;
    keys.push_back("`" + key.value + "` (" + ctx.knowledge.foreign_keys.at(key.value) + ")");
  }
  if (!first) return;
  std::string list;
  for (size_t i = 0; i < keys.size(); ++i) list += (i ? ", " : "") + keys[i];
  out.Report(first->span,
             std::string(keys.size() == 1 ? "key " : "keys ") + list + " " +
                 (keys.size() == 1 ? "is" : "are") + " ignored by Claude Code",
             "harmless; keep them if another tool reads them");
}

}  // namespace agentlint
