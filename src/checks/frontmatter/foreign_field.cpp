#include "checks/common.h"
#include "core/claude.h"
#include "core/hooks.h"

namespace agentlint {

void CheckForeignField(const FileContext& ctx, Reporter& out) {
  constexpr size_t kListed = 10;  // the message names this many keys and counts the rest
  const YamlNode* root = ctx.doc.root();
  if (!root || !root->IsMapping()) return;
  std::string list;
  size_t count = 0;
  const YamlNode* first = nullptr;
  // A key holding hooks outside `hooks` is not ignored: Claude Code drops the agent for it
  // (malformed-hooks says so).
  const YamlNode* drops = nullptr;
  if (DroppedForHooks(ctx.claude)) {
    if (const auto problem = UnloadableHooks(*root, ctx.knowledge)) drops = problem->at;
  }
  for (size_t i = 0; i < root->MapSize(); ++i) {
    const YamlNode& key = root->Key(i);
    if (!key.IsScalar() || ctx.knowledge.FindField(key.value) || key.value == "allowed-tools" ||
        key.value == "allowedTools" || !FieldTypoOf(ctx.knowledge, key.value).empty()) {
      continue;  // a field, allowed-tools-in-agent, or unknown-field (a typo)
    }
    if (&key == drops) continue;
    // A plugin agent's loader reads these for its description.
    if (ctx.doc.origin().plugin_agent &&
        Contains(ctx.knowledge.plugin_description_fallbacks, key.value))
      continue;
    if (!first) first = &key;
    if (++count > kListed) continue;  // counted, not listed
    const auto origin = ctx.knowledge.foreign_keys.find(key.value);
    list += std::string(count > 1 ? ", " : "") + "`" + key.value + "`" +
            (origin != ctx.knowledge.foreign_keys.end() ? " (" + origin->second + ")" : "");
  }
  if (!first) return;
  if (count > kListed) list += " and " + std::to_string(count - kListed) + " more";
  out.Report(first->span,
             (count == 1 ? "key " : "keys ") + list +
                 (count == 1 ? " is not a Claude Code field and is ignored"
                             : " are not Claude Code fields and are ignored"),
             "harmless; keep them if another tool reads them");
}

}  // namespace agentlint
