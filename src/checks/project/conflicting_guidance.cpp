// Reads what each agent says about each topic of rules/conflicts.yaml (which choices it
// prescribes, which it rules out, which it merely lists) and reports agents of one project that
// steer the same codebase in different directions, and agents that contradict themselves.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "checks/common.h"
#include "core/discover.h"
#include "core/text.h"

namespace agentlint {

namespace {

// What one file says about one topic, as read: the first evidence of each choice.
struct Reading {
  std::map<size_t, Span> prescribed;  // choice index -> first evidence
  std::map<size_t, Span> ruled_out;
  std::map<size_t, Span> exclusive;  // prescribed with "only", "must", "always"
  std::map<size_t, Span> delegated;  // prescribed in a section addressed to another party
};

// Words before a mention, in the same clause, that make it a prescription or a rejection.
const TailCue kPrescribeBefore(
    R"(use|uses|using|with|must use|always use|we use|prefer|prefers|standardi[sz]e on|built (?:with|on)|powered by|based on|via|follow|following|write|create|manage)",
    ".;!?()", 30);
const TailCue kRuleOutBefore(
    R"(not|no|never|avoid|without|instead of|rather than|don'?t|do not|stop using|replac\w*|migrat\w* (?:away )?from|deprecated|legacy|unlike)",
    ".;!?(", 30);
// "must", "always" shortly before a prescribed choice: the only one allowed.
const TailCue kMustBefore("must|always|exclusively", ".;!?", 20);
// "e.g.", "such as" shortly before a mention: an example, not a choice ("like" also as the start
// of a longer word, as it always was read; "e.g." ends with a stop).
const TailCue kExampleBefore(R"(e\.g\.|for example|for instance|such as|like|i\.e\.)", ".;!?", 40,
                             {.word_end = false, .cue_holds_stops = true});

const Regex kPrescribeAfter(
    R"((?i)^(?:[\w ,&/-]{0,24}?\b)?(only|expert|specialist)\b|^\W{0,2}(orm|-only)\b)");

const RE2& PrescribeAfter() { return kPrescribeAfter; }

struct ChoiceMention {
  size_t choice;
  size_t begin;  // offset in the line
  size_t end;
};

bool Match(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// The patterns of one topic that occur somewhere in the body, by choice: only these are tried
// line by line (most bodies mention one or two choices of a topic, if any).
struct Present {
  std::vector<std::vector<const RE2*>> patterns;  // per choice
  std::vector<std::vector<int>> mention_ids;  // per choice: the patterns' Knowledge::mention_scan
  std::vector<std::vector<const RE2*>> commands;
};

// nullopt when the file mentions none of the topic's choices (the engine's one pass saw none).
std::optional<Present> PresentIn(const FileContext& ctx, const ConflictTopic& topic) {
  const auto hit = [&](const std::vector<int>& scan, size_t i) {
    return !ctx.knowledge_scan || i >= scan.size() || ctx.knowledge_scan->MayContain(scan[i]);
  };
  // Most files mention no choice of most topics: that is settled before anything is allocated.
  const auto any_hit = [&](const std::vector<int>& scan, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      if (hit(scan, i)) return true;
    }
    return false;
  };
  if (std::none_of(topic.choices.begin(), topic.choices.end(), [&](const ConflictChoice& choice) {
        return any_hit(choice.pattern_scan, choice.patterns.size()) ||
               any_hit(choice.command_scan, choice.commands.size());
      }))
    return std::nullopt;
  Present present;
  present.patterns.resize(topic.choices.size());
  present.mention_ids.resize(topic.choices.size());
  present.commands.resize(topic.choices.size());
  for (size_t c = 0; c < topic.choices.size(); ++c) {
    const ConflictChoice& choice = topic.choices[c];
    for (size_t i = 0; i < choice.patterns.size(); ++i) {
      if (hit(choice.pattern_scan, i)) {
        present.patterns[c].push_back(&choice.patterns[i]->get());
        present.mention_ids[c].push_back(i < choice.mention_scan.size() ? choice.mention_scan[i]
                                                                        : -1);
      }
    }
    for (size_t i = 0; i < choice.commands.size(); ++i) {
      if (hit(choice.command_scan, i)) present.commands[c].push_back(&choice.commands[i]->get());
    }
  }
  return present;
}

// `line_scan`: which of Knowledge::mention_scan's patterns occur in the line (a pattern it rules
// out is not tried).
std::vector<ChoiceMention> Mentions(std::string_view line, const Present& present,
                                    const ScanResult& line_scan) {
  std::vector<ChoiceMention> found;
  for (size_t c = 0; c < present.patterns.size(); ++c) {
    for (size_t k = 0; k < present.patterns[c].size(); ++k) {
      if (!line_scan.MayContain(present.mention_ids[c][k])) continue;
      const RE2* pattern = present.patterns[c][k];
      re2::StringPiece input(line.data(), line.size());
      re2::StringPiece match;
      while (input.size() > 0 && RE2::PartialMatch(input, *pattern, &match)) {
        const size_t at = static_cast<size_t>(match.data() - line.data());
        const size_t end = at + match.size();
        // Part of a compound word ("SQLite-incompatible types", "non-PostgreSQL"): it names a
        // property, not the choice itself, so "avoid SQLite-incompatible types" rules out nothing.
        const auto letter = [&](size_t i) {
          return i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]));
        };
        const bool compound = (end + 1 < line.size() && line[end] == '-' && letter(end + 1)) ||
                              (at >= 2 && line[at - 1] == '-' && letter(at - 2));
        if (!compound) found.push_back({c, at, end});
        input.remove_prefix(
            static_cast<size_t>(match.data() + std::max<size_t>(1, match.size()) - input.data()));
      }
    }
  }
  return found;
}

