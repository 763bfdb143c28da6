#include "checks/common.h"

namespace agentlint {

void CheckMalformedToolEntry(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    for (const ToolEntry& entry : list.entries) {
      if (entry.name.empty()) {
        out.Report(entry.span,
                   "this item of `" + std::string(field) + "` is not text; Claude Code ignores it",
                   "write the tool's name");
      } else if (entry.quoted && list.from_string) {
        const std::string bare = entry.name.substr(1, entry.name.size() - 2);
        out.Report(entry.span,
                   "`" + entry.name +
                       "` is quoted inside a comma-separated string: the quotes "
                       "stay part of the name, so Claude Code drops it",
                   "write `" + bare + "` without quotes");
      }
    }
  }
}

}  // namespace agentlint
