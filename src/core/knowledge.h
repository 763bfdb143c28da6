// Typed tables of what agentlint knows about the agent formats (tools, fields, models, colors,
// hooks, built-in agents), loaded once from the YAML files in rules/ that are embedded into the
// binary. Checks consult these tables; no tool or field name is hard-coded in a check.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "core/scan.h"
#include "core/source.h"

namespace agentlint {

enum class ToolStatus { kCurrent, kAlias, kDeprecated, kRemoved, kRenamed };
// kAlways: in the set an agent without `tools` inherits; kOnRequest: given only when named (one
// folded into another tool is inherited too while that tool is not there);
// kPlanModeOnly: with `permissionMode: plan`; kNever: not recognised for subagents.
enum class SubagentAvailability { kAlways, kOnRequest, kNever, kPlanModeOnly };

struct ToolInfo {
  std::string name;
  ToolStatus status = ToolStatus::kCurrent;
  std::string replacement;
  std::string since;
  std::string removed_in;
  std::string note;
  bool fixable = false;  // the replacement is a one-to-one rename
  SubagentAvailability subagents = SubagentAvailability::kAlways;
  bool background_kept = true;
  bool deferred = false;     // loaded on demand through ToolSearch
  std::string folded_into;   // a tool whose presence removes this one (Glob, Grep: Bash)
  std::string removed_with;  // a tool whose disallowing removes this one (Monitor: Bash)
};

enum class FieldType { kString, kStringOrList, kBool, kPositiveInt, kMapping, kList, kAny };

// What a hook handler's value must be (rules/hooks.yaml).
enum class HookValue { kText, kNonEmptyText, kTexts, kPositive, kBool, kMapping, kUrl };

// One hook handler type and the fields Claude Code checks when it loads it.
struct HookHandlerInfo {
  std::string type;
  std::vector<std::string> required;
  std::vector<std::pair<std::string, HookValue>> fields;  // in the order listed
  // Fields that hold one of a few texts, spelt exactly (`shell: bash`), in the order listed.
  std::vector<std::pair<std::string, std::vector<std::string>>> choices;
};

struct FieldInfo {
  std::string name;
  FieldType type = FieldType::kAny;
  std::vector<std::string> values;
  // How Claude Code matches a value against `values`: ignoring case, with other spellings of a
  // value (`med` for `medium`), and whether it takes any integer as well (`effort`).
  bool values_ignore_case = false;
  std::map<std::string, std::string> value_aliases;
  bool integer_values = false;
  // Whether Claude Code reads the value as text before matching it (JavaScript's String(): the
  // list `[high]` is `high`); otherwise a list or mapping never matches.
  bool values_as_text = false;
  double min = 1;         // kPositiveInt: the least count Claude Code takes
  size_t max_length = 0;  // text: the most UTF-16 units Claude Code takes; 0: no limit
  std::vector<std::string> typos;
  bool plugin_ignored = false;
};

struct SectionKind {
  std::string kind;                        // "workflow"
  std::vector<std::string> headings;       // normalised phrases that count
  std::shared_ptr<const LazyRegex> prose;  // optional: a sentence that counts without a heading
};

struct SectionProfile {
  std::string name;
  std::string description;
  std::vector<SectionKind> require;
};

struct SecretPattern {
  std::string id;
  std::string description;
  std::shared_ptr<const LazyRegex> pattern;
  // What the one pass over each file looks for instead of `pattern` ("": the pattern): a part
  // every match of it contains, where the pattern's own automaton would cost the pass much.
  std::string prefilter;
  double min_entropy = 0;
  int scan = -1;  // index in Knowledge::scan (BuildSets)
};

struct DangerPattern {
  std::string id;
  bool in_config = false;  // hooks and mcpServers commands, rather than the body
  std::shared_ptr<const LazyRegex> pattern;
  std::string message;
  int scan = -1;  // index in Knowledge::scan, for body patterns (BuildSets)
};

struct ConflictChoice {
  std::string id;
  std::string name;  // "PostgreSQL"
  // Compiled with the whole match as capture group 1.
  std::vector<std::shared_ptr<const LazyRegex>> patterns;  // mentions in prose (case-insensitive)
  std::vector<std::shared_ptr<const LazyRegex>> commands;  // uses that always prescribe
  // Per command, what the one pass looks for instead of it ("": the command itself), as
  // SecretPattern::prefilter.
  std::vector<std::string> command_prefilters;
  const std::string& CommandScan(size_t i) const {
    return i < command_prefilters.size() && !command_prefilters[i].empty() ? command_prefilters[i]
                                                                           : commands[i]->pattern();
  }
  // Their indexes in Knowledge::scan (BuildSets), in the same order.
  std::vector<int> pattern_scan;
  std::vector<int> command_scan;
  // The patterns' indexes in Knowledge::mention_scan, in the same order.
  std::vector<int> mention_scan;
  // What in a repository shows that it uses this choice: a file name at its root or in a
  // folder below ("uv.lock"), or a dependency in a package.json ("package.json:jest").
  std::vector<std::string> evidence;
};

struct ConflictTopic {
  std::string id;
  std::string title;  // "database engine"
  std::vector<ConflictChoice> choices;
  // Words that scope a mention to one role of the choice (tests, local development, a cache):
  // such a mention is not a project-wide prescription, so it is not compared. Optional.
  std::shared_ptr<const LazyRegex> roles;
  // Files of the ecosystem the topic belongs to ("package.json"): a repository with build files
  // but none of these does not use any of the choices. Empty: the topic applies to any stack.
  std::vector<std::string> ecosystem;
  // False when a file's one pass (Knowledge::scan) saw none of the choices' patterns.
  bool MayOccurIn(const ScanResult& scan) const;
};

// Copyable (patterns are shared, immutable once compiled), so a configuration can extend a copy
// of the embedded knowledge for one run.
struct Knowledge {
  std::vector<ToolInfo> tools;
  // Tool names of other tools' agent formats (VS Code's custom agents) -> the Claude Code tools
  // that do the same ("" when subagents have none).
  std::map<std::string, std::string> foreign_tools;
  std::shared_ptr<const LazyRegex> mcp_pattern;
  std::vector<FieldInfo> fields;
  std::vector<std::string> permission_modes;
  std::map<std::string, std::string> removed_permission_modes;
  std::map<std::string, std::string> foreign_keys;  // key -> where it comes from
  // Keys a plugin agent's loader reads for its description when `description` holds no text.
  std::vector<std::string> plugin_description_fallbacks;
  std::vector<std::string> model_aliases;
  std::map<std::string, std::string> model_alias_ids;  // alias -> the id it is sent as
  std::map<std::string, std::string> model_cli_only;   // `--model` alias -> the alias it runs as
  std::map<std::string, std::string> model_retired;    // retired id -> the alias it runs as
  std::shared_ptr<const LazyRegex> model_id_pattern;
  std::map<std::string, std::string> model_snapshots;  // undated id -> its one snapshot date
  std::vector<std::shared_ptr<const LazyRegex>> foreign_model_patterns;
  std::vector<std::string> colors;  // the values of `color` Claude Code keeps
  std::vector<std::string> hook_events;
  std::vector<std::string> hook_types;  // the handler types, in the order of hook_handlers
  std::vector<HookHandlerInfo> hook_handlers;
  const HookHandlerInfo* FindHookHandler(std::string_view type) const;
  std::vector<std::string> no_prompt_hook_events;
  std::vector<std::string> mcp_server_types;
  std::vector<std::string> builtin_agents;
  std::vector<std::string> builtin_skills;  // bundled with Claude Code: a `skills` entry finds them
  std::vector<std::string> readme_names;
  size_t listing_limit = 0;  // characters of agent listing past which Claude Code refuses prompts
  size_t max_agent_file_bytes = 0;  // Claude Code skips a larger agent file; 0: no limit
  std::vector<SectionProfile> section_profiles;
  std::vector<SecretPattern> secrets;
  // Every secret, body `dangerous` and conflict pattern, then the rules' line patterns
  // (core/scan LinePatterns, from line_pattern_base on) in one set: one pass over a file tells
  // which of them occur in it at all (most files contain none).
  std::shared_ptr<const PatternSet> scan;
  // Every conflict choice's prose patterns in one set, for one pass per prose line of a file
  // that mentions a topic (which lines mention which choices).
  std::shared_ptr<const PatternSet> mention_scan;
  int line_pattern_base = 0;
  int line_pattern_count = 0;
  std::vector<std::string> secret_placeholders;
  // A password in a URL to one of these hosts that is one of these passwords (or the user name)
  // is a local service's default, not a committed secret.
  std::vector<std::string> local_hosts;
  std::vector<std::string> local_default_passwords;
  std::vector<DangerPattern> dangerous;
  std::vector<ConflictTopic> conflict_topics;
  // Build files of any ecosystem (rules/conflicts.yaml `manifests`): a repository with one of
  // them is a code base whose stack its files tell.
  std::vector<std::string> manifests;
  // The Claude Code version each knowledge file was checked against (`checked_against`).
  std::map<std::string, std::string> checked_against;

