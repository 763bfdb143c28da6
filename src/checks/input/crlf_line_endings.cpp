#include "checks/common.h"

namespace agentlint {

void CheckCrlfLineEndings(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const FrontMatterBlock& fm = doc.front_matter();
  if (!fm.present || !doc.tolerant_lines().empty()) return;  // crlf-breaks-tolerant-yaml says more
  if (doc.source().text().substr(fm.open_fence.end, 2) != "\r\n") return;
  Diagnostic& d = out.Report(fm.open_fence, "the front matter uses CRLF line endings",
                             "GitHub Copilot rejects CRLF front matter; use LF line endings (in "
                             "git: `*.md text eol=lf` in .gitattributes)");
  d.fix = CrlfToLf(doc.source());
}

}  // namespace agentlint
