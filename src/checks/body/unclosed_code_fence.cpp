#include "checks/common.h"

namespace agentlint {

void CheckUnclosedCodeFence(const FileContext& ctx, Reporter& out) {
  for (const CodeBlock& block : ctx.doc.body().code_blocks) {
    if (!block.fenced || block.closed) continue;
    const SourceFile& source = ctx.doc.source();
    const int line = source.Locate(block.span.begin).line;
    out.Report({block.span.begin, source.LineContentEnd(line)},
               "this code fence is never closed: everything after it, headings included, is code",
               "close the block with a line of the same fence characters");
  }
}

}  // namespace agentlint
