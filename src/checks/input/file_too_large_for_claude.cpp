#include "checks/common.h"

namespace agentlint {

// Claude Code reads an agent file of at most Knowledge::max_agent_file_bytes (1 MiB in 2.1.332)
// and skips a larger one without a word outside its debug log.
void CheckFileTooLargeForClaude(const FileContext& ctx, Reporter& out) {
  const size_t limit = ctx.knowledge.max_agent_file_bytes;
  const size_t size = ctx.doc.source().text().size();
  if (limit == 0 || size <= limit) return;
  out.Report({0, 0},
             "the file is " + std::to_string(size) + " bytes, larger than Claude Code reads (" +
                 std::to_string(limit) + " bytes)" + NotLoadedSuffix(ctx),
             "move the bulk (reference listings, examples) into files the agent reads when it "
             "needs them, and keep the prompt short");
}

}  // namespace agentlint
