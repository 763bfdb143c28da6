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
}

}  // namespace agentlint
