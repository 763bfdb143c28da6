#include "core/document.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/retry.h"
#include "core/text.h"

namespace agentlint {

const char* DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kClaude:
      return "claude";
    case Dialect::kCopilot:
      return "copilot";
    case Dialect::kOpenCode:
      return "opencode";
    case Dialect::kKiro:
      return "kiro";
    case Dialect::kGemini:
      return "gemini";
    case Dialect::kOther:
      return "other";
  }
  return "claude";
}

namespace {

bool IsFenceLine(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  return line.find_first_not_of(" \t\r", 3) == std::string_view::npos;
}

// A model of another vendor (`gpt-5`, `gemini-2.5-pro`, `provider/model`) outside a Claude Code
// location marks a file written for some other agent framework.
bool ForeignModel(const YamlNode* root) {
  const YamlNode* model = root ? root->Find("model") : nullptr;
  if (!model || !model->IsScalar()) return false;
  const std::string& v = model->value;
  return v.find('/') != std::string::npos || v.rfind("gpt", 0) == 0 || v.rfind("gemini", 0) == 0 ||
         v.rfind("o1", 0) == 0 || v.rfind("o3", 0) == 0 || v.rfind("o4", 0) == 0;
}

Dialect DetectDialect(std::string_view path, const YamlNode* root, bool claude_location) {
  // Claude Code's folder decides first: a `.agent.md` there is a Claude Code agent.
  if (InClaudeAgentsFolder(path)) return Dialect::kClaude;
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  p = "/" + p;
  if (p.find("/.github/agents/") != std::string::npos || EndsWith(p, ".agent.md") ||
      EndsWith(p, ".chatmode.md")) {
    return Dialect::kCopilot;
  }
  if (p.find("/.opencode/agent/") != std::string::npos ||
      p.find("/.opencode/agents/") != std::string::npos) {
    return Dialect::kOpenCode;
  }
  if (p.find("/.kiro/agents/") != std::string::npos) return Dialect::kKiro;
  if (p.find("/.gemini/agents/") != std::string::npos) return Dialect::kGemini;
  if (root) {
    // OpenCode files elsewhere: `mode: primary|subagent|all`, or `tools` as a map of booleans.
    const YamlNode* mode = root->Find("mode");
    if (mode && mode->IsScalar() &&
        (mode->value == "primary" || mode->value == "subagent" || mode->value == "all")) {
      return Dialect::kOpenCode;
    }
    const YamlNode* tools = root->Find("tools");
    if (tools && tools->IsMapping()) return Dialect::kOpenCode;
  }
  if (!claude_location && ForeignModel(root)) return Dialect::kOther;
  return Dialect::kClaude;
}

// Node spans of a parse of the retry text, moved to the file's offsets.
void RemapSpans(YamlNode& node, const RetryText& retry) {
  node.span = {retry.ToFile(node.span.begin), retry.ToFile(node.span.end)};
  if (node.span.end < node.span.begin) node.span.end = node.span.begin;
  for (YamlNode& child : node.children) RemapSpans(child, retry);  // depth is limited
}

// What strict YAML makes of `key: <raw>` on its own line.
TolerantLine::Effect StrictEffect(const std::string& raw) {
  const std::string line = "k: " + raw + "\n";
  const YamlParse alone = ParseYaml(line);
  if (!alone.ok || !alone.root || !alone.root->IsMapping() || alone.root->MapSize() != 1)
    return TolerantLine::kFails;
  const YamlNode& value = alone.root->Value(0);
  const std::string_view trimmed = Trim(raw);  // trailing spaces are not a change of meaning
  return value.IsScalar() && value.value == trimmed ? TolerantLine::kSame : TolerantLine::kDiffers;
}

}  // namespace

bool InClaudeAgentsFolder(std::string_view path) {
  // `.claude`, `/` or `\\`, `agents`, `/` or `\\`, at the start or after a separator; asked of
  // every file (its dialect), so without a copy of the path.
  const auto separator = [](char c) { return c == '/' || c == '\\'; };
  constexpr std::string_view kClaude = ".claude";
  for (size_t at = path.find(kClaude); at != std::string_view::npos;
       at = path.find(kClaude, at + 1)) {
    const std::string_view rest = path.substr(at + kClaude.size());
    if ((at == 0 || separator(path[at - 1])) && rest.size() > 7 && separator(rest[0]) &&
        rest.substr(1, 6) == "agents" && separator(rest[7]))
      return true;
  }
  return false;
}

