#include "checks/common.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>

#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

ToolRef ResolveTool(const Knowledge& knowledge, std::string_view name, bool disallowed_list) {
  ToolRef ref;
  if (name.empty()) {
    ref.kind = ToolRef::kEmpty;
    return ref;
  }
  if (name == "*") {
    ref.kind = ToolRef::kWildcard;
    return ref;
  }
  if (const ToolInfo* tool = knowledge.FindTool(name)) {
    ref.kind = ToolRef::kBuiltin;
    ref.tool = tool;
    return ref;
  }
  const size_t paren = name.find('(');
  if (paren != std::string_view::npos && paren > 0 && name.back() == ')') {
    const ToolInfo* tool = knowledge.FindTool(Trim(name.substr(0, paren)));
    if (tool) {
      ref.kind = tool->name == "Agent" || tool->name == "Task" ? ToolRef::kAgentTypes
                                                               : ToolRef::kSpecifier;
      ref.tool = tool;
      return ref;
    }
  }
  if (name == "mcp__*") {
    ref.kind = disallowed_list ? ToolRef::kMcp : ToolRef::kMalformedMcp;
    return ref;
  }
  if (knowledge.IsMcpReference(name)) {
    ref.kind = ToolRef::kMcp;
    return ref;
  }
  if (Lower(name.substr(0, 3)) == "mcp" || name.find('/') != std::string_view::npos) {
    ref.kind = ToolRef::kMalformedMcp;
    return ref;
  }
  if (const ToolInfo* tool = knowledge.FindToolIgnoringCase(name)) {
    ref.kind = ToolRef::kWrongCase;
    ref.tool = tool;
    return ref;
  }
  return ref;
}

bool GrantsSomething(const ToolRef& ref, const AgentDoc& doc) {
  switch (ref.kind) {
    case ToolRef::kWildcard:
    case ToolRef::kAgentTypes:
    case ToolRef::kMcp:
      return true;
    case ToolRef::kBuiltin:
    case ToolRef::kSpecifier: {
      const ToolInfo& tool = *ref.tool;
      if (tool.status == ToolStatus::kRemoved || tool.status == ToolStatus::kRenamed) return false;
      if (tool.subagents == SubagentAvailability::kNever) return false;
      if (tool.subagents == SubagentAvailability::kPlanModeOnly) {
        const YamlNode* mode = ScalarField(doc, "permissionMode");
        return mode && mode->value == "plan";
      }
      return true;
    }
    default:
      return false;
  }
}

std::string CanonicalToolName(const Knowledge& knowledge, const ToolEntry& entry,
                              bool strip_specifier) {
  const ToolRef ref = ResolveTool(knowledge, entry.name, false);
  const bool whole_tool = ref.kind == ToolRef::kBuiltin || ref.kind == ToolRef::kWrongCase ||
                          (ref.kind == ToolRef::kSpecifier && strip_specifier);
  if (!ref.tool || !whole_tool) return entry.name;
  return ref.tool->status == ToolStatus::kAlias ? ref.tool->replacement : ref.tool->name;
}

std::string NotLoadedSuffix(const FileContext& ctx) {
  return ctx.claude && !ctx.claude->loads ? "; " + std::string(kNotLoaded) : "";
}

std::string UnreadSuffix(const FileContext& ctx) {
  if (ctx.claude && ctx.claude->loads && ctx.doc.origin().plugin_agent)
    return "; Claude Code reads none of this plugin agent's fields";
  return NotLoadedSuffix(ctx);
}

const YamlNode* ScalarField(const AgentDoc& doc, std::string_view key) {
  const YamlNode* node = doc.Field(key);
  return node && node->IsScalar() ? node : nullptr;
}

std::string FieldTypoOf(const Knowledge& knowledge, const std::string& key) {
  // allowed-tools is reported by allowed-tools-in-agent, not as a typo of `tools`.
  if (knowledge.FindField(key) || knowledge.foreign_keys.count(key) || key == "allowed-tools" ||
      key == "allowedTools") {
    return "";
  }
  std::vector<std::string> names;
  for (const FieldInfo& field : knowledge.fields) {
    if (Contains(field.typos, key)) return field.name;
    names.push_back(field.name);
  }
  return ClosestMatch(key, names);
}

std::string_view SpanText(const AgentDoc& doc, Span span) {
  const std::string_view text = doc.source().text();
  span.begin = std::min(span.begin, text.size());
  span.end = std::clamp(span.end, span.begin, text.size());
  return text.substr(span.begin, span.end - span.begin);
}

