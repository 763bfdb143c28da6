#include "core/check.h"

namespace agentlint {

void CheckByteOrderMark(const FileContext& ctx, Reporter& out) {
  if (!ctx.doc.source().has_bom()) return;
  Diagnostic& d = out.Report({0, 3}, "the file starts with a UTF-8 byte-order mark",
                             "Claude Code before v2.1.239 silently ignores such agents; save the "
                             "file as UTF-8 without BOM");
  d.fix = Fix{"remove the byte-order mark", {{{0, 3}, ""}}, true};
}

}  // namespace agentlint