const Regex kStack(R"((?i)\b(stack|technolog\w*|tech|constraints|conventions|tooling)\b)");

// A list under a heading such as "Tech Stack", "Testing Stack" or "Constraints" declares what
// the project uses; so does a label line such as "**Testing**: Jest, Playwright".
bool StackSection(const AgentDoc& doc, size_t offset) {
  const Body& body = doc.body();
  for (int s = body.SectionAt(offset); s >= 0; s = body.sections[s].parent) {
    if (Match(body.headings[body.sections[s].heading].normalized, kStack)) return true;
  }
  return false;
}

const Regex kLabel(
    R"((?i)(^\W{0,6}(?:[\w ]{0,20}\b)?(?:stack|testing|tests|test framework|database|orm|framework|package manager|migrations|tooling|runtime)\b\W{0,4}:\**))");

// The offset just after a "Label:" prefix that declares a stack, or npos.
size_t StackLabelEnd(std::string_view line) {
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece match;
  if (!RE2::PartialMatch(input, kLabel, &match)) return std::string_view::npos;
  return static_cast<size_t>(match.data() - line.data()) + match.size();
}

// The sentence (or clause) of `line` around [begin, end): up to the nearest `.`, `;`, `!` or `?`
// followed by a space, either side.
std::string_view Sentence(std::string_view line, size_t begin, size_t end) {
  size_t from = begin;
  while (from > 0 && !(std::string_view(".;!?").find(line[from - 1]) != std::string_view::npos &&
                       from < line.size() && line[from] == ' '))
    --from;
  size_t to = end;
  while (to < line.size() && !(std::string_view(".;!?").find(line[to]) != std::string_view::npos &&
                               (to + 1 == line.size() || line[to + 1] == ' ')))
    ++to;
  return line.substr(from, to - from);
}

const Regex kExclusive(R"((?i)\b(only|must|always|exclusively)\b)");
const Regex kNegatedParen(R"((?i)^\(\s*(not|no|never|avoid)\b)");
const Regex kOnlyAfter(R"((?i)^\W{0,2}(only|-only)\b)");

