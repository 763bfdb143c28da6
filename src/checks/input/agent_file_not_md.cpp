#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

// Claude Code 2.1.332 reads the files of .claude/agents whose names end in `.md`, spelt so, and
// no other (measured: `a.MD`, `a.markdown` and `a.txt` never load). Discovery lints such a file
// when it reads as an agent (core/discover), so that the agent its author meant is not lost in
// silence.
void CheckAgentFileNotMd(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const size_t slash = doc.path().find_last_of("/\\");
  const std::string name = doc.path().substr(slash == std::string::npos ? 0 : slash + 1);
  // Its folder as located (`a.MD` named inside .claude/agents is located by the absolute path).
  if (!MisnamedMarkdown(name) || !InClaudeAgentsFolder(doc.origin().Located(doc.path()))) return;
  const std::string stem = name.substr(0, name.rfind('.'));
  const std::string extension = name.substr(stem.size());
  out.Report({0, 0},
             "the file name ends in `" + extension +
                 "`, and Claude Code reads only `.md` files from .claude/agents" +
                 NotLoadedSuffix(ctx),
             "rename the file to `" + (EndsWith(stem, ".md") ? stem : stem + ".md") + "`");
}

}  // namespace agentlint