const YamlNode* FieldKey(const AgentDoc& doc, std::string_view key) {
  const YamlNode* root = doc.root();
  if (!root || !root->IsMapping()) return nullptr;
  for (size_t i = root->MapSize(); i-- > 0;) {  // the entry that wins: the last
    if (root->Key(i).value == key) return &root->Key(i);
  }
  return nullptr;
}

std::string FieldRef(const AgentDoc& doc, std::string_view key) {
  const YamlNode* node = FieldKey(doc, key);
  if (!node) return "`" + std::string(key) + "`";
  return "`" + std::string(key) + "` (line " +
         std::to_string(doc.source().Locate(node->span.begin).line) + ")";
}

bool ToolsDeclared(const AgentDoc& doc) { return doc.Field("tools") != nullptr; }

namespace {

bool ListNames(const AgentDoc& doc, const Knowledge& knowledge, std::string_view field,
               std::string_view tool) {
  for (const ToolEntry& entry : doc.Tools(field).entries) {
    const ToolRef ref = ResolveTool(knowledge, entry.name, field != "tools");
    if (ref.kind == ToolRef::kWildcard) return true;
    if ((ref.kind == ToolRef::kBuiltin || ref.kind == ToolRef::kSpecifier) && ref.tool) {
      const std::string name =
          ref.tool->status == ToolStatus::kAlias ? ref.tool->replacement : ref.tool->name;
      if (name == tool) return true;
    }
  }
  return false;
}

}  // namespace

bool AgentHasTool(const AgentDoc& doc, const Knowledge& knowledge, std::string_view tool) {
  if (ListNames(doc, knowledge, "disallowedTools", tool)) return false;
  if (doc.Field("memory") && (tool == "Read" || tool == "Write" || tool == "Edit")) return true;
  if (!ToolsDeclared(doc)) return true;
  return ListNames(doc, knowledge, "tools", tool);
}

bool InHtmlComment(const AgentDoc& doc, size_t offset) { return doc.body().InHtmlComment(offset); }

namespace {
const Regex kCaution(
    R"((?i)(\bdetect|\bflag|\bavoid|anti.?pattern|\bbad\b|\bwrong\b|vulnerab|insecure|dangerous|)"
    R"(\brisk|don'?t|\bdo not\b|\bmust not\b|\bnever\b|forbid|prohibit|\bblock|\bdeny|\breject|\bwarn|)"
    R"((check|look|scan|search) for))");
}  // namespace

bool LooksLikeCaution(std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kCaution);
}

namespace {

const Regex kExample(
    R"((?i)(output|example|sample|looks like|result|user (types|typed|runs|ran|says)|before))");

// Text that introduces an example rather than an instruction: "Example output:", "Sample".
bool LooksLikeExample(std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kExample);
}

}  // namespace

bool IsInstructionBlock(const AgentDoc& doc, const CodeBlock& block) {
  const Body& body = doc.body();
  const int section = body.SectionAt(block.span.begin);
  if (section >= 0) {
    const std::string& title = body.headings[body.sections[section].heading].normalized;
    if (LooksLikeCaution(title) || LooksLikeExample(title)) return false;
  }
  // The text just before the block, on the lines above it (a lead-in such as "Example output:").
  const size_t from = block.span.begin > 160 ? block.span.begin - 160 : body.span.begin;
  std::string_view before = SpanText(doc, {std::max(from, body.span.begin), block.span.begin});
  const size_t cut = before.rfind("\n\n", before.size() > 2 ? before.size() - 2 : 0);
  if (cut != std::string_view::npos) before.remove_prefix(cut);
  return !LooksLikeCaution(before) && !LooksLikeExample(before);
}

namespace {
const Regex kExampleTitle(R"((?i)\b(examples?|samples?|templates?|illustrations?)\b)");
}  // namespace

bool ExampleSection(std::string_view title) {
  return RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), kExampleTitle);
}

namespace {
const Regex kOther(
    R"((?i)\b(?:hand-?offs?\s+to|delegat\w*\s+to|(?:notes?|instructions?|guidance|briefs?)\s+for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)");
}  // namespace

bool OtherPartySection(std::string_view title) {
  return RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), kOther);
}

namespace {
const Regex kOtherConfig(R"re((?i)"?mcpServers"?\s*:|\bruns-on\s*:)re");
}  // namespace

bool InExample(const AgentDoc& doc, size_t at) {
  const Body& body = doc.body();
  if (body.InExampleTag(at)) return true;
  const auto block =
      std::upper_bound(body.code_blocks.begin(), body.code_blocks.end(), at,
                       [](size_t offset, const CodeBlock& b) { return offset < b.span.begin; });
  if (block == body.code_blocks.begin()) return false;
  const CodeBlock& b = *std::prev(block);
  if (at >= b.span.end) return false;
  if (!IsInstructionBlock(doc, b)) return true;
  const std::string_view content = SpanText(doc, b.content);
  return RE2::PartialMatch(re2::StringPiece(content.data(), content.size()), kOtherConfig);
}