bool MisnamedMarkdown(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || EndsWith(name, ".md")) return false;
  const std::string extension = Lower(name.substr(dot + 1));
  for (const char* markdown : {"md", "markdown", "mdown", "mkd", "mkdn", "mdx", "txt"}) {
    if (extension == markdown) return true;
  }
  return false;
}

AgentDoc::AgentDoc(SourceFile source, FileOrigin origin, const DocumentLimits& limits,
                   bool parse_body)
    : source_(std::move(source)), origin_(origin) {
  // A file read whole asks for lines all through its text: its line index is made whole at
  // once (and read without its lock from then on); a sibling's grows only as far as asked.
  if (parse_body) source_.line_count();
  SplitFrontMatter();
  ParseFrontMatter(limits);
  dialect_ = DetectDialect(origin_.Located(source_.path()), root(), origin_.agent_location);
  if (parse_body) ParseBody(limits);
}

void AgentDoc::ParseBody(const DocumentLimits& limits) {
  if (body_parsed_) return;
  body_parsed_ = true;
  source_.line_count();  // whole, as above: the body's walk asks for lines all through the text
  size_t body_begin = front_matter_.closed ? front_matter_.close_fence.end : 0;
  if (front_matter_.closed) {
    // The body starts on the line after the closing fence.
    const size_t eol = source_.text().find('\n', body_begin);
    body_begin = eol == std::string_view::npos ? source_.size() : eol + 1;
  } else if (source_.has_bom()) {
    body_begin = 3;
  }
  const Span body{body_begin, source_.size()};
  body_ = ParseMarkdown(Blanked(body), source_, body, limits.markdown);
}

std::string AgentDoc::Blanked(Span keep, size_t length) const {
  std::string text(source_.text().substr(0, length));
  const auto blank = [&text](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
    }
  };
  const size_t begin = std::min(keep.begin, text.size());
  blank(0, begin);
  blank(std::clamp(keep.end, begin, text.size()), text.size());
  return text;
}

void AgentDoc::SplitFrontMatter() {
  const std::string_view text = source_.text();
  const size_t start = source_.has_bom() ? 3 : 0;
  // Line by line, never further than the closing fence: a sibling read for its front matter
  // does not look for the line ends of its body.
  const std::string_view first = source_.LineText(1).substr(source_.has_bom() ? 3 : 0);
  if (IsFenceLine(first)) {
    front_matter_.present = true;
    front_matter_.open_fence = {start, source_.LineContentEnd(1)};
    // Lines are walked here, not asked of the line index one by one (each asks takes its lock).
    int line = 2;
    for (size_t at = source_.LineStart(2); at < text.size(); ++line) {
      const size_t end = std::min(text.find('\n', at), text.size());
      if (IsFenceLine(text.substr(at, end - at))) {  // a CR before the LF is allowed there
        front_matter_.closed = true;
        front_matter_.content = {source_.LineStart(2), at};
        front_matter_.close_fence = {at, source_.LineContentEnd(line)};
        return;
      }
      at = end + 1;
    }
    front_matter_.content = {source_.LineStart(2), text.size()};
    return;
  }
  // Look for a block that was meant as front matter: an indented fence, or one further down
  // (after blank lines or a title) that is followed by `key:` lines.
  for (int line = 1; line <= 30 && source_.HasLine(line); ++line) {
    const std::string_view content = source_.LineText(line);
    const size_t indent = content.find_first_not_of(" \t");
    if (indent == std::string_view::npos) continue;
    if (!IsFenceLine(content.substr(indent))) continue;
    const std::string_view next = source_.LineText(line + 1);
    const size_t key = next.find_first_not_of(" \t");
    if (source_.HasLine(line + 1) && key != std::string_view::npos &&
        next.find(':') != std::string_view::npos &&
        std::isalpha(static_cast<unsigned char>(next[key]))) {
      const size_t begin = source_.LineStart(line) + indent;
      front_matter_.misplaced = Span{begin, begin + 3};
    }
    return;
  }
}

