#include "core/check.h"

namespace agentlint {

void CheckMissingFrontMatter(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (doc.front_matter().present || !doc.origin().read_error.empty()) return;
  const size_t start = doc.source().has_bom() ? 3 : 0;
  if (const auto& misplaced = doc.front_matter().misplaced) {
    const bool indented = doc.source().Locate(misplaced->begin).column > 1;
    out.Report(*misplaced,
               indented ? "the front matter is indented, so it is not read as front matter"
                        : "the front matter does not start on the first line of the file",
               "move the `---` block to the very top of the file, unindented");
    return;
  }
  out.Report({start, start}, "the file has no front matter, so no tool loads it as an agent",
             "start the file with a `---` block holding at least `name` and `description`");
}

}  // namespace agentlint
