// An agent file split into its parts: the front matter (as a located YAML tree, parsed strictly
// and, when that fails, the way Claude Code's tolerant loader reads it) and the Markdown body.
// Parse problems are recorded as facts here; rules in src/checks/input turn them into findings.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/markdown.h"
#include "core/source.h"
#include "core/yaml.h"

namespace agentlint {

// Which tool's vocabulary a file is written in. Claude Code's checks only judge Claude files.
enum class Dialect { kClaude, kCopilot, kOpenCode, kKiro, kGemini, kOther };
const char* DialectName(Dialect dialect);

// `path` (as written, with `/` or `\\`) runs through a `.claude/agents` folder, where Claude Code
// reads a project's agents from.
bool InClaudeAgentsFolder(std::string_view path);

// A file name that Claude Code's agents folder never loads, though its author may well mean an
// agent: Markdown spelt otherwise than `.md` (`a.MD`, `a.markdown`, `a.mdx`), or `.txt`.
bool MisnamedMarkdown(std::string_view name);

// Where a file sits, as decided by discovery.
// A tool the project's Claude Code settings deny as a whole (`permissions.deny`: `"WebFetch"` or
// `"WebFetch(*)"`), which no agent of the project gets; or an agent they deny, as
// `Agent(name)`, which Claude Code does not register.
struct DeniedTool {
  std::string name;
  std::string setting;  // the settings file, from the project's folder: `.claude/settings.json`
  std::string written;  // the entry as written: `"Task(*)"` for the name `Agent`
};

struct FileOrigin {
  bool named = false;           // named on the command line
  bool agent_location = false;  // inside .claude/agents, a plugin's agents/, .github/agents, ...
  bool plugin_agent = false;    // inside <plugin>/agents with .claude-plugin/plugin.json above
  // A plugin agent's plugin, as its manifest names it (`name` of .claude-plugin/plugin.json); ""
  // when the manifest has none.
  std::string plugin_name;
  // A plugin agent reached through a symbolic link below its `agents` folder (the file is one,
  // or a folder on the way is): Claude Code does not follow those links, so it skips the agent.
  bool linked_in_plugin = false;
  std::string read_error;  // why the file could not be read (its text is then empty)
  // The scope of project checks: an agents root (.claude/agents, a plugin's agents/, ...) or,
  // outside those, the folder the user named. Agents of one scope are loaded together.
  std::string scope;
  bool scope_is_agent_root = false;
  // False for siblings loaded only so that project checks see the whole scope.
  bool reported = true;
  // Set when the run has more files than its limit: this one was not read.
  bool over_file_limit = false;
  // CLAUDE.md or a file it imports: the project's own instructions, a party to comparisons.
  bool instructions = false;
  // The tools denied by the settings of the project whose `.claude/agents` holds the file (shared
  // by the project's files; null when it has none).
  std::shared_ptr<const std::vector<DeniedTool>> denied_tools;
  // The path its folders were read from, when that is not the path as written: `reviewer.md`
  // named inside .claude/agents is located as the absolute path.
  std::string located_as;
  // Where the file sits for judging its folders: `located_as`, or else `path` as written.
  const std::string& Located(const std::string& path) const {
    return located_as.empty() ? path : located_as;
  }
};

struct DocumentLimits {
  size_t max_front_matter_bytes = 256 * 1024;
  int max_yaml_depth = 64;
  MarkdownLimits markdown;  // nesting and table width of the body
};

struct FrontMatterBlock {
  bool present = false;  // the file opens with a `---` line (after an optional BOM)
  bool closed = false;   // ... and a later line is exactly `---`
  Span open_fence;       // the opening `---` line
  Span content;          // between the fences
  Span close_fence;      // the closing `---` line
  // When absent: where a front-matter block seems to be instead (indented or further down).
  std::optional<Span> misplaced;
};

// A top-level `key: value` line that Claude Code's second reading quotes as written (core/retry).
struct TolerantLine {
  Span key;
  Span value;
  // What strict YAML makes of the line on its own: it rejects it (kFails: the line is why the
  // retry is needed), reads another value (kDiffers: a ` #` comment, an anchor or a tag that the
  // retry keeps as text), or reads the same text (kSame).
  enum Effect { kFails, kDiffers, kSame } effect = kFails;
};

// One entry of `tools` / `disallowedTools`, as Claude Code splits the field: a string on commas
// and spaces outside parentheses (not on tabs or line ends), and each string item of a list the
// same way.
struct ToolEntry {
  std::string name;     // trimmed; empty for a list item that is not text
  Span span;            // the entry as written
  bool quoted = false;  // quotes inside a comma string ("Read", 'Grep')
};

struct ToolList {
  const YamlNode* node = nullptr;  // the field's value; nullptr when the field is absent
  bool from_string = false;        // written as a comma-separated string
  std::vector<ToolEntry> entries;
};

// One reading of the front matter's fields: strict YAML, then Claude Code's second reading.
struct FieldsParse {
  std::optional<YamlParse> strict;
  bool tolerant = false;
  std::vector<TolerantLine> tolerant_lines;
  std::optional<YamlNode> root;
  bool too_large = false;
  bool too_deep = false;
};

class AgentDoc {
 public:
  // `parse_body` false: the front matter only (a sibling's identity); ParseBody() adds the body.
  AgentDoc(SourceFile source, FileOrigin origin, const DocumentLimits& limits = {},
           bool parse_body = true);
  void ParseBody(const DocumentLimits& limits);
  bool body_parsed() const { return body_parsed_; }

