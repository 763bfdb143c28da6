#include "core/check.h"

namespace agentlint {

void CheckUnreadableFile(const FileContext& ctx, Reporter& out) {
  const std::string& error = ctx.doc.origin().read_error;
  if (error.empty()) return;
  out.Report({0, 0}, "cannot read the file: " + error,
             "check the path and its permissions; files over the size limit are not read");
}

}  // namespace agentlint
