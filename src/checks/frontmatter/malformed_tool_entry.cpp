#include "checks/common.h"

namespace agentlint {

void CheckMalformedToolEntry(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const ToolList list = ctx.doc.Tools(field);
    if (!list.from_string) continue;
    for (const ToolEntry& entry : list.entries) {
      if (entry.name.empty()) {
        out.Report(entry.span, "empty entry in `" + std::string(field) + "`",
                   "remove the extra comma");
      } else if (entry.quoted) {
        out.Report(entry.span, "`" + entry.name + "` is quoted inside a comma-separated string",
                   "the quotes become part of the name for other loaders; write `" + entry.name +
                       "` without quotes");
      }
    }
  }
}

}  // namespace agentlint
