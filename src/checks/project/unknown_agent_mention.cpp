#include <re2/re2.h>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckUnknownAgentMention(const ProjectContext& ctx, ProjectReporter& out) {
  static const RE2 kHandoffLine(R"((?i)\bhand(?:-| )?off to:?\s*\**\s*@)");
  static const RE2 kDelegate(
      R"((?i)\b(?:delegate|hand(?:-| )?off|route|escalate)s?\b[^.;:\n]{0,40}?\bto\s+(?:the\s+)?`?@?([a-z0-9]+(?:-[a-z0-9]+)+)`?(?:\s+(?:agent|subagent))?)");
  for (const AgentDoc* doc : ctx.project.docs()) {
    if (doc->dialect() != Dialect::kClaude || !doc->front_matter().closed) continue;
    const std::vector<std::string> known = KnownAgents(ctx, *doc);
    // Agent names of a project share a shape: `manager-git` beside `manager-spec`.
    const auto agent_shaped = [&](const std::string& name) {
      const std::string head = name.substr(0, name.find('-') + 1);
      for (const std::string& k : known) {
        if (k.size() > head.size() && k.compare(0, head.size(), head) == 0) return true;
      }
      return false;
    };
    std::vector<std::string> reported;
    const auto report = [&](Span span, const std::string& name, const std::string& how) {
      if (IsKnownAgent(known, name) || Contains(reported, name)) return;
      reported.push_back(name);
      out.Report(*doc, span, how + " `" + name + "`, but no agent of that name exists here",
                 AgentHint(ctx, *doc, name));
    };
    // @name and @agent-name mentions that look like agent names (with a hyphen); handoff lines
    // are unknown-agent-reference.
    for (const Mention& mention : doc->body().mentions) {
      std::string name = mention.name;
      if (name.rfind("agent-", 0) == 0) name = name.substr(6);
      if (name.find('-') == std::string::npos || name != Lower(name)) continue;
      if (!agent_shaped(name) && mention.name.rfind("agent-", 0) != 0) continue;
      const size_t line_start =
          doc->source().LineStart(doc->source().Locate(mention.span.begin).line);
      const std::string_view before = SpanText(*doc, {line_start, mention.span.end});
      if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kHandoffLine)) continue;
      report(mention.span, name, "the body mentions");
    }
    // "delegate to x" in prose.
    for (const ProseLine& line : ProseLines(*doc)) {
      re2::StringPiece input(line.text.data(), line.text.size());
      re2::StringPiece name;
      while (RE2::FindAndConsume(&input, kDelegate, &name)) {
        const size_t at = line.span.begin + static_cast<size_t>(name.data() - line.text.data());
        if (doc->source().text()[at > 0 ? at - 1 : at] == '@') continue;  // a mention, above
        // "the x agent" names an agent; otherwise the name must look like one of the project's
        // agent names ("route to dead-letter" is a queue, "delegate to `some-skill`" a skill).
        const std::string found(name.data(), name.size());
        const bool marked = RE2::PartialMatch(
            std::string(SpanText(*doc, {at + name.size(), at + name.size() + 12})),
            R"(^`?\s+(sub)?agent\b)");
        if (!marked && !agent_shaped(found)) continue;
        report({at, at + name.size()}, found, "the body delegates to");
      }
    }
  }
}

}  // namespace agentlint
