#include "checks/common.h"
#include "core/check.h"

namespace agentlint {

void CheckUnclosedFrontMatter(const FileContext& ctx, Reporter& out) {
  const FrontMatterBlock& fm = ctx.doc.front_matter();
  if (!fm.present || fm.closed) return;
  out.Report(fm.open_fence, "the front matter is never closed by a `---` line" + UnreadSuffix(ctx),
             "add a line holding exactly `---` after the last front-matter field");
}

}  // namespace agentlint
