// Helpers shared by several checks: what a `tools` entry refers to, field access by type, and
// fixes that more than one rule offers. Anything used by one check only stays in that check.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/check.h"
#include "core/project.h"
#include "core/scan.h"

namespace re2 {
class RE2;
}

namespace agentlint {

// What one `tools` / `disallowedTools` entry refers to.
struct ToolRef {
  enum Kind {
    kEmpty,         // an empty item
    kWildcard,      // `*`
    kBuiltin,       // a name in rules/tools.yaml (any status)
    kAgentTypes,    // `Agent(a, b)` / `Task(a)`
    kSpecifier,     // `Bash(git diff:*)`: a known tool with a permission specifier
    kMcp,           // a well-formed MCP reference
    kMalformedMcp,  // looks like an MCP reference but does not match the grammar
    kWrongCase,     // a known tool spelt in another case
    kUnknown,
  };
  Kind kind = kUnknown;
  const ToolInfo* tool = nullptr;  // kBuiltin, kSpecifier, kWrongCase, kAgentTypes
};

ToolRef ResolveTool(const Knowledge& knowledge, std::string_view name, bool disallowed_list);

// True when the agent actually gets the tool this entry names (used by no-usable-tools).
bool GrantsSomething(const ToolRef& ref, const AgentDoc& doc);

// The canonical name of an entry for comparisons: aliases resolved, case fixed, and with
// `strip_specifier` the permission specifier dropped (`Bash(git diff:*)` -> `Bash`).
std::string CanonicalToolName(const Knowledge& knowledge, const ToolEntry& entry,
                              bool strip_specifier);

// The words every finding uses when Claude Code does not load the agent (the conformance suite
// holds them against the real Claude Code: said exactly when it skips the file).
constexpr std::string_view kNotLoaded = "Claude Code does not load this agent";
// "; Claude Code does not load this agent" when core/claude says so for this file, else "".
std::string NotLoadedSuffix(const FileContext& ctx);
// For a front matter Claude Code cannot read: NotLoadedSuffix, or for a plugin agent (which loads
// anyway, under its file name) "; Claude Code reads none of this plugin agent's fields".
std::string UnreadSuffix(const FileContext& ctx);

// The scalar value of a top-level field, or nullptr when absent or not a scalar.
const YamlNode* ScalarField(const AgentDoc& doc, std::string_view key);

// For a front-matter key that is not a Claude Code field: the field it is probably a typo of,
// or "" when it is not close to any (then it is some other framework's key).
std::string FieldTypoOf(const Knowledge& knowledge, const std::string& key);

// --- Body helpers, for the rules that compare the body with the front matter.

std::string_view SpanText(const AgentDoc& doc, Span span);

// The key node of a top-level field (for "change line N" hints), or nullptr.
const YamlNode* FieldKey(const AgentDoc& doc, std::string_view key);
// "`tools` (line 4)" or "`tools`" when the field is absent.
std::string FieldRef(const AgentDoc& doc, std::string_view key);

// True when the agent ends up with `tool` (a built-in name): `tools` omitted (inherit all) or
// listing it (a specifier or `*` counts), and `disallowedTools` not removing it; `memory`
// adds Read, Write and Edit.
bool AgentHasTool(const AgentDoc& doc, const Knowledge& knowledge, std::string_view tool);
// True when `tools` is written (the agent does not inherit everything).
bool ToolsDeclared(const AgentDoc& doc);

// True when a code block reads as something to do rather than an example of output, of what a
// user typed, or of something to detect or avoid (judged from its section and the text before).
bool IsInstructionBlock(const AgentDoc& doc, const CodeBlock& block);

// The context model mentions share: a section titled as examples, samples or templates, and an
// offset inside an example (`<example>` ... `</example>`, a code block shown as an example, or a
// block configuring something else: an MCP server's configuration, a CI workflow). What they
// show prescribes nothing.
bool ExampleSection(std::string_view title);
bool InExample(const AgentDoc& doc, size_t offset);
// A section addressed to another party: "Notes for the frontend agent", "Handoff to QA", "When
// delegating to the test writer". What it says is that party's business, not this agent's.
bool OtherPartySection(std::string_view title);

// True when `offset` of the body lies inside an HTML comment (comments are not instructions).
bool InHtmlComment(const AgentDoc& doc, size_t offset);

// True when `text` warns about something rather than prescribing it ("detect", "never",
// "avoid", "example output", ...). Shared by the checks that must not flag cautionary lists.
bool LooksLikeCaution(std::string_view text);

// The prose (paragraphs, list items, table rows) and the section title above each, in order:
// the file's shared index when the context has it, else built (core/markdown ProseIndex).
std::vector<ProseLine> ProseLines(const AgentDoc& doc);
const std::vector<ProseLine>& ProseLines(const FileContext& ctx);

// A regex a rule tries line by line. Declared at namespace scope, it joins the one pass every
// file gets (core/scan, run by the engine before the checks), so that Saw() can tell before the
// first line whether it occurs in the file at all. It must not use ^ or $: the pass runs over
// the whole file, not over single lines.
// With a `prefilter`, the pass looks for that instead: a part every match of `pattern` contains
// (the cue words before a counted tail, whose automaton would cost the pass a fifth of its time).
// With a `start`, every match of `pattern` begins with a match of `start` (its cue words, with
// no `\b` or anchor): ForEachMatch then tries `pattern` only where `start` occurs.
// Every ScanPattern is in AllScanPatterns() before main (tests/common_test.cpp holds each
// prefilter against samples its pattern matches, and ForEachMatch against RE2's own search).
class ScanPattern {
 public:
  explicit ScanPattern(const char* pattern, const char* prefilter = nullptr,
                       const char* start = nullptr);
  ~ScanPattern();
  const re2::RE2& re() const { return re_.get(); }
  int index() const { return index_; }
  const char* prefilter() const { return prefilter_; }  // nullptr: the pass looks for re()
  const re2::RE2* start() const { return start_ ? &start_->get() : nullptr; }

