#include <string>

#include "core/check.h"

namespace agentlint {

void CheckInputLimitExceeded(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (doc.origin().over_file_limit) {
    out.Report({0, 0}, "not linted: the run is over its limit of files",
               "lint fewer paths at once, or raise `limits.files` in .agentlint.yaml");
    return;
  }
  if (doc.front_matter_too_large()) {
    out.Report(doc.front_matter().open_fence,
               "the front matter is over the size limit; it was not parsed",
               "agent front matter is a handful of short fields; move long text into the body");
  }
  if (doc.front_matter_too_deep()) {
    out.Report(doc.front_matter().open_fence,
               "the front matter nests too deeply; it was not parsed",
               "agent fields nest a few levels at most");
  }
  for (const BodyLimitHit& hit : doc.body().limit_hits) {
    const std::string more = hit.count > 1 ? " (and " + std::to_string(hit.count - 1) +
                                                 " more place" + (hit.count > 2 ? "s" : "") + ")"
                                           : "";
    if (hit.kind == BodyLimitHit::kDepth) {
      out.Report(hit.span,
                 "the body nests block quotes and lists " + std::to_string(hit.value) +
                     " levels deep, over the limit of " + std::to_string(hit.limit) +
                     "; what lies deeper is not checked" + more,
                 "a system prompt needs a few levels of nesting at most; raise "
                 "`limits.markdown-depth` in .agentlint.yaml if this is intended");
    } else {
      out.Report(hit.span,
                 "a line has " + std::to_string(hit.value) +
                     " `|` table cells, over the limit of " + std::to_string(hit.limit) +
                     "; it is read as text, not as a table row" + more,
                 "split the table, or raise `limits.table-cells` in .agentlint.yaml");
    }
  }
}

}  // namespace agentlint