FieldsParse AgentDoc::ParseFields(Span content, const DocumentLimits& limits) const {
  FieldsParse out;
  if (content.end - content.begin > limits.max_front_matter_bytes) {
    out.too_large = true;
    return out;
  }
  YamlLimits yaml_limits;
  yaml_limits.max_depth = limits.max_yaml_depth;
  // The YAML parser sees the file up to the end of the front matter, everything before the
  // content blanked: offsets stay the file's, and the body is not scanned at all.
  std::string blanked = Blanked(content, content.end);
  out.strict = ParseYaml(blanked, yaml_limits);
  if (out.strict->too_deep) {
    out.too_deep = true;
    return out;
  }
  if (out.strict->ok) {
    out.root = std::move(out.strict->root);  // one tree: root(), not a copy in the verdict
    out.strict->root.reset();
    return out;
  }
  // Claude Code reads the front matter a second time: plain top-level values with `: ` or a
  // YAML indicator are quoted as written, leading tabs become spaces (core/retry). Parse that
  // text, and map every node back to its place in the file.
  const RetryText retry(blanked, content);
  if (retry.unchanged()) return out;
  YamlParse tolerant = ParseYaml(retry.text(), yaml_limits);
  if (!tolerant.ok || !tolerant.root || !tolerant.root->IsMapping()) return out;
  YamlNode root = std::move(*tolerant.root);
  RemapSpans(root, retry);
  std::unordered_map<size_t, size_t> key_at;  // key offset -> entry index (no pairwise search)
  key_at.reserve(root.MapSize());
  for (size_t i = 0; i < root.MapSize(); ++i) key_at.emplace(root.Key(i).span.begin, i);
  for (const RetryLine& line : retry.quoted()) {
    const std::string raw(
        source_.text().substr(line.value.begin, line.value.end - line.value.begin));
    out.tolerant_lines.push_back({line.key, line.value, StrictEffect(raw)});
    const auto entry = key_at.find(line.key.begin);
    if (entry == key_at.end()) continue;
    YamlNode& value = root.children[2 * entry->second + 1];
    if (!value.IsScalar()) continue;
    value.value = raw;  // the retry's double quotes keep every character
    value.span = line.value;
    value.style = ScalarStyle::kPlain;
  }
  out.tolerant = true;
  out.root = std::move(root);
  return out;
}

void AgentDoc::ParseFrontMatter(const DocumentLimits& limits) {
  // Claude Code ends the front matter at the first `---` after the opening line, wherever it is
  // (inside a value, or a line such as `--- notes`), not only at a `---` line.
  if (front_matter_.present) {
    const size_t after_open = std::min(source_.size(), source_.LineStart(2));
    const size_t cut = source_.text().find("---", after_open);
    if (cut != std::string_view::npos &&
        (!front_matter_.closed || cut != front_matter_.close_fence.begin)) {
      claude_cut_ = Span{cut, cut + 3};
    }
  }
  if (front_matter_.closed) {
    FieldsParse fields = ParseFields(front_matter_.content, limits);
    strict_ = std::move(fields.strict);
    tolerant_ = fields.tolerant;
    tolerant_lines_ = std::move(fields.tolerant_lines);
    too_large_ = fields.too_large;
    too_deep_ = fields.too_deep;
    root_ = std::move(fields.root);
  }
  if (claude_cut_) {
    claude_ = std::make_unique<FieldsParse>(ParseFields(
        {std::min(source_.LineStart(2), claude_cut_->begin), claude_cut_->begin}, limits));
  }
}

const YamlNode* AgentDoc::ClaudeRoot() const {
  if (!claude_) return root();
  return claude_->root ? &*claude_->root : nullptr;
}

const YamlNode* AgentDoc::ClaudeField(std::string_view key) const {
  const YamlNode* root = ClaudeRoot();
  return root ? root->Find(key) : nullptr;
}

bool AgentDoc::ClaudeTolerant() const { return claude_ ? claude_->tolerant : tolerant_; }
bool AgentDoc::ClaudeOverLimits() const {
  return claude_ ? claude_->too_large || claude_->too_deep : too_large_ || too_deep_;
}

const YamlNode* AgentDoc::Field(std::string_view key) const {
  return root_ ? root_->Find(key) : nullptr;
}