std::vector<ProseLine> ProseLines(const AgentDoc& doc) {
  return ProseIndex(doc.body(), doc.source().text());
}

const std::vector<ProseLine>& ProseLines(const FileContext& ctx) { return *ctx.prose; }

const std::vector<const TailCue*>& AllTailCues() { return Registered<TailCue>(); }

namespace {
std::string StopClass(const std::string& stops) {
  std::string klass;
  for (char c : stops) klass += std::string("\\") + c;
  return klass;
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}
}  // namespace

TailCue::TailCue(const std::string& words, std::string stops, size_t max_chars, TailCueShape shape)
    : whole_("(?i)\\b(" + words + ")" + (shape.word_end ? "\\b" : "") + "[^" + StopClass(stops) +
             "]{0," + std::to_string(max_chars) + "}$"),
      cue_("(?i)(\\b(?:" + words + ")" + (shape.word_end ? "\\b" : "") + ")"),
      stops_(std::move(stops)),
      max_chars_(max_chars),
      cue_holds_stops_(shape.cue_holds_stops) {
  Registered<TailCue>().push_back(this);
}

TailCue::~TailCue() = default;

bool TailCue::ClosesText(std::string_view text) const {
  const size_t stop = text.find_last_of(stops_);
  // The cue ends after the last stop, so it starts after it too, unless it may hold one.
  size_t from = stop == std::string_view::npos || cue_holds_stops_ ? 0 : stop + 1;
  // A text cut out of a line may start inside a character: its continuation bytes come before
  // any cue, so they are neither a cue nor part of one's tail.
  while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  // The tail is counted in characters, as the regex counts them: on valid UTF-8, every byte but
  // a continuation byte starts one. Other bytes are left to the regex.
  const re2::StringPiece whole(text.data(), text.size());
  if (!IsValidUtf8(text.substr(from))) return RE2::PartialMatch(whole, whole_.get());
  // Each search starts where the last cue ended, with the text before it as the context of `\b`.
  re2::StringPiece cue;
  for (size_t at = from;
       at < text.size() && cue_.get().Match(whole, at, text.size(), RE2::UNANCHORED, &cue, 1);
       at = static_cast<size_t>(cue.data() - text.data()) + std::max<size_t>(cue.size(), 1)) {
    const size_t end = static_cast<size_t>(cue.data() - text.data()) + cue.size();
    if (stop != std::string_view::npos && end <= stop) continue;  // its tail holds a stop
    size_t chars = 0;
    for (size_t i = end; i < text.size() && chars <= max_chars_; ++i)
      chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (chars <= max_chars_) return true;
  }
  return false;
}

const std::vector<const ScanPattern*>& AllScanPatterns() { return Registered<ScanPattern>(); }

ScanPattern::ScanPattern(const char* pattern, const char* prefilter, const char* start)
    : re_(pattern),
      prefilter_(prefilter),
      start_(start ? std::make_unique<LazyRegex>(start) : nullptr),
      index_(RegisterLinePattern(prefilter ? prefilter : pattern)) {
  Registered<ScanPattern>().push_back(this);
}

ScanPattern::~ScanPattern() = default;

void ForEachMatch(std::string_view text, const ScanPattern& pattern,
                  const std::function<void(const re2::StringPiece* groups)>& found) {
  const re2::RE2& re = pattern.re();
  const int count = 1 + re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<size_t>(count));
  re2::StringPiece rest(text.data(), text.size());
  const re2::RE2* start = pattern.start();
  size_t from = 0;  // in `rest`: where the next match may start
  while (from <= rest.size()) {
    size_t at = from;
    if (start) {
      re2::StringPiece cue;
      if (!start->Match(rest, from, rest.size(), RE2::UNANCHORED, &cue, 1)) return;
      at = static_cast<size_t>(cue.data() - rest.data());
    }
    // `rest` as the text, as FindAndConsume gives it: `\b` at a position sees the byte before.
    if (!re.Match(rest, at, rest.size(), start ? RE2::ANCHOR_START : RE2::UNANCHORED, groups.data(),
                  count)) {
      if (!start) return;
      from = at + 1;  // the next place the cue occurs
      continue;
    }
    found(groups.data());
    if (groups[0].empty()) return;  // FindAndConsume would find it again, for ever
    rest.remove_prefix(static_cast<size_t>(groups[0].data() + groups[0].size() - rest.data()));
    from = 0;
  }
}