void ReadProse(const AgentDoc& doc, const ProseLine& prose, const ConflictTopic& topic,
               const Present& present, const ScanResult& line_scan, Reading& stance) {
  const std::string_view line = prose.text;
  const std::vector<ChoiceMention> mentions = Mentions(line, present, line_scan);
  if (mentions.empty()) return;
  // A mention is ruled out after a negation or inside "(not X/Y)".
  const auto ruled_out = [&](const ChoiceMention& m) {
    const std::string_view before =
        line.substr(m.begin > 60 ? m.begin - 60 : 0, std::min<size_t>(m.begin, 60));
    const size_t open = line.rfind('(', m.begin);
    const bool in_negated_paren = open != std::string_view::npos &&
                                  line.find(')', open) > m.begin &&
                                  Match(line.substr(open, m.begin - open), kNegatedParen);
    return in_negated_paren || kRuleOutBefore.ClosesText(before);
  };
  // Distinct choices that are not ruled out: two or more make a list of alternatives.
  std::vector<bool> seen(topic.choices.size(), false);
  std::vector<bool> rejected(mentions.size());  // each mention judged once
  size_t distinct = 0;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const ChoiceMention& m = mentions[k];
    rejected[k] = ruled_out(m);
    if (!rejected[k] && !seen[m.choice]) {
      seen[m.choice] = true;
      ++distinct;
    }
  }
  // Read only when a mention gets that far (most lines are settled before).
  std::optional<bool> exclusive_line;
  std::optional<bool> stack_list;
  std::optional<size_t> label_end;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const ChoiceMention& m = mentions[k];
    const std::string_view before =
        line.substr(m.begin > 60 ? m.begin - 60 : 0, std::min<size_t>(m.begin, 60));
    const std::string_view after = line.substr(m.end, 40);
    const Span span{prose.span.begin + m.begin, prose.span.begin + m.end};
    // "In-memory SQLite for the unit tests": one role of the project's setup, not its choice.
    if (topic.roles && Match(Sentence(line, m.begin, m.end), topic.roles->get())) continue;
    if (rejected[k]) {
      stance.ruled_out.emplace(m.choice, span);
      continue;
    }
    // "SQLite, PostgreSQL or MySQL": several choices listed without an exclusive word.
    if (distinct >= 2) {
      if (!exclusive_line) exclusive_line = Match(line, kExclusive);
      if (!*exclusive_line) continue;
    }
    // "pytest/jest", "uv/pnpm": alternatives joined by a slash, one per language or setup.
    const bool slashed =
        (m.begin > 0 && line[m.begin - 1] == '/') || (m.end < line.size() && line[m.end] == '/');
    // "e.g. Vitest", "such as Jest": an example, not a choice.
    if (slashed || kExampleBefore.ClosesText(before)) continue;
    if (!stack_list)
      stack_list = prose.kind == ProseKind::kListItem && StackSection(doc, prose.span.begin);
    if (!label_end) label_end = StackLabelEnd(line);
    const bool declared =
        *stack_list || (*label_end != std::string_view::npos && m.begin >= *label_end);
    if (declared || Match(after, PrescribeAfter()) || kPrescribeBefore.ClosesText(before)) {
      stance.prescribed.emplace(m.choice, span);
      if (Match(after, kOnlyAfter) || kMustBefore.ClosesText(before))
        stance.exclusive.emplace(m.choice, span);
    }
  }
}

// What a section's title makes of what it says: nothing (a warning, an example), another
// party's business (a handoff to it), or this agent's own stance.
enum class SectionRole { kIgnored, kOtherParty, kOwn };
SectionRole RoleOf(std::string_view title) {
  if (LooksLikeCaution(title) || ExampleSection(title)) return SectionRole::kIgnored;
  return OtherPartySection(title) ? SectionRole::kOtherParty : SectionRole::kOwn;
}

// Commands, imports and lock files: prescriptions wherever they appear, unless the text warns
// against them or shows them as an example.
void ReadCommands(const AgentDoc& doc, const Present& present, Reading& stance) {
  const Span body = doc.body().span;
  const std::string_view text = SpanText(doc, body);
  for (size_t c = 0; c < present.commands.size(); ++c) {
    for (const RE2* command : present.commands[c]) {
      re2::StringPiece input(text.data(), text.size());
      re2::StringPiece match;
      // The first use that is an instruction.
      while (RE2::PartialMatch(input, *command, &match)) {
        const size_t at = body.begin + static_cast<size_t>(match.data() - text.data());
        input.remove_prefix(
            static_cast<size_t>(match.data() + std::max<size_t>(1, match.size()) - input.data()));
        if (InHtmlComment(doc, at) || InExample(doc, at)) continue;
        const int section = doc.body().SectionAt(at);
        const SectionRole role =
            section < 0
                ? SectionRole::kOwn
                : RoleOf(doc.body().headings[doc.body().sections[section].heading].normalized);
        if (role == SectionRole::kIgnored) continue;
        if (role == SectionRole::kOtherParty) {
          stance.delegated.emplace(c, Span{at, at + match.size()});
          continue;
        }
        const int line = doc.source().Locate(at).line;
        if (LooksLikeCaution(doc.source().LineText(line))) continue;
        stance.prescribed.emplace(c, Span{at, at + match.size()});
        break;
      }
    }
  }
}

