// Reads what each agent says about each topic of rules/conflicts.yaml (which choices it
// prescribes, which it rules out, which it merely lists) and reports agents of one project that
// steer the same codebase in different directions, and agents that contradict themselves.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "checks/common.h"

namespace agentlint {

namespace {

struct Stance {
  std::map<size_t, Span> prescribed;  // choice index -> first evidence
  std::map<size_t, Span> ruled_out;
  std::map<size_t, Span> exclusive;  // prescribed with "only", "must", "always"
};

// Words before a mention, in the same clause, that make it a prescription or a rejection.
const RE2& PrescribeBefore() {
  static const RE2 re(
      R"((?i)\b(use|uses|using|with|must use|always use|we use|prefer|prefers|standardi[sz]e on|built (?:with|on)|powered by|based on|via|follow|following|write|create|manage)\b[^.;!?()]{0,30}$)");
  return re;
}
const RE2& RuleOutBefore() {
  static const RE2 re(
      R"((?i)\b(not|no|never|avoid|without|instead of|rather than|don'?t|do not|stop using|replac\w*|migrat\w* (?:away )?from|deprecated|legacy|unlike)\b[^.;!?]{0,30}$)");
  return re;
}
const RE2& PrescribeAfter() {
  static const RE2 re(
      R"((?i)^(?:[\w ,&/-]{0,24}?\b)?(only|expert|specialist)\b|^\W{0,2}(orm|-only)\b)");
  return re;
}

struct ChoiceMention {
  size_t choice;
  size_t begin;  // offset in the line
  size_t end;
};

bool Match(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

std::vector<ChoiceMention> Mentions(std::string_view line, const ConflictTopic& topic) {
  std::vector<ChoiceMention> found;
  for (size_t c = 0; c < topic.choices.size(); ++c) {
    for (const auto& pattern : topic.choices[c].patterns) {
      re2::StringPiece input(line.data(), line.size());
      re2::StringPiece match;
      while (input.size() > 0 && RE2::PartialMatch(input, *pattern, &match)) {
        const size_t at = static_cast<size_t>(match.data() - line.data());
        found.push_back({c, at, at + match.size()});
        input.remove_prefix(
            static_cast<size_t>(match.data() + std::max<size_t>(1, match.size()) - input.data()));
      }
    }
  }
  return found;
}

// A list under a heading such as "Tech Stack", "Testing Stack" or "Constraints" declares what
// the project uses; so does a label line such as "**Testing**: Jest, Playwright".
bool StackSection(const AgentDoc& doc, size_t offset) {
  static const RE2 kStack(R"((?i)\b(stack|technolog\w*|tech|constraints|conventions|tooling)\b)");
  const Body& body = doc.body();
  for (int s = body.SectionAt(offset); s >= 0; s = body.sections[s].parent) {
    if (Match(body.headings[body.sections[s].heading].normalized, kStack)) return true;
  }
  return false;
}

// The offset just after a "Label:" prefix that declares a stack, or npos.
size_t StackLabelEnd(std::string_view line) {
  static const RE2 kLabel(
      R"((?i)(^\W{0,6}(?:[\w ]{0,20}\b)?(?:stack|testing|tests|test framework|database|orm|framework|package manager|migrations|tooling|runtime)\b\W{0,4}:\**))");
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece match;
  if (!RE2::PartialMatch(input, kLabel, &match)) return std::string_view::npos;
  return static_cast<size_t>(match.data() - line.data()) + match.size();
}

void ReadProse(const AgentDoc& doc, const ProseLine& prose, const ConflictTopic& topic,
               Stance& stance) {
  const std::string_view line = prose.text;
  const std::vector<ChoiceMention> mentions = Mentions(line, topic);
  if (mentions.empty()) return;
  static const RE2 kExclusive(R"((?i)\b(only|must|always|exclusively)\b)");
  const bool exclusive_line = Match(line, kExclusive);
  // A mention is ruled out after a negation or inside "(not X/Y)".
  static const RE2 kNegatedParen(R"((?i)^\(\s*(not|no|never|avoid)\b)");
  const auto ruled_out = [&](const ChoiceMention& m) {
    const std::string_view before =
        line.substr(m.begin > 60 ? m.begin - 60 : 0, std::min<size_t>(m.begin, 60));
    const size_t open = line.rfind('(', m.begin);
    const bool in_negated_paren = open != std::string_view::npos &&
                                  line.find(')', open) > m.begin &&
                                  Match(line.substr(open, m.begin - open), kNegatedParen);
    return in_negated_paren || Match(before, RuleOutBefore());
  };
  // Distinct choices that are not ruled out: two or more make a list of alternatives.
  std::vector<bool> seen(topic.choices.size(), false);
  size_t distinct = 0;
  for (const ChoiceMention& m : mentions) {
    if (!ruled_out(m) && !seen[m.choice]) {
      seen[m.choice] = true;
      ++distinct;
    }
  }
  const bool stack_list = prose.kind == ProseKind::kListItem && StackSection(doc, prose.span.begin);
  const size_t label_end = StackLabelEnd(line);
  for (const ChoiceMention& m : mentions) {
    const std::string_view before =
        line.substr(m.begin > 60 ? m.begin - 60 : 0, std::min<size_t>(m.begin, 60));
    const std::string_view after = line.substr(m.end, 40);
    const Span span{prose.span.begin + m.begin, prose.span.begin + m.end};
    if (ruled_out(m)) {
      stance.ruled_out.emplace(m.choice, span);
      continue;
    }
    // "SQLite, PostgreSQL or MySQL": several choices listed without an exclusive word.
    if (distinct >= 2 && !exclusive_line) continue;
    // "pytest/jest", "uv/pnpm": alternatives joined by a slash, one per language or setup.
    const bool slashed =
        (m.begin > 0 && line[m.begin - 1] == '/') || (m.end < line.size() && line[m.end] == '/');
    // "e.g. Vitest", "such as Jest": an example, not a choice.
    static const RE2 kExample(
        R"((?i)\b(e\.g\.|for example|for instance|such as|like|i\.e\.)[^.;!?]{0,40}$)");
    if (slashed || Match(before, kExample)) continue;
    const bool after_cue = Match(after, PrescribeAfter());
    const bool declared =
        stack_list || (label_end != std::string_view::npos && m.begin >= label_end);
    if (declared || after_cue || Match(before, PrescribeBefore())) {
      stance.prescribed.emplace(m.choice, span);
      static const RE2 kOnlyAfter(R"((?i)^\W{0,2}(only|-only)\b)");
      static const RE2 kMustBefore(R"((?i)\b(must|always|exclusively)\b[^.;!?]{0,20}$)");
      if (Match(after, kOnlyAfter) || Match(before, kMustBefore))
        stance.exclusive.emplace(m.choice, span);
    }
  }
}

// Commands, imports and lock files: prescriptions wherever they appear, unless the text warns
// against them.
void ReadCommands(const AgentDoc& doc, const ConflictTopic& topic, Stance& stance) {
  const Span body = doc.body().span;
  const std::string_view text = SpanText(doc, body);
  for (size_t c = 0; c < topic.choices.size(); ++c) {
    for (const auto& command : topic.choices[c].commands) {
      re2::StringPiece input(text.data(), text.size());
      re2::StringPiece match;
      if (!RE2::PartialMatch(input, *command, &match)) continue;
      const size_t at = body.begin + static_cast<size_t>(match.data() - text.data());
      const int section = doc.body().SectionAt(at);
      if (InHtmlComment(doc, at)) continue;
      if (section >= 0 &&
          LooksLikeCaution(doc.body().headings[doc.body().sections[section].heading].normalized)) {
        continue;
      }
      const int line = doc.source().Locate(at).line;
      if (LooksLikeCaution(doc.source().LineText(line))) continue;
      stance.prescribed.emplace(c, Span{at, at + match.size()});
    }
  }
}

Stance Read(const AgentDoc& doc, const std::vector<ProseLine>& prose, const ConflictTopic& topic) {
  Stance stance;
  const std::string_view body = SpanText(doc, doc.body().span);
  if (topic.any && !topic.any->Match(re2::StringPiece(body.data(), body.size()), nullptr))
    return stance;
  ReadCommands(doc, topic, stance);
  for (const ProseLine& line : prose) {
    if (LooksLikeCaution(line.section)) continue;
    ReadProse(doc, line, topic, stance);
  }
  // A choice both prescribed and ruled out by the same file is reported as such, not used.
  return stance;
}

std::string FileName(const AgentDoc& doc) {
  const size_t slash = doc.path().rfind('/');
  return slash == std::string::npos ? doc.path() : doc.path().substr(slash + 1);
}

Location Where(const AgentDoc& doc, Span span) { return MakeLocation(doc.source(), span); }

void CheckScope(const ProjectContext& ctx, ProjectReporter& out,
                const std::vector<const AgentDoc*>& docs) {
  // The prose index of each agent, built once for all topics.
  std::vector<std::vector<ProseLine>> prose;
  for (const AgentDoc* doc : docs) prose.push_back(ProseLines(*doc));
  for (const ConflictTopic& topic : ctx.knowledge.conflict_topics) {
    std::vector<Stance> stances;
    for (size_t i = 0; i < docs.size(); ++i) stances.push_back(Read(*docs[i], prose[i], topic));
    for (size_t a = 0; a < docs.size(); ++a) {
      const Stance& mine = stances[a];
      // Itself: "SQLite only" and elsewhere PostgreSQL, or a choice prescribed and ruled out.
      for (const auto& [choice, span] : mine.exclusive) {
        for (const auto& [other, other_span] : mine.prescribed) {
          if (other == choice) continue;
          Diagnostic& d = out.Report(*docs[a], span,
                                     "this agent requires " + topic.choices[choice].name +
                                         " only, but also prescribes " + topic.choices[other].name +
                                         " (" + topic.title + ")",
                                     "keep one " + topic.title + " in this agent's instructions");
          d.related.push_back(
              {Where(*docs[a], other_span), topic.choices[other].name + " prescribed here"});
          break;
        }
      }
      // Other agents of the scope.
      std::vector<std::pair<size_t, Span>> conflicts;  // other doc, its evidence
      std::string mine_text;
      Span mine_span{};
      std::string theirs_name;
      for (size_t b = 0; b < docs.size(); ++b) {
        if (a == b) continue;
        const Stance& theirs = stances[b];
        if (mine.prescribed.size() == 1 && theirs.prescribed.size() == 1 &&
            mine.prescribed.begin()->first != theirs.prescribed.begin()->first) {
          mine_text = "prescribes " + topic.choices[mine.prescribed.begin()->first].name;
          mine_span = mine.prescribed.begin()->second;
          theirs_name = topic.choices[theirs.prescribed.begin()->first].name;
          conflicts.push_back({b, theirs.prescribed.begin()->second});
          continue;
        }
        for (const auto& [choice, span] : theirs.prescribed) {
          const auto ruled = mine.ruled_out.find(choice);
          if (ruled == mine.ruled_out.end() || mine.prescribed.count(choice)) continue;
          mine_text = "rules out " + topic.choices[choice].name;
          mine_span = ruled->second;
          theirs_name = topic.choices[choice].name;
          conflicts.push_back({b, span});
          break;
        }
      }
      if (conflicts.empty()) continue;
      std::string others;
      for (size_t i = 0; i < conflicts.size() && i < 3; ++i) {
        others += std::string(i ? ", " : "") + "`" + FileName(*docs[conflicts[i].first]) + "`";
      }
      if (conflicts.size() > 3) others += " and " + std::to_string(conflicts.size() - 3) + " more";
      Diagnostic& d = out.Report(*docs[a], mine_span,
                                 "conflicting guidance on the " + topic.title + ": this agent " +
                                     mine_text + ", but " + others + " prescribe" +
                                     (conflicts.size() == 1 ? "s " : " ") + theirs_name,
                                 "agree on one choice of " + topic.title +
                                     " across the project's agents, or make each "
                                     "agent's scope explicit");
      for (const auto& [b, span] : conflicts) {
        d.related.push_back({Where(*docs[b], span), "`" + FileName(*docs[b]) + "` prescribes " +
                                                        std::string(SpanText(*docs[b], span))});
      }
    }
  }
}

}  // namespace

void CheckConflictingGuidance(const ProjectContext& ctx, ProjectReporter& out) {
  // Agents steer one codebase when they belong to one project: the agents folders of one
  // repository (.claude/agents and the agents folders of other tools' dot-folders beside it) or
  // one plugin. Collections of agents in plain folders are one agent per technology on purpose.
  std::map<std::string, std::vector<const AgentDoc*>> projects;
  for (const auto& [scope, docs] : ctx.project.scopes()) {
    if (docs.empty() || !docs.front()->origin().scope_is_agent_root) continue;
    const std::filesystem::path root(scope);
    const std::string parent = root.parent_path().filename().string();
    const std::string key =
        !parent.empty() && parent[0] == '.' ? root.parent_path().parent_path().string() : scope;
    for (const AgentDoc* doc : docs) projects[key].push_back(doc);
  }
  for (auto& [key, docs] : projects) {
    std::sort(docs.begin(), docs.end(),
              [](const AgentDoc* a, const AgentDoc* b) { return a->path() < b->path(); });
    CheckScope(ctx, out, docs);
  }
}

}  // namespace agentlint
