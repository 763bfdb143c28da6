#include <re2/re2.h>

#include <map>
#include <tuple>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

// Structured handoffs to other agents: `Agent(x)` in `tools`, and in the body a handoff line,
// `subagent_type="x"` or `Agent(x)`. Taken from each file into its summary; the names are
// judged once every agent of the project is known.
namespace {
const ScanPattern kReferenceCue(R"((?i:off[ -]to)|subagent_type|Agent\(|Task\()");

const Regex kHandoff(
    R"((?i)\bhand(?:-| )?off to:?\s*\**\s*@(?:agent-)?([a-z0-9][a-z0-9_-]*[a-z0-9]))");
const Regex kSubagentType(R"re(\bsubagent_type\s*[=:]\s*["']([A-Za-z0-9][A-Za-z0-9 _:-]*)["'])re");
const Regex kAgentCall(R"(\b(?:Agent|Task)\(\s*([a-z0-9][a-z0-9-]*)\s*\))");
const Regex kToolCall(R"((?:Agent|Task)\((.*)\))");
}  // namespace

void SummarizeAgentReferences(const FileContext& ctx, AgentSummary& summary) {
  const AgentDoc& doc = ctx.doc;
  if (doc.dialect() != Dialect::kClaude || !doc.front_matter().closed) return;
  for (const ToolEntry& entry : doc.Tools("tools").entries) {
    std::string inside;
    if (!RE2::FullMatch(entry.name, kToolCall, &inside)) continue;
    size_t start = 0;
    while (start <= inside.size()) {
      size_t comma = inside.find(',', start);
      if (comma == std::string::npos) comma = inside.size();
      const std::string name(Trim(std::string_view(inside).substr(start, comma - start)));
      if (!name.empty())
        summary.references.push_back(
            {name, "`tools` allows spawning", MakeAnchor(doc.source(), entry.span)});
      start = comma + 1;
    }
  }
  const std::string_view body = SpanText(doc, doc.body().span);
  // Most bodies hold no reference at all: the file's one pass tells whether the fixed parts of
  // the patterns occur anywhere in it before they are run.
  if (!Saw(ctx, kReferenceCue)) return;
  // The two case-sensitive patterns' fixed parts are looked for first (memchr speed): the pass
  // tells only that one of the three cues occurs. kHandoff starts with a literal RE2 skips to.
  const bool subagent_type = body.find("subagent_type") != std::string_view::npos;
  const bool call =
      body.find("Agent(") != std::string_view::npos || body.find("Task(") != std::string_view::npos;
  for (const auto& [pattern, how, present] :
       {std::tuple<const RE2*, const char*, bool>{&kHandoff.get(), "the body hands off to", true},
        {&kSubagentType.get(), "`subagent_type` names", subagent_type},
        {&kAgentCall.get(), "the body spawns", call}}) {
    if (!present) continue;
    re2::StringPiece input(body.data(), body.size());
    re2::StringPiece name;
    while (RE2::FindAndConsume(&input, *pattern, &name)) {
      const size_t at = doc.body().span.begin + static_cast<size_t>(name.data() - body.data());
      if (InHtmlComment(doc, at)) continue;
      summary.references.push_back({std::string(name.data(), name.size()), how,
                                    MakeAnchor(doc.source(), {at, at + name.size()})});
    }
  }
}

void CheckUnknownAgentReference(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    std::optional<KnownAgents> known;  // built only when the scope refers to something
    for (const AgentSummary* agent : agents) {
      for (const Reference& ref : agent->references) {
        if (ref.name.find(':') != std::string::npos) continue;  // a plugin's agent
        if (!known) known.emplace(ctx, agents);
        if (known->Knows(ref.name) || known->Unloaded(ref.name) == agent) continue;
        ReportUnknownAgent(*known, ref, out);
      }
    }
  }
}

}  // namespace agentlint
