#include "checks/common.h"

namespace agentlint {

void CheckToolAllowedAndDisallowed(const FileContext& ctx, Reporter& out) {
  const ToolList allowed = ctx.doc.Tools("tools");
  const ToolList denied = ctx.doc.Tools("disallowedTools");
  for (const ToolEntry& deny : denied.entries) {
    const std::string name = CanonicalToolName(ctx.knowledge, deny, true);
    if (name.empty()) continue;
    for (const ToolEntry& allow : allowed.entries) {
      if (CanonicalToolName(ctx.knowledge, allow, true) != name) continue;
      Diagnostic& d = out.Report(allow.span,
                                 "`" + allow.name +
                                     "` is also in `disallowedTools`, which wins: the "
                                     "agent does not get it",
                                 "remove it from one of the two lists");
      d.related.push_back({MakeLocation(ctx.doc.source(), deny.span), "disallowed here"});
      break;
    }
  }
}

}  // namespace agentlint