// The prose lines of a file that every topic reads: those whose one pass over all topics'
// patterns found something (a line with none mentions no choice), outside ignored sections and
// examples, with the role of their section. Made once per file, when the first topic is found in
// it.
class ProseToRead {
 public:
  struct Candidate {
    size_t line;
    SectionRole role;
  };
  explicit ProseToRead(const FileContext& ctx) : ctx_(ctx) {}
  const std::vector<Candidate>& Candidates() {
    if (done_) return candidates_;
    done_ = true;
    const std::vector<ProseLine>& prose = ProseLines(ctx_);
    const PatternSet* set = ctx_.knowledge.mention_scan.get();
    scans_.resize(prose.size());
    // Consecutive lines share their section: its title is judged once per run of lines.
    const char* judged = nullptr;
    SectionRole role = SectionRole::kOwn;
    for (size_t i = 0; i < prose.size(); ++i) {
      const ProseLine& line = prose[i];
      if (set) scans_[i] = set->Scan(line.text);
      if (scans_[i].FoundNothing()) continue;
      if (line.section.data() != judged || judged == nullptr) {
        judged = line.section.data();
        role = RoleOf(line.section);
      }
      if (role == SectionRole::kIgnored || InExample(ctx_.doc, line.span.begin)) continue;
      candidates_.push_back({i, role});
    }
    return candidates_;
  }
  const ScanResult& Scan(size_t line) const { return scans_[line]; }

 private:
  const FileContext& ctx_;
  bool done_ = false;
  std::vector<ScanResult> scans_;
  std::vector<Candidate> candidates_;
};

Reading Read(const FileContext& ctx, const ConflictTopic& topic, ProseToRead& to_read) {
  const AgentDoc& doc = ctx.doc;
  const std::vector<ProseLine>& prose = ProseLines(ctx);
  Reading stance;
  const std::optional<Present> present = PresentIn(ctx, topic);
  if (!present) return stance;
  ReadCommands(doc, *present, stance);
  Reading theirs;  // what sections addressed to other parties prescribe to them
  // Only commands of the topic occur in the file: no prose line can mention a choice.
  const bool mentioned = std::any_of(present->patterns.begin(), present->patterns.end(),
                                     [](const auto& patterns) { return !patterns.empty(); });
  if (!mentioned) return stance;
  for (const ProseToRead::Candidate& c : to_read.Candidates()) {
    ReadProse(doc, prose[c.line], topic, *present, to_read.Scan(c.line),
              c.role == SectionRole::kOtherParty ? theirs : stance);
  }
  stance.delegated.insert(theirs.prescribed.begin(), theirs.prescribed.end());
  // A choice both prescribed and ruled out by the same file is reported as such, not used.
  return stance;
}

std::string FileName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// How another party is named in a message: an agent by its file name, the project's instructions
// by their path from the project's folder (`CLAUDE.md`, `docs/stack.md`, `../CLAUDE.md` for an
// enclosing project's). `cwd`: the working folder.
std::string PartyName(const AgentSummary& party, const std::filesystem::path& cwd) {
  if (!party.origin.instructions) return FileName(party.path);
  const std::optional<std::string> root = DotFolderRepository(party.origin.scope, cwd);
  if (!root) return FileName(party.path);
  const std::string relative =
      AbsoluteFolder(party.path, cwd).lexically_relative(*root).generic_string();
  return relative.empty() ? FileName(party.path) : relative;
}

std::vector<Evidence> ToEvidence(const AgentDoc& doc, const std::map<size_t, Span>& first) {
  std::vector<Evidence> out;
  for (const auto& [choice, span] : first)
    out.push_back({choice, MakeAnchor(doc.source(), span, doc.origin().reported),
                   std::string(SpanText(doc, span))});
  return out;
}

// Related locations shown per finding; the message counts the rest.
constexpr size_t kShown = 5;