 private:
  LazyRegex re_;
  const char* prefilter_;
  std::unique_ptr<LazyRegex> start_;
  int index_;
};
const std::vector<const ScanPattern*>& AllScanPatterns();
// False when `pattern` occurs nowhere in the file (true when the pass did not run or decide).
bool Saw(const FileContext& ctx, const ScanPattern& pattern);

// Each match of `pattern` in `text`, in order, as RE2::FindAndConsume finds them (each search
// starts where the last match ended, as a text of its own): `found(groups)`, groups[0] the
// whole match and then its capture groups. With a start cue, the pattern is tried anchored where
// the cue occurs instead of searched for at every byte: a pattern with a counted gap ("delegate
// ... to x") builds a new automaton state at almost every byte of a search, few when anchored.
void ForEachMatch(std::string_view text, const ScanPattern& pattern,
                  const std::function<void(const re2::StringPiece* groups)>& found);

// A cue word or phrase closing a text: the regex `(?i)\b(WORDS)\b[^STOPS]{0,MAX}$` ("use
// Postgres" before a mention: a cue, then at most MAX characters, none of them in STOPS, to the
// end). Such a counted tail makes RE2's automaton large and slow to build (these were the
// costliest regexes of their rules), so the cue words are found in the clause after the last
// stop (in the whole text when a cue may hold a stop, as "e.g." does) and the tail is measured
// directly, in characters; the regex decides only where the text is not valid UTF-8. A cue that
// starts inside another must end where it ends ("must use" and "use"); tests/common_test.cpp
// compares the two on every cue in use. Declared at namespace scope, so that every cue in use is in
// AllTailCues() before main.
struct TailCueShape {
  bool word_end = true;          // `\b` after the cue ("like" then does not match "likely")
  bool cue_holds_stops = false;  // a cue may contain a stop ("e.g."): it may end at the last one
};
class TailCue {
 public:
  TailCue(const std::string& words, std::string stops, size_t max_chars, TailCueShape shape = {});
  TailCue(const TailCue&) = delete;
  TailCue& operator=(const TailCue&) = delete;
  ~TailCue();
  bool ClosesText(std::string_view text) const;
  const re2::RE2& regex() const { return whole_.get(); }

 private:
  LazyRegex whole_;
  LazyRegex cue_;
  std::string stops_;
  size_t max_chars_;
  bool cue_holds_stops_;
};
const std::vector<const TailCue*>& AllTailCues();

// --- Project helpers.

// How Claude Code compares agent names in `subagent_type`: case- and separator-insensitively.
std::string AgentKey(std::string_view name);

// The agent names a reference from one scope may point at: the scope's agents, Claude Code's
// built-in agents and the agents the user declared as defined elsewhere. Built once per scope;
// every lookup is a hash lookup.
class KnownAgents {
 public:
  KnownAgents(const ProjectContext& ctx, const std::vector<const AgentSummary*>& scope);
  bool Knows(const std::string& name) const;
  // The agent file of that name that Claude Code does not load (no `description`, a front
  // matter it cannot read, a settings deny), or nullptr: it is there, but cannot be spawned.
  const AgentSummary* Unloaded(const std::string& name) const;
  // "did you mean `x`?", or how to declare the agent.
  std::string Hint(const std::string& name) const;
  // True when another known name starts with the same word (`manager-git` beside
  // `manager-spec`): agent names of a project share a shape.
  bool SharesShape(const std::string& name) const;

 private:
  std::vector<std::string> names_;
  std::unordered_set<std::string> keys_;
  std::unordered_set<std::string> heads_;                          // "manager-" of "manager-spec"
  std::unordered_map<std::string, const AgentSummary*> unloaded_;  // by AgentKey
};

// The agent's path within its scope's folder (`nested/db.md`), as the user sees the folder.
std::string PathInScope(const AgentSummary& agent);

// Reports `ref`, a handoff or mention of an agent Claude Code cannot spawn: one that does not
// exist, or one whose file it does not load (with that file as a related location).
void ReportUnknownAgent(const KnownAgents& known, const Reference& ref, ProjectReporter& out);

// Edits that turn every CRLF of the file into LF.
Fix CrlfToLf(const SourceFile& source);

// Edits that remove `entry` (and the separator before it) from a `tools` list.
TextEdit RemoveToolEntry(const ToolList& list, size_t index, std::string_view text);

}  // namespace agentlint
