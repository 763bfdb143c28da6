#include <set>

#include "checks/common.h"

namespace agentlint {

void CheckDuplicateTool(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    std::set<std::string> seen;
    for (size_t i = 0; i < list.entries.size(); ++i) {
      const ToolEntry& entry = list.entries[i];
      if (entry.name.empty()) continue;
      if (seen.insert(CanonicalToolName(ctx.knowledge, entry, false)).second) continue;
      Diagnostic& d =
          out.Report(entry.span, "`" + entry.name + "` is listed twice in `" + field + "`",
                     "remove the repeated entry");
      d.fix = Fix{
          "remove the repeated entry", {RemoveToolEntry(list, i, ctx.doc.source().text())}, true};
    }
  }
}

}  // namespace agentlint