  const SourceFile& source() const { return source_; }
  const std::string& path() const { return source_.path(); }
  const FileOrigin& origin() const { return origin_; }
  Dialect dialect() const { return dialect_; }

  const FrontMatterBlock& front_matter() const { return front_matter_; }
  // The strict YAML parse of the front matter (absent when there is no closed block): its
  // verdict, errors and duplicate keys. Its tree, when it has one, is root(), not kept twice.
  const std::optional<YamlParse>& strict_yaml() const { return strict_; }
  // True when strict YAML fails but Claude Code's tolerant reading succeeds.
  bool tolerant_yaml() const { return tolerant_; }
  const std::vector<TolerantLine>& tolerant_lines() const { return tolerant_lines_; }
  bool front_matter_too_large() const { return too_large_; }
  bool front_matter_too_deep() const { return too_deep_; }
  // The front matter's root node, from the strict or the tolerant parse; nullptr when neither.
  const YamlNode* root() const { return root_ ? &*root_ : nullptr; }
  // The value of a top-level field, or nullptr.
  const YamlNode* Field(std::string_view key) const;
  // The field's entries, split once and kept: many rules ask for `tools`.
  const ToolList& Tools(std::string_view key) const;
  // The same from Claude Code's reading of the fields (see ClaudeRoot()).
  const ToolList& ClaudeTools(std::string_view key) const;

  const Body& body() const { return body_; }
  Span body_span() const { return body_.span; }

  // Claude Code's own reading of the fields. It ends the front matter at the first `---` after
  // the opening line, wherever that is; when that is not the closing `---` line, claude_cut()
  // is it, and Claude Code's fields are parsed from the shorter text. Otherwise these are the
  // fields above.
  const std::optional<Span>& claude_cut() const { return claude_cut_; }
  const YamlNode* ClaudeRoot() const;
  const YamlNode* ClaudeField(std::string_view key) const;
  bool ClaudeTolerant() const;
  bool ClaudeOverLimits() const;

 private:
  void SplitFrontMatter();
  void ParseFrontMatter(const DocumentLimits& limits);
  FieldsParse ParseFields(Span content, const DocumentLimits& limits) const;
  // The file's first `length` bytes with everything outside `keep` blanked to spaces (line ends
  // kept), so that a parser of the part reports the file's own offsets.
  std::string Blanked(Span keep, size_t length = static_cast<size_t>(-1)) const;

  SourceFile source_;
  FileOrigin origin_;
  Dialect dialect_ = Dialect::kClaude;
  FrontMatterBlock front_matter_;
  std::optional<YamlParse> strict_;
  bool tolerant_ = false;
  bool too_large_ = false;
  bool too_deep_ = false;
  std::vector<TolerantLine> tolerant_lines_;
  std::optional<YamlNode> root_;
  std::optional<Span> claude_cut_;
  std::unique_ptr<FieldsParse> claude_;  // only when Claude Code's front matter is shorter
  // Tools() by node; starts empty again when the document moves (a cache, not state).
  struct ToolListCache {
    ToolListCache() = default;
    ToolListCache(const ToolListCache&) {}
    ToolListCache& operator=(const ToolListCache&) {
      lists.clear();
      return *this;
    }
    std::unordered_map<const YamlNode*, ToolList> lists;
  };
  mutable ToolListCache tool_lists_;
  const ToolList& CachedTools(const YamlNode* node) const;
  Body body_;
  bool body_parsed_ = false;
};

// Splits a `tools`-style value into located entries (exposed for tests).
ToolList SplitToolList(const YamlNode& node, std::string_view text);

}  // namespace agentlint
