#include <re2/re2.h>

#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

namespace {

// "Not a standalone agent", "this file is not an agent", "not meant to be invoked directly":
// the file says what it is not. "not an agent that edits code" describes an agent instead.
const Regex kNotAnAgent(
    R"((?i)\b(not (?:a|an) (?:standalone |real |actual |separate |invocable |callable )?(?:sub-?)?agent|not meant to be (?:invoked|used|run|called|spawned)(?: directly| as an? (?:sub-?)?agent)?)\b(\s+\w+)?)");

const RE2& NotAnAgent() { return kNotAnAgent; }

const Regex kQualified(R"((?i)^\s+(that|which|who|for|but|of|in|with|to)$)");
}  // namespace

void CheckDeclaredNotAnAgent(const FileContext& ctx, Reporter& out) {
  // Only what Claude Code really loads and lists: such a file is offered for delegation.
  if (!ctx.claude || !ctx.claude->loads) return;
  const YamlNode* description = ScalarField(ctx.doc, "description");
  if (!description) return;
  const std::string_view text = SpanText(ctx.doc, description->span);
  re2::StringPiece match;
  std::string next;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), NotAnAgent(), &match, &next))
    return;
  if (!next.empty() && RE2::FullMatch(next, kQualified)) return;
  const size_t at = description->span.begin + static_cast<size_t>(match.data() - text.data());
  const size_t length = match.size() - next.size();
  out.Report({at, at + length},
             "the description says this file is not an agent, but it sits in an agents folder: "
             "Claude Code lists it, can hand it work, and starts it with " +
                 std::string(ctx.claude->inherits_tools ? "every tool" : "its `tools`"),
             "move it out of the agents folder (for example to `.claude/docs/`) and point the "
             "agents at it with a Read instruction or an `@path` import in CLAUDE.md");
}

}  // namespace agentlint
