#include "checks/common.h"

namespace agentlint {

void CheckToolWrongCase(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    for (const ToolEntry& entry : ctx.doc.Tools(field).entries) {
      const ToolRef ref = ResolveTool(ctx.knowledge, entry.name, field[0] == 'd');
      if (ref.kind != ToolRef::kWrongCase) continue;
      Diagnostic& d = out.Report(entry.span,
                                 "`" + entry.name + "` does not match `" + ref.tool->name +
                                     "`; tool names are case-sensitive",
                                 "write `" + ref.tool->name + "`");
      if (!entry.quoted)
        d.fix = Fix{"write `" + ref.tool->name + "`", {{entry.span, ref.tool->name}}, true};
    }
  }
}

}  // namespace agentlint