const ToolList& AgentDoc::CachedTools(const YamlNode* node) const {
  static const ToolList kAbsent;
  if (!node) return kAbsent;
  auto it = tool_lists_.lists.find(node);
  if (it == tool_lists_.lists.end())
    it = tool_lists_.lists.emplace(node, SplitToolList(*node, source_.text())).first;
  return it->second;
}

const ToolList& AgentDoc::Tools(std::string_view key) const { return CachedTools(Field(key)); }

const ToolList& AgentDoc::ClaudeTools(std::string_view key) const {
  return CachedTools(ClaudeField(key));
}

namespace {

// Adds text[begin, end) as an entry, trimmed of spaces, tabs and line ends at its edges only
// (`Read\nBash` stays one entry, as in Claude Code).
void AddEntry(ToolList& list, std::string_view text, size_t begin, size_t end, bool exact,
              Span fallback) {
  const std::string_view blank = " \t\r\n";
  while (begin < end && blank.find(text[begin]) != std::string_view::npos) ++begin;
  while (end > begin && blank.find(text[end - 1]) != std::string_view::npos) --end;
  if (end == begin) return;  // `Read,,Bash` and doubled spaces give nothing, as in Claude Code
  ToolEntry entry;
  entry.span = exact ? Span{begin, end} : fallback;
  std::string_view name = text.substr(begin, end - begin);
  entry.name = std::string(name);
  entry.quoted = name.size() >= 2 && (name.front() == '"' || name.front() == '\'') &&
                 name.back() == name.front();
  list.entries.push_back(std::move(entry));
}

// Claude Code splits a tools string on commas and spaces outside parentheses
// (`Bash(git diff:*) Read` is two tools); tabs and line ends do not split.
void SplitWords(ToolList& list, std::string_view text, size_t begin, size_t end, bool exact,
                Span fallback) {
  int depth = 0;
  size_t item = begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
    if ((text[i] == ',' || text[i] == ' ') && depth == 0) {
      AddEntry(list, text, item, i, exact, fallback);
      item = i + 1;
    }
  }
  AddEntry(list, text, item, end, exact, fallback);
}

// The YAML 1.2 core types that are not text: a number, `true` or null gives no tools.
bool PlainNonString(const YamlNode& node) {
  if (node.style != ScalarStyle::kPlain || !node.tag.empty()) return false;
  const std::string& v = node.value;
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return true;
  for (const char* word : {"true", "True", "TRUE", "false", "False", "FALSE"}) {
    if (v == word) return true;
  }
  const size_t digits = v.find_first_not_of("0123456789.+-eE");
  return digits == std::string::npos && v.find_first_of("0123456789") != std::string::npos;
}

void SplitScalar(ToolList& list, const YamlNode& node, std::string_view text) {
  if (!node.IsScalar() || PlainNonString(node)) return;
  const std::string_view raw = text.substr(node.span.begin, node.span.end - node.span.begin);
  if (node.style == ScalarStyle::kPlain && raw == node.value) {
    SplitWords(list, text, node.span.begin, node.span.end, true, node.span);
  } else if ((node.style == ScalarStyle::kDoubleQuoted ||
              node.style == ScalarStyle::kSingleQuoted) &&
             raw.size() >= 2 && raw.substr(1, raw.size() - 2) == node.value) {
    SplitWords(list, text, node.span.begin + 1, node.span.end - 1, true, node.span);
  } else {
    // Escapes or a block scalar: split the value; every entry points at the whole value.
    SplitWords(list, node.value, 0, node.value.size(), false, node.span);
  }
}

}  // namespace

ToolList SplitToolList(const YamlNode& node, std::string_view text) {
  ToolList list;
  list.node = &node;
  if (node.IsScalar()) {
    list.from_string = true;
    SplitScalar(list, node, text);
  } else if (node.IsSequence()) {
    for (const YamlNode& item : node.children) {
      if (item.IsScalar()) {
        SplitScalar(list, item, text);  // an item can hold several: `- "Read, Bash"`
      } else {
        list.entries.push_back({"", item.span, false});  // a list or mapping gives nothing
      }
    }
  }
  return list;
}

}  // namespace agentlint
