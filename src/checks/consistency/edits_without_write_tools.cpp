#include <re2/re2.h>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {
const Regex kEdit(
    R"(^(?:\s*(?:[-*+]|\d+[.)])\s+)?(?:\*\*)?(Create|Write|Update|Modify|Edit|Save|Append|Add|Generate|Rewrite|Refactor|Apply|Patch|Implement)\b([^.\n]{0,80}?)\b(files?|\S+\.(?:py|ts|tsx|js|jsx|md|json|ya?ml|go|rs|java|rb|sql|toml|css|html|sh|cpp|h|c|cs|kt|swift))\b)");
}  // namespace

void CheckEditsWithoutWriteTools(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc)) return;
  for (const char* tool : {"Write", "Edit", "NotebookEdit"}) {
    if (AgentHasTool(doc, ctx.knowledge, tool)) return;
  }
  // An instruction that starts with a file-changing verb and names a file or a path.
  for (const ProseLine& line : ProseLines(ctx)) {
    re2::StringPiece input(line.text.data(), line.text.size());
    std::string verb, middle, object;
    if (!RE2::PartialMatch(input, kEdit, &verb, &middle, &object)) continue;
    if (middle.find(" report") != std::string::npos || middle.find("summary") != std::string::npos)
      continue;
    out.Report(line.span,
               "the body tells the agent to " + Lower(verb) +
                   " files, but it has no `Write`, `Edit` or `NotebookEdit`",
               "add `Write` and `Edit` to " + FieldRef(doc, "tools") +
                   ", or have the agent return the change for its caller to apply");
    return;
  }
}

}  // namespace agentlint