bool Saw(const FileContext& ctx, const ScanPattern& pattern) {
  const Knowledge& k = ctx.knowledge;
  if (!ctx.knowledge_scan || pattern.index() >= k.line_pattern_count) return true;
  return ctx.knowledge_scan->MayContain(k.line_pattern_base + pattern.index());
}

std::string AgentKey(std::string_view name) {
  std::string key;
  for (char c : name) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    key += lower == ' ' || lower == '_' ? '-' : lower;
  }
  return key;
}

KnownAgents::KnownAgents(const ProjectContext& ctx, const std::vector<const AgentSummary*>& scope) {
  // Only what Claude Code registers can be spawned: an agent file it does not load is kept
  // apart, so that a reference to it says why it fails.
  const auto add = [&](const AgentSummary* agent) {
    if (agent->dialect == Dialect::kClaude && !agent->loads) {
      unloaded_.emplace(AgentKey(agent->agent_name), agent);
    } else {
      names_.push_back(agent->agent_name);
    }
  };
  for (const AgentSummary* agent : scope) add(agent);
  // Claude Code also loads the agents of the projects enclosing this one (core/project).
  if (!scope.empty()) {
    for (const AgentSummary* agent : ctx.project.EnclosingAgentsOf(scope.front()->origin.scope))
      add(agent);
  }
  for (const std::string& name : ctx.knowledge.builtin_agents) names_.push_back(name);
  for (const std::string& name : ctx.options.known_agents) names_.push_back(name);
  for (const std::string& name : names_) {
    keys_.insert(AgentKey(name));
    const size_t dash = name.find('-');
    if (dash != std::string::npos) heads_.insert(name.substr(0, dash + 1));
  }
  for (const std::string& key : keys_) unloaded_.erase(key);  // another one of the name loads
}

bool KnownAgents::Knows(const std::string& name) const { return keys_.count(AgentKey(name)) > 0; }

const AgentSummary* KnownAgents::Unloaded(const std::string& name) const {
  const auto it = unloaded_.find(AgentKey(name));
  return it == unloaded_.end() ? nullptr : it->second;
}

std::string KnownAgents::Hint(const std::string& name) const {
  const std::string guess = ClosestMatch(name, names_);
  if (!guess.empty()) return "did you mean `" + guess + "`?";
  return "define the agent in this folder, fix the name, or declare it with --known-agent " + name;
}

std::string PathInScope(const AgentSummary& agent) {
  const std::string& scope = agent.origin.scope;
  if (!scope.empty() && agent.path.size() > scope.size() + 1 && agent.path.rfind(scope, 0) == 0 &&
      agent.path[scope.size()] == '/')
    return agent.path.substr(scope.size() + 1);
  return agent.path;
}

void ReportUnknownAgent(const KnownAgents& known, const Reference& ref, ProjectReporter& out) {
  const AgentSummary* unloaded = known.Unloaded(ref.name);
  if (!unloaded) {
    out.Report(ref.at, ref.how + " `" + ref.name + "`, but no agent of that name exists here",
               known.Hint(ref.name));
    return;
  }
  const std::string shown = PathInScope(*unloaded);
  Diagnostic& d =
      out.Report(ref.at,
                 ref.how + " `" + ref.name + "`, but Claude Code does not load `" + shown +
                     "`, so no agent of that name can be spawned",
                 "fix `" + shown + "` so that Claude Code loads it (its own findings say why not)");
  if (unloaded->name_at) d.related.push_back({unloaded->name_at->location, "not loaded"});
}

bool KnownAgents::SharesShape(const std::string& name) const {
  const size_t dash = name.find('-');
  return dash != std::string::npos && heads_.count(name.substr(0, dash + 1)) > 0;
}

Fix CrlfToLf(const SourceFile& source) {
  Fix fix{"convert CRLF line endings to LF", {}, true};
  const std::string_view text = source.text();
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\r' && text[i + 1] == '\n') fix.edits.push_back({{i, i + 1}, ""});
  }
  return fix;
}

TextEdit RemoveToolEntry(const ToolList& list, size_t index, std::string_view text) {
  const Span span = list.entries[index].span;
  if (list.node && list.node->IsSequence() && !list.node->flow) {
    // A block list item: remove its whole line.
    size_t begin = text.rfind('\n', span.begin);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    size_t end = text.find('\n', span.end);
    end = end == std::string_view::npos ? text.size() : end + 1;
    return {{begin, end}, ""};
  }
  if (index > 0) return {{list.entries[index - 1].span.end, span.end}, ""};
  // The first entry: remove it and the separator after it.
  const size_t next = list.entries.size() > 1 ? list.entries[1].span.begin : span.end;
  return {{span.begin, next}, ""};
}

}  // namespace agentlint