  // Name -> index into tools (and lowercased name -> index), built by BuildSets; lookups fall
  // back to a scan while they are not built.
  // Looked up by a string_view, with no string made of it (rules resolve every tool entry).
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, size_t, NameHash, std::equal_to<>> tool_index;
  std::unordered_map<std::string, size_t, NameHash, std::equal_to<>> tool_lower_index;
  // Every name the `mcp` pattern matches lies between these two (RE2::PossibleMatchRange, made by
  // BuildSets): most names a rule asks about are told apart without running the regex.
  std::string mcp_min;
  std::string mcp_max;
  bool mcp_range = false;

  const ToolInfo* FindTool(std::string_view name) const;
  // A tool whose name equals `name` ignoring case, when `name` itself is not a tool.
  const ToolInfo* FindToolIgnoringCase(std::string_view name) const;
  const FieldInfo* FindField(std::string_view name) const;
  const SectionProfile* FindProfile(std::string_view name) const;
  bool IsMcpReference(std::string_view name) const;
};

// One problem found while loading the knowledge files (a test asserts there are none).
struct KnowledgeError {
  std::string file;
  std::string message;
  Span span;  // the node the problem is about, when known (in a config: a real position)
};

// Builds the tables from (path, contents) pairs; problems are appended to `errors`. With
// kOnUse, patterns are compiled when first matched and one that does not compile is not
// reported (it matches nothing): only for knowledge a test has loaded with kNow.
enum class PatternCheck { kNow, kOnUse };
Knowledge LoadKnowledge(const std::vector<std::pair<std::string, std::string>>& files,
                        std::vector<KnowledgeError>& errors,
                        PatternCheck check = PatternCheck::kNow);

// Builds the one-pass set (Knowledge::scan, and each pattern's index in it) and the tool
// indexes.
void BuildSets(Knowledge& k);

// The knowledge embedded in this binary, loaded on first use.
const Knowledge& EmbeddedKnowledge();

// Adds a configuration's `knowledge:` section to `k`: extra `tools` (names treated as current
// tools), `conflicts` (topics, as in rules/conflicts.yaml), `secrets` (as in rules/secrets.yaml)
// and `section-profiles` (as in rules/sections.yaml). Problems are appended to `errors`.
struct YamlNode;
void ExtendKnowledge(Knowledge& k, const YamlNode& extension, std::vector<KnowledgeError>& errors);

bool Contains(const std::vector<std::string>& list, std::string_view value);

// Compares two dotted versions ("2.1.63" < "2.1.200"); nullopt when either is not one.
std::optional<int> CompareVersions(std::string_view a, std::string_view b);

// The knowledge as it was for an older Claude Code release (config `claude-code-version`): tools
// that appeared after `version` are unknown, tools removed or renamed after it still work.
// Only `since` and `removed_in` that are versions count (some record a month instead).
Knowledge ForClaudeCodeVersion(Knowledge k, std::string_view version);

}  // namespace agentlint
