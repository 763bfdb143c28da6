#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {
const ScanPattern kAsk(
    R"((?i)\b(ask (the )?users?|AskUserQuestion|ask for (clarification|confirmation|approval|permission)|)"
    R"(confirm with the user|check with the user|wait for (the )?user|interview the user|)"
    R"(ask (a few |some |any |the )?clarifying questions?|get (the )?user'?s? (approval|confirmation|sign-off)|)"
    R"(stop and wait for (answers|approval|confirmation|input|a reply|a response|the user))\b)");
// The instruction is for someone else: "so the main agent can ask the user", "the orchestrator
// asks for approval".
const LazyRegex kOtherAsker(
    R"((?i)\b(main (agent|conversation|thread|assistant)|orchestrator|parent( agent)?|caller|)"
    R"(coordinator|lead agent)\b[^.;]*$)");
// A line addressed to another party by a bold label naming it: "**Backend**: ask ...",
// "**QA agent**: ...". Labels that speak to this agent ("**Important**:", "**too many
// results**:", "**When scope is unclear**:") do not count.
const LazyRegex kLabel(R"(^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)([^*_]{1,40})(?:\*\*|__)\s*:)");
const LazyRegex kPartyLabel(
    R"(([A-Z][\w-]*( [A-Z][\w-]*){0,2})|((?i).*\b(agent|team|engineer|developer|designer|reviewer)s?))");
const LazyRegex kSelfLabel(
    R"((?i)(important|note|rule|always|never|step\b.*|tip|remember|warning|critical|required|must|)"
    R"(questions|clarification|scope|when\b.*|if\b.*))");
// "wait for the user to merge the PR": an action left to the user, which tells the agent not to
// take it; nothing is asked.
const LazyRegex kUserActs(
    R"((?i)^\s+to\s+(merge|review|approve|deploy|release|push|commit|publish|test|run|sign)\b)");
}  // namespace

void CheckAsksUserQuestions(const FileContext& ctx, Reporter& out) {
  if (!Saw(ctx, kAsk)) return;
  for (const ProseLine& line : ProseLines(ctx)) {
    re2::StringPiece input(line.text.data(), line.text.size());
    re2::StringPiece match;
    if (!RE2::PartialMatch(input, kAsk.re(), &match) || LooksLikeCaution(line.text)) continue;
    const re2::StringPiece before(line.text.data(),
                                  static_cast<size_t>(match.data() - line.text.data()));
    if (RE2::PartialMatch(before, kOtherAsker.get())) continue;
    const size_t end = static_cast<size_t>(match.data() + match.size() - line.text.data());
    const re2::StringPiece after(line.text.data() + end, line.text.size() - end);
    if (RE2::PartialMatch(after, kUserActs.get())) continue;
    std::string label;
    if (RE2::PartialMatch(input, kLabel.get(), &label) &&
        RE2::FullMatch(label, kPartyLabel.get()) && !RE2::FullMatch(label, kSelfLabel.get()))
      continue;
    const size_t at = line.span.begin + static_cast<size_t>(match.data() - line.text.data());
    out.Report({at, at + match.size()},
               "subagents cannot ask the user questions; this instruction cannot be followed",
               "have the agent state its open questions in its final report, for the main "
               "conversation to ask");
    return;
  }
}

}  // namespace agentlint
