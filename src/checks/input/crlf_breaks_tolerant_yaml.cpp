#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

void CheckCrlfBreaksTolerantYaml(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (doc.source().crlf_count() == 0 || doc.tolerant_lines().empty()) return;
  const TolerantLine& line = doc.tolerant_lines().front();
  Diagnostic& d = out.Report(
      line.value,
      "CRLF line endings and an unquoted `: ` in this value" +
          (ctx.claude && ctx.claude->loads ? UnreadSuffix(ctx) : ": " + std::string(kNotLoaded)),
      "use LF line endings, or quote the value");
  d.fix = CrlfToLf(doc.source());
}

}  // namespace agentlint
