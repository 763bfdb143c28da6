#include <re2/re2.h>

#include "checks/common.h"
#include "core/claude.h"

namespace agentlint {

namespace {
const Regex kTrigger(
    R"((?i)\b(use|used|uses|using|invoke|invoked|delegate|delegated|trigger|triggers|triggered|when|whenever|after|before|proactively|once|if|during|while)\b)");
const Regex kOtherLanguages(
    R"((?i)(utilis|quand|lorsqu|après|apres|avant|usar|cuando|después|despues|antes|verwend|wenn|nutze|quando|após|когда|после|перед|использ|делегир|запуска|вызыва))");
}  // namespace

// The main conversation picks a subagent from its description: one that says what the agent
// does but never when to use it gets picked by guesswork. Off by default: collections of
// agents routinely describe only what each one knows.
void CheckDescriptionWithoutTrigger(const FileContext& ctx, Reporter& out) {
  if (!ctx.claude || !ctx.claude->loads) return;
  const YamlNode* description = ScalarField(ctx.doc, "description");
  if (!description || description->value.empty()) return;
  // The same cues in the other languages agent files are written in (word starts, as RE2's
  // word boundaries are ASCII-only): "Utiliser ... quand", "Делегируй, когда", "Usar cuando".
  if (RE2::PartialMatch(description->value, kTrigger) ||
      RE2::PartialMatch(description->value, kOtherLanguages))
    return;
  out.Report(description->span,
             "the description says what the agent does, not when to use it; Claude Code routes "
             "work to subagents by their description",
             "add when to use it, for example \"Use after every change to the API\" or \"Use "
             "proactively when a migration is written\"");
}

}  // namespace agentlint