void CheckScope(const ProjectContext& ctx, ProjectReporter& out, const std::filesystem::path& cwd,
                const std::vector<const AgentSummary*>& agents) {
  for (size_t t = 0; t < ctx.knowledge.conflict_topics.size(); ++t) {
    const ConflictTopic& topic = ctx.knowledge.conflict_topics[t];
    const auto stance = [&](size_t i) -> const Stance* {
      return t < agents[i]->stances.size() ? &agents[i]->stances[t] : nullptr;
    };
    // Indexes, so each agent is compared only with those that can disagree with it: agents
    // prescribing exactly one choice, and agents prescribing a choice, by choice.
    std::map<size_t, std::vector<size_t>> sole;
    std::map<size_t, std::vector<size_t>> prescribers;
    for (size_t i = 0; i < agents.size(); ++i) {
      const Stance* s = stance(i);
      if (!s) continue;
      if (s->prescribed.size() == 1) sole[s->prescribed.front().choice].push_back(i);
      for (const Evidence& e : s->prescribed) prescribers[e.choice].push_back(i);
    }
    for (size_t a = 0; a < agents.size(); ++a) {
      const Stance* mine = stance(a);
      if (!mine || (mine->prescribed.empty() && mine->ruled_out.empty())) continue;
      // Itself: "SQLite only" and elsewhere PostgreSQL, or a choice prescribed and ruled out.
      for (const Evidence& only : mine->exclusive) {
        for (const Evidence& other : mine->prescribed) {
          if (other.choice == only.choice) continue;
          Diagnostic& d =
              out.Report(only.at,
                         "this agent requires " + topic.choices[only.choice].name +
                             " only, but also prescribes " + topic.choices[other.choice].name +
                             " (" + topic.title + ")",
                         "keep one " + topic.title + " in this agent's instructions");
          d.related.push_back(
              {other.at.location, topic.choices[other.choice].name + " prescribed here"});
          break;
        }
      }
      // The other agents that can disagree, in path order.
      std::set<size_t> candidates;
      if (mine->prescribed.size() == 1) {
        for (const auto& [choice, list] : sole) {
          if (choice != mine->prescribed.front().choice)
            candidates.insert(list.begin(), list.end());
        }
      }
      for (const Evidence& ruled : mine->ruled_out) {
        if (mine->Prescribes(ruled.choice)) continue;
        const auto it = prescribers.find(ruled.choice);
        if (it != prescribers.end()) candidates.insert(it->second.begin(), it->second.end());
      }
      std::vector<std::pair<size_t, const Evidence*>> conflicts;  // other agent, its evidence
      std::string mine_text;
      const Anchor* mine_at = nullptr;
      for (size_t b : candidates) {
        if (a == b) continue;
        const Stance& theirs = *stance(b);
        // One of them hands the other's choice to someone: the project accepts both.
        const auto accepted = [&](size_t choice) {
          return mine->Delegates(choice) || theirs.Delegates(choice);
        };
        if (mine->prescribed.size() == 1 && theirs.prescribed.size() == 1 &&
            mine->prescribed.front().choice != theirs.prescribed.front().choice) {
          if (accepted(mine->prescribed.front().choice) ||
              accepted(theirs.prescribed.front().choice))
            continue;
          mine_text = "prescribes " + topic.choices[mine->prescribed.front().choice].name;
          mine_at = &mine->prescribed.front().at;
          conflicts.push_back({b, &theirs.prescribed.front()});
          continue;
        }
        for (const Evidence& e : theirs.prescribed) {
          const Evidence* ruled = mine->RulesOut(e.choice);
          if (!ruled || mine->Prescribes(e.choice) || accepted(e.choice)) continue;
          mine_text = "rules out " + topic.choices[e.choice].name;
          mine_at = &ruled->at;
          conflicts.push_back({b, &e});
          break;
        }
      }
      if (conflicts.empty()) continue;
      // "but `a.md`, `b.md` prescribe X", or, when they disagree among themselves too, "but
      // `a.md` prescribes X and `b.md` prescribes Y". At most three parties are named.
      std::vector<std::pair<size_t, std::vector<std::string>>> by_choice;  // in first-seen order
      for (size_t i = 0; i < conflicts.size() && i < 3; ++i) {
        const size_t choice = conflicts[i].second->choice;
        auto it = std::find_if(by_choice.begin(), by_choice.end(),
                               [&](const auto& entry) { return entry.first == choice; });
        if (it == by_choice.end()) it = by_choice.insert(by_choice.end(), {choice, {}});
        it->second.push_back("`" + PartyName(*agents[conflicts[i].first], cwd) + "`");
      }
      std::string others;
      for (size_t g = 0; g < by_choice.size(); ++g) {
        const auto& [choice, names] = by_choice[g];
        if (g > 0) others += g + 1 == by_choice.size() ? " and " : ", ";
        for (size_t n = 0; n < names.size(); ++n) others += (n ? ", " : "") + names[n];
        others += (names.size() == 1 ? " prescribes " : " prescribe ") + topic.choices[choice].name;
      }
      if (conflicts.size() > 3)
        others += " (and " + std::to_string(conflicts.size() - 3) + " more)";
      Diagnostic& d = out.Report(*mine_at,
                                 "conflicting guidance on the " + topic.title + ": this agent " +
                                     mine_text + ", but " + others,
                                 "agree on one choice of " + topic.title +
                                     " across the project's agents, or make each "
                                     "agent's scope explicit");
      for (size_t i = 0; i < conflicts.size() && i < kShown; ++i) {
        const auto& [b, evidence] = conflicts[i];
        d.related.push_back({evidence->at.location,
                             "`" + PartyName(*agents[b], cwd) + "` prescribes " + evidence->text});
      }
    }
  }
}

}  // namespace

