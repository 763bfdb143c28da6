#include "core/check.h"

namespace agentlint {

void CheckDuplicateKey(const FileContext& ctx, Reporter& out) {
  const auto& strict = ctx.doc.strict_yaml();
  if (!strict || !strict->ok) return;
  for (const YamlDuplicateKey& dup : strict->duplicate_keys) {
    const LineCol first = ctx.doc.source().Locate(dup.first.begin);
    out.Report(dup.duplicate,
               "`" + dup.key + "` is set twice (first on line " + std::to_string(first.line) +
                   "); Claude Code uses this later value and ignores the first",
               "keep one: other YAML readers reject the file, or keep the first value instead");
  }
}

}  // namespace agentlint
