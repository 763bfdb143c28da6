#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {
const ScanPattern kAsk(
    R"((?i)\b(ask (the )?user|AskUserQuestion|ask for (clarification|confirmation)|confirm with the user|check with the user|wait for (the )?user)\b)");
}  // namespace

void CheckAsksUserQuestions(const FileContext& ctx, Reporter& out) {
  if (!Saw(ctx, kAsk)) return;
  for (const ProseLine& line : ProseLines(ctx)) {
    re2::StringPiece input(line.text.data(), line.text.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(input, kAsk.re(), &match) || LooksLikeCaution(line.text)) continue;
    const size_t at = line.span.begin + static_cast<size_t>(match.data() - line.text.data());
    out.Report({at, at + match.size()},
               "subagents cannot ask the user questions; this instruction cannot be followed",
               "have the agent state its open questions in its final report, for the main "
               "conversation to ask");
    return;
  }
}

}  // namespace agentlint
