#include <re2/re2.h>

#include <cctype>
#include <optional>
#include <unordered_set>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {
const ScanPattern kDelegate(
    R"((?i)\b(?:delegate|hand(?:-| )?off|route|escalate)s?\b[^.;:\n]{0,40}?\bto\s+(?:the\s+)?`?@?([a-z0-9]+(?:-[a-z0-9]+)+)`?(?:\s+(?:agent|subagent))?)",
    R"((?i)\b(?:delegate|hand(?:-| )?off|route|escalate)s?\b)",
    R"((?i)(?:delegate|hand(?:-| )?off|route|escalate))");

const Regex kHandoffLine(R"((?i)\bhand(?:-| )?off to:?\s*\**\s*@)");
const Regex kMarked(R"(^`?\s+(sub)?agent\b)");
const Regex kDescriptionHandoff(
    R"((?i)(?:\b(?:use|invoke|call|launch|spawn|then|with|after|before|via)\s+(?:the\s+)?`?@?([a-z0-9]+(?:-[a-z0-9]+)+)`?\s+(?-i:(?:sub)?agent)\b|\b(?:delegate|hand(?:-| )?off|route|escalate)s?\s+(?:\w+\s+){0,4}?to\s+(?:the\s+)?`?@?([a-z0-9]+(?:-[a-z0-9]+)+)`?|(?:^|[\s(])@([a-z0-9]+(?:-[a-z0-9]+)+)\b))");

// True when a `-` in `text` is followed by a letter or digit (or a byte of a multibyte
// character: under `(?i)`, `[a-z]` also takes U+017F and U+212A): a text without one holds no
// hyphenated name, so kDelegate cannot match it. Far cheaper than the regex, on each line of a
// file that says "route" somewhere.
bool HoldsHyphenatedWord(std::string_view text) {
  for (size_t at = text.find('-'); at != std::string_view::npos; at = text.find('-', at + 1)) {
    if (at + 1 == text.size()) return false;
    const auto next = static_cast<unsigned char>(text[at + 1]);
    if (std::isalnum(next) || next >= 0x80) return true;
  }
  return false;
}

}  // namespace

// `@name` mentions and "delegate to x" in prose, kept as candidates; whether each names an agent
// of the project is judged when the project is known.
void SummarizeAgentMentions(const FileContext& ctx, AgentSummary& summary) {
  const AgentDoc& doc = ctx.doc;
  if (doc.dialect() != Dialect::kClaude || !doc.front_matter().closed) return;
  // @name and @agent-name mentions that look like agent names (with a hyphen); handoff lines are
  // unknown-agent-reference.
  for (const Mention& mention : doc.body().mentions) {
    std::string name = mention.name;
    const bool prefixed = name.rfind("agent-", 0) == 0;
    if (prefixed) name = name.substr(6);
    if (name.find('-') == std::string::npos || name != Lower(name)) continue;
    const size_t line_start = doc.source().LineStart(doc.source().Locate(mention.span.begin).line);
    const std::string_view before = SpanText(doc, {line_start, mention.span.end});
    if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kHandoffLine)) continue;
    summary.mentions.push_back(
        {name, "the body mentions", MakeAnchor(doc.source(), mention.span), prefixed});
  }
  // The description routes work too: "use the qa-tester agent after this one", "delegate to
  // schema-designer", "@api-designer". Read in the file's own text, so positions are exact.
  if (const YamlNode* description = doc.Field("description");
      description && description->IsScalar() && description->span.end > description->span.begin) {
    const std::string_view text = SpanText(doc, description->span);
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece used, delegated, at_name;
    while (RE2::FindAndConsume(&input, kDescriptionHandoff, &used, &delegated, &at_name)) {
      const re2::StringPiece name = !used.empty() ? used : !delegated.empty() ? delegated : at_name;
      if (name.empty()) break;
      const size_t at = description->span.begin + static_cast<size_t>(name.data() - text.data());
      summary.mentions.push_back({std::string(name.data(), name.size()),
                                  "the description hands off to",
                                  MakeAnchor(doc.source(), {at, at + name.size()}),
                                  /*marked=*/!used.empty() || !at_name.empty()});
    }
  }
  // "delegate to x" in prose.
  if (!Saw(ctx, kDelegate)) return;
  for (const ProseLine& line : ProseLines(ctx)) {
    if (!HoldsHyphenatedWord(line.text)) continue;
    ForEachMatch(line.text, kDelegate, [&](const re2::StringPiece* groups) {
      const re2::StringPiece name = groups[1];
      const size_t at = line.span.begin + static_cast<size_t>(name.data() - line.text.data());
      if (doc.source().text()[at > 0 ? at - 1 : at] == '@') return;  // a mention, above
      // "the x agent" names an agent; otherwise the name must look like one of the project's
      // agent names ("route to dead-letter" is a queue, "delegate to `some-skill`" a skill).
      const std::string_view after = SpanText(doc, {at + name.size(), at + name.size() + 12});
      const bool marked = RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), kMarked);
      summary.mentions.push_back({std::string(name.data(), name.size()), "the body delegates to",
                                  MakeAnchor(doc.source(), {at, at + name.size()}), marked});
    });
  }
}

void CheckUnknownAgentMention(const ProjectContext& ctx, ProjectReporter& out) {
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    std::optional<KnownAgents> known;  // built only when the scope mentions something
    for (const AgentSummary* agent : agents) {
      std::unordered_set<std::string> reported;  // each name once per file
      for (const Reference& mention : agent->mentions) {
        if (!known) known.emplace(ctx, agents);
        if (known->Knows(mention.name) || reported.count(mention.name)) continue;
        if (known->Unloaded(mention.name) == agent) continue;  // itself: its own findings say it
        // An unmarked word is taken for an agent only when it has an agent's shape, or when an
        // agent file of that name is there.
        if (!mention.marked && !known->SharesShape(mention.name) && !known->Unloaded(mention.name))
          continue;
        reported.insert(mention.name);
        ReportUnknownAgent(*known, mention, out);
      }
    }
  }
}

}  // namespace agentlint
