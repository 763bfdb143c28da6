#include "engine/suppression.h"

#include <re2/re2.h>

#include <unordered_map>

#include "checks/registry.h"
#include "core/text.h"

namespace agentlint {

namespace {

struct Directive {
  std::string verb;   // disable-next-line, disable-line, disable, enable, disable-file
  std::string rules;  // the rest, before `--`
  std::string reason;
  size_t rules_at = 0;  // offset of `rules` in the comment text
};

const Regex kDirectiveShape(
    R"((agentlint-[a-z-]+)((?:\s+[^\s-][^\n]*?)?)\s*(?:--\s*(.*?))?\s*(?:-->)?\s*$)");

// Parses "agentlint-VERB RULES -- reason" out of a comment's text.
bool ParseDirective(std::string_view text, Directive& out) {
  const size_t at = text.find("agentlint-");
  if (at == std::string_view::npos) return false;
  re2::StringPiece input(text.data() + at, text.size() - at);
  re2::StringPiece verb, rules, reason;
  if (!RE2::FullMatch(input, kDirectiveShape, &verb, &rules, &reason)) return false;
  out.verb = std::string(verb.substr(10));
  out.rules = std::string(rules);
  out.reason = std::string(reason);
  out.rules_at = static_cast<size_t>(rules.data() - text.data());
  return true;
}

void AddRules(Suppression& s, const Directive& d, size_t comment_begin) {
  size_t i = 0;
  while (i < d.rules.size()) {
    while (i < d.rules.size() && (d.rules[i] == ' ' || d.rules[i] == ',' || d.rules[i] == '\t'))
      ++i;
    size_t end = i;
    while (end < d.rules.size() && d.rules[end] != ' ' && d.rules[end] != ',' &&
           d.rules[end] != '\t')
      ++end;
    if (end > i) {
      s.rules.push_back(d.rules.substr(i, end - i));
      s.rule_spans.push_back({comment_begin + d.rules_at + i, comment_begin + d.rules_at + end});
    }
    i = end;
  }
  s.used.assign(s.rules.size(), false);
}

std::vector<std::string> RuleWords() {
  std::vector<std::string> words;
  for (const RuleInfo& rule : AllRules()) {
    words.emplace_back(rule.id);
    words.emplace_back(rule.name);
  }
  return words;
}

// `# agentlint-...` YAML comments on front-matter lines (a `#` after a space, outside quotes).
void FrontMatterComments(const AgentDoc& doc, std::vector<std::pair<Span, int>>& comments) {
  const FrontMatterBlock& fm = doc.front_matter();
  if (!fm.closed) return;
  const SourceFile& source = doc.source();
  const int first = source.Locate(fm.content.begin).line;
  const int last = source.Locate(fm.content.end).line;
  for (int line = first; line < last; ++line) {
    const std::string_view text = source.LineText(line);
    const size_t hash = text.find("# agentlint-");
    if (hash == std::string_view::npos ||
        (hash > 0 && text[hash - 1] != ' ' && text[hash - 1] != '\t'))
      continue;
    size_t quotes = 0;
    for (size_t i = 0; i < hash; ++i) quotes += text[i] == '"' || text[i] == '\'';
    if (quotes % 2 != 0) continue;
    const size_t begin = source.LineStart(line) + hash;
    comments.push_back({{begin, source.LineStart(line) + text.size()}, line});
  }
}

}  // namespace

Suppressions ParseSuppressions(const AgentDoc& doc) {
  Suppressions out;
  const SourceFile& source = doc.source();
  static const std::vector<std::string> known = RuleWords();
  // Ranges not yet closed, by the rule names they list: an `enable` finds the ranges it closes
  // without scanning every open one.
  std::unordered_map<std::string, std::vector<size_t>> open_ranges;
  std::vector<bool> closed;  // per item: a range closed already (lazily removed from the stacks)
  std::vector<std::pair<Span, int>> comments;
  for (const Span& c : doc.body().html_comments) comments.push_back({c, 0});
  FrontMatterComments(doc, comments);
  size_t directives = 0;
  for (const auto& [span, yaml_line] : comments) {
    const std::string_view text = source.text().substr(span.begin, span.end - span.begin);
    Directive d;
    if (!ParseDirective(text, d)) continue;
    if (++directives > kMaxSuppressions) {
      if (directives == kMaxSuppressions + 1) {
        out.problems.push_back(
            {span,
             "more than " + std::to_string(kMaxSuppressions) +
                 " suppressions in one file; this one and the rest are ignored",
             "suppress whole rules with `agentlint-disable-file`, or in .agentlint.yaml",
             {}});
      }
      continue;
    }
    Suppression s;
    s.comment = span;
    s.reason = d.reason;
    AddRules(s, d, span.begin);
    const int line = source.Locate(span.begin).line;
    const int end_line = source.Locate(span.end).line;
    if (yaml_line > 0 && d.verb == "disable-line") {
      s.kind = Suppression::kLine;
      s.first_line = s.last_line = yaml_line;
    } else if (yaml_line == 0 && d.verb == "disable-next-line") {
      s.kind = Suppression::kNextLine;
      s.first_line = s.last_line = end_line + 1;
    } else if (yaml_line == 0 && d.verb == "disable-file") {
      s.kind = Suppression::kFile;
      s.first_line = 1;
      s.last_line = source.line_count();
    } else if (yaml_line == 0 && d.verb == "disable") {
      s.kind = Suppression::kRange;
      s.first_line = line;
      s.last_line = source.line_count();
    } else if (yaml_line == 0 && d.verb == "enable") {
      // Close the ranges that name these rules.
      bool closed_one = false;
      for (const std::string& rule : s.rules) {
        const auto stack = open_ranges.find(rule);
        if (stack == open_ranges.end()) continue;
        for (size_t index : stack->second) {
          if (closed[index]) continue;
          out.items[index].last_line = line;
          closed[index] = true;
          closed_one = true;
        }
        open_ranges.erase(stack);
      }
      if (!closed_one) {
        out.problems.push_back(
            {span,
             "`agentlint-enable` without a matching `agentlint-disable` above it",
             "remove it, or add the `agentlint-disable` it should end",
             {}});
      }
      continue;
    } else {
      const char* where = yaml_line > 0 ? "in front matter only `# agentlint-disable-line` works"
                                        : "use disable-next-line, disable, enable or disable-file";
      out.problems.push_back(
          {span, "`agentlint-" + d.verb + "` is not a suppression here", where, {}});
      continue;
    }
    if (s.rules.empty()) {
      out.problems.push_back(
          {span,
           "this suppression names no rule",
           "name the rules it silences, e.g. `agentlint-disable-next-line AL103`",
           {}});
      continue;
    }
    for (size_t i = 0; i < s.rules.size(); ++i) {
      if (FindRule(s.rules[i])) continue;
      const std::string guess = ClosestMatch(s.rules[i], known);
      out.problems.push_back(
          {s.rule_spans[i],
           "`" + s.rules[i] + "` is not a rule",
           guess.empty() ? "`agentlint rules` lists them" : "did you mean `" + guess + "`?",
           {}});
      s.used[i] = true;  // reported once, as unknown
    }
    // Only a suppression that is kept can be closed later (found by the fuzzer: an index taken
    // before a rule-less `disable` was rejected pointed past the end).
    if (s.kind == Suppression::kRange) {
      for (const std::string& rule : s.rules) open_ranges[rule].push_back(out.items.size());
    }
    closed.push_back(false);
    out.items.push_back(std::move(s));
  }
  for (size_t index = 0; index < out.items.size(); ++index) {
    if (out.items[index].kind != Suppression::kRange || closed[index]) continue;
    out.problems.push_back(
        {out.items[index].comment,
         "`agentlint-disable` is never closed by `agentlint-enable`; it silences the rest of the "
         "file",
         "add `<!-- agentlint-enable ... -->` where the exception ends, or use disable-file",
         {}});
  }
  return out;
}

void AnchorSuppressions(Suppressions& suppressions, const SourceFile& source) {
  for (Suppression& s : suppressions.items) {
    s.rule_at.clear();
    for (const Span& span : s.rule_spans) s.rule_at.push_back(MakeAnchor(source, span));
  }
  for (SuppressionProblem& p : suppressions.problems) p.at = MakeAnchor(source, p.span);
}

void ApplySuppressions(Suppressions& suppressions, std::vector<Diagnostic>& diagnostics) {
  // Line suppressions by line; the few file-wide and range ones are looked at for every finding.
  std::unordered_map<int, std::vector<size_t>> by_line;
  std::vector<size_t> wide;
  for (size_t i = 0; i < suppressions.items.size(); ++i) {
    const Suppression& s = suppressions.items[i];
    if (s.kind == Suppression::kLine || s.kind == Suppression::kNextLine) {
      by_line[s.first_line].push_back(i);
    } else {
      wide.push_back(i);
    }
  }
  const auto silences = [&](Suppression& s, const Diagnostic& d) {
    const int line = d.location.start.line;
    if (line < s.first_line || line > s.last_line) return false;
    bool silenced = false;
    for (size_t i = 0; i < s.rules.size(); ++i) {
      if (s.rules[i] == d.rule->id || s.rules[i] == d.rule->name) {
        s.used[i] = true;
        silenced = true;
      }
    }
    return silenced;
  };
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diagnostics) {
    bool silenced = false;
    if (const auto it = by_line.find(d.location.start.line); it != by_line.end()) {
      for (size_t i : it->second) silenced |= silences(suppressions.items[i], d);
    }
    for (size_t i : wide) silenced |= silences(suppressions.items[i], d);
    if (!silenced) kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

}  // namespace agentlint
