#include <re2/re2.h>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

void ReportMissing(const ProjectContext& ctx, ProjectReporter& out, const AgentDoc& doc, Span span,
                   const std::string& name, const std::string& how) {
  if (name.find(':') != std::string::npos || IsKnownAgent(KnownAgents(ctx, doc), name)) return;
  out.Report(doc, span, how + " `" + name + "`, but no agent of that name exists here",
             AgentHint(ctx, doc, name));
}

}  // namespace

void CheckUnknownAgentReference(const ProjectContext& ctx, ProjectReporter& out) {
  static const RE2 kHandoff(
      R"((?i)\bhand(?:-| )?off to:?\s*\**\s*@(?:agent-)?([a-z0-9][a-z0-9_-]*[a-z0-9]))");
  static const RE2 kSubagentType(
      R"re(\bsubagent_type\s*[=:]\s*["']([A-Za-z0-9][A-Za-z0-9 _:-]*)["'])re");
  static const RE2 kAgentCall(R"(\b(?:Agent|Task)\(\s*([a-z0-9][a-z0-9-]*)\s*\))");
  for (const AgentDoc* doc : ctx.project.docs()) {
    if (doc->dialect() != Dialect::kClaude || !doc->front_matter().closed) continue;
    // Agent(x) / Task(x) in `tools`.
    for (const ToolEntry& entry : doc->Tools("tools").entries) {
      std::string inside;
      if (!RE2::FullMatch(entry.name, R"((?:Agent|Task)\((.*)\))", &inside)) continue;
      size_t start = 0;
      while (start <= inside.size()) {
        size_t comma = inside.find(',', start);
        if (comma == std::string::npos) comma = inside.size();
        const std::string name(Trim(std::string_view(inside).substr(start, comma - start)));
        if (!name.empty())
          ReportMissing(ctx, out, *doc, entry.span, name, "`tools` allows spawning");
        start = comma + 1;
      }
    }
    // Handoff lines, subagent_type and Agent(x) in the body.
    const std::string_view body = SpanText(*doc, doc->body().span);
    // Most bodies hold no reference at all: look for the fixed parts before running patterns.
    const bool maybe = body.find("off to") != std::string_view::npos ||
                       body.find("subagent_type") != std::string_view::npos ||
                       body.find("Agent(") != std::string_view::npos ||
                       body.find("Task(") != std::string_view::npos ||
                       body.find("OFF TO") != std::string_view::npos ||
                       body.find("off-to") != std::string_view::npos ||
                       body.find("Off to") != std::string_view::npos;
    if (!maybe) continue;
    for (const auto& [pattern, how] :
         {std::pair<const RE2*, const char*>{&kHandoff, "the body hands off to"},
          {&kSubagentType, "`subagent_type` names"},
          {&kAgentCall, "the body spawns"}}) {
      re2::StringPiece input(body.data(), body.size());
      re2::StringPiece name;
      while (RE2::FindAndConsume(&input, *pattern, &name)) {
        const size_t at = doc->body().span.begin + static_cast<size_t>(name.data() - body.data());
        if (InHtmlComment(*doc, at)) continue;
        ReportMissing(ctx, out, *doc, {at, at + name.size()}, std::string(name.data(), name.size()),
                      how);
      }
    }
  }
}

}  // namespace agentlint
