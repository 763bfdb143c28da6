#include "checks/common.h"

namespace agentlint {

// Claude Code ends the front matter at the first `---` after the opening line, wherever it is:
// inside a description (`Reviews code --- fast`), inside a block scalar, or a line such as
// `--- notes`. Fields after it are not read, and the rest of the value becomes prompt.
void CheckEarlyFrontMatterEnd(const FileContext& ctx, Reporter& out) {
  const auto& cut = ctx.doc.claude_cut();
  if (!cut) return;
  out.Report(*cut,
             "this `---` ends the front matter for Claude Code: nothing after it is read as a "
             "field" +
                 NotLoadedSuffix(ctx),
             "Claude Code ends the front matter at the first `---`, even inside a value; write "
             "`—` or `-` here");
}

}  // namespace agentlint
