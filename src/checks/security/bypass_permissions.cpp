#include "checks/common.h"

namespace agentlint {

void CheckBypassPermissions(const FileContext& ctx, Reporter& out) {
  const YamlNode* mode = ScalarField(ctx.doc, "permissionMode");
  if (!mode || mode->value != "bypassPermissions") return;
  out.Report(
      mode->span,
      "`bypassPermissions` skips every permission prompt, including writes to .git and .claude",
      "prefer `acceptEdits` or `default`, and scope risky commands with `PreToolUse` hooks");
}

}  // namespace agentlint
