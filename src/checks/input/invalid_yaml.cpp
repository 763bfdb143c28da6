#include "checks/common.h"
#include "core/check.h"

namespace agentlint {

void CheckInvalidYaml(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const auto& strict = doc.strict_yaml();
  if (!strict || strict->ok || strict->too_deep || doc.tolerant_yaml()) return;
  const size_t at = strict->error_offset;
  const size_t end = doc.source().LineContentEnd(doc.source().Locate(at).line);
  out.Report({at, std::max(at, end)},
             "the front matter is not valid YAML: " + strict->error + UnreadSuffix(ctx),
             "no loader can read these fields; quote values that contain `: ` or ` #`, and indent "
             "continuation lines (or use `description: |`)");
}

}  // namespace agentlint