// What each agent says about each topic, read once per file (in parallel, before the project
// is known).
void SummarizeStances(const FileContext& ctx, AgentSummary& summary) {
  const AgentDoc& doc = ctx.doc;
  // Only agents of one project are compared (not collections in plain folders).
  if (!doc.origin().scope_is_agent_root) return;
  const auto& topics = ctx.knowledge.conflict_topics;
  ProseToRead to_read(ctx);
  for (size_t t = 0; t < topics.size(); ++t) {
    if (ctx.stance_topics && (t >= ctx.stance_topics->size() || !(*ctx.stance_topics)[t])) {
      summary.stances.emplace_back();  // no linted file takes a stance on it
      continue;
    }
    const Reading reading = Read(ctx, topics[t], to_read);
    summary.stances.push_back(
        {ToEvidence(doc, reading.prescribed), ToEvidence(doc, reading.ruled_out),
         ToEvidence(doc, reading.exclusive), ToEvidence(doc, reading.delegated)});
  }
  // Topics past the last one it takes a stance on are left out: a summary kept for every file
  // of a large folder holds only what it says.
  while (!summary.stances.empty() && summary.stances.back().prescribed.empty() &&
         summary.stances.back().ruled_out.empty() && summary.stances.back().exclusive.empty() &&
         summary.stances.back().delegated.empty())
    summary.stances.pop_back();
  summary.stances.shrink_to_fit();
}

void CheckConflictingGuidance(const ProjectContext& ctx, ProjectReporter& out) {
  // Agents steer one codebase when they belong to one project: the agents folders of one
  // repository (.claude/agents and the agents folders of other tools' dot-folders beside it) or
  // one plugin. Collections of agents in plain folders are one agent per technology on purpose.
  std::map<std::string, std::vector<const AgentSummary*>> projects;
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    if (agents.empty() || !agents.front()->origin.scope_is_agent_root) continue;
    // The repository by its absolute path: `.` inside .claude/agents and `../../.github/agents`
    // are one project.
    const std::string key = DotFolderRepository(scope, cwd).value_or(scope);
    for (const AgentSummary* agent : agents) projects[key].push_back(agent);
    // CLAUDE.md is loaded with every agent: a party to every comparison (its own stance is
    // never reported: it is not linted).
    for (const AgentSummary* party : ctx.project.InstructionsOf(scope))
      projects[key].push_back(party);
  }
  for (auto& [key, agents] : projects) {
    const auto by_path = [](const AgentSummary* a, const AgentSummary* b) {
      return a->path < b->path;
    };
    if (!std::is_sorted(agents.begin(), agents.end(), by_path))
      std::sort(agents.begin(), agents.end(), by_path);
    CheckScope(ctx, out, cwd, agents);
  }
}

}  // namespace agentlint
