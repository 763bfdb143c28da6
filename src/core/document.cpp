#include "core/document.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

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

// A plain value that strict YAML rejects but a tolerant reader takes as text: it holds `: ` or
// ` #`, or starts with a reserved indicator.
bool NeedsTolerance(std::string_view value) {
  if (value.empty()) return false;
  const char first = value[0];
  if (std::string_view("\"'|>[{&*!#").find(first) != std::string_view::npos) return false;
  if (first == '@' || first == '`' || first == '%') return true;
  return value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos ||
         value.find(":\t") != std::string_view::npos || value.back() == ':';
}

}  // namespace

AgentDoc::AgentDoc(SourceFile source, FileOrigin origin, const DocumentLimits& limits)
    : source_(std::move(source)), origin_(origin) {
  SplitFrontMatter();
  ParseFrontMatter(limits);
  dialect_ = DetectDialect(source_.path(), root(), origin_.agent_location);
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

std::string AgentDoc::Blanked(Span keep) const {
  std::string text(source_.text());
  for (size_t i = 0; i < text.size(); ++i) {
    if (i >= keep.begin && i < keep.end) continue;
    if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
  }
  return text;
}

void AgentDoc::SplitFrontMatter() {
  const std::string_view text = source_.text();
  const size_t start = source_.has_bom() ? 3 : 0;
  const int lines = source_.line_count();
  const std::string_view first = source_.LineText(1).substr(source_.has_bom() ? 3 : 0);
  if (IsFenceLine(first)) {
    front_matter_.present = true;
    front_matter_.open_fence = {start, source_.LineContentEnd(1)};
    for (int line = 2; line <= lines; ++line) {
      if (IsFenceLine(source_.LineText(line))) {
        front_matter_.closed = true;
        front_matter_.content = {source_.LineStart(2), source_.LineStart(line)};
        front_matter_.close_fence = {source_.LineStart(line), source_.LineContentEnd(line)};
        return;
      }
    }
    front_matter_.content = {source_.LineStart(2), text.size()};
    return;
  }
  // Look for a block that was meant as front matter: an indented fence, or one further down
  // (after blank lines or a title) that is followed by `key:` lines.
  for (int line = 1; line <= std::min(lines, 30); ++line) {
    const std::string_view content = source_.LineText(line);
    const size_t indent = content.find_first_not_of(" \t");
    if (indent == std::string_view::npos) continue;
    if (!IsFenceLine(content.substr(indent))) continue;
    const std::string_view next = source_.LineText(line + 1);
    const size_t key = next.find_first_not_of(" \t");
    if (line < lines && key != std::string_view::npos && next.find(':') != std::string_view::npos &&
        std::isalpha(static_cast<unsigned char>(next[key]))) {
      const size_t begin = source_.LineStart(line) + indent;
      front_matter_.misplaced = Span{begin, begin + 3};
    }
    return;
  }
}

void AgentDoc::ParseFrontMatter(const DocumentLimits& limits) {
  if (!front_matter_.closed) return;
  const Span content = front_matter_.content;
  if (content.end - content.begin > limits.max_front_matter_bytes) {
    too_large_ = true;
    return;
  }
  YamlLimits yaml_limits;
  yaml_limits.max_depth = limits.max_yaml_depth;
  // The YAML parser sees the file up to the end of the front matter, everything before the
  // content blanked: offsets stay the file's, and the body is not scanned at all.
  std::string blanked = Blanked(content);
  blanked.resize(content.end);
  strict_ = ParseYaml(blanked, yaml_limits);
  if (strict_->too_deep) {
    too_deep_ = true;
    return;
  }
  if (strict_->ok) {
    root_ = strict_->root;
    return;
  }
  // Claude Code's loader reads one-line plain values that hold `: ` as text. Neutralise those
  // characters in a same-length copy, parse again, and take each value from the real bytes.
  std::string patched = blanked;
  std::vector<TolerantLine> lines;
  const int first_line = source_.Locate(content.begin).line;
  const int last_line = source_.Locate(content.end).line;
  for (int line = first_line; line < last_line; ++line) {
    const size_t start = source_.LineStart(line);
    const std::string_view text = source_.LineText(line);
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_')) {
      continue;
    }
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon + 1 >= text.size()) continue;
    const std::string_view key = text.substr(0, colon);
    if (key.find_first_of(" \t\"'") != std::string_view::npos) continue;
    if (text[colon + 1] != ' ' && text[colon + 1] != '\t') continue;
    const size_t value_at = text.find_first_not_of(" \t", colon + 1);
    if (value_at == std::string_view::npos) continue;
    const size_t value_end = text.find_last_not_of(" \t") + 1;
    const std::string_view value = text.substr(value_at, value_end - value_at);
    if (!NeedsTolerance(value)) continue;
    for (size_t i = value_at; i < value_end; ++i) {
      char& c = patched[start + i];
      if (c == ':' || c == '#' || (i == value_at && (c == '@' || c == '`' || c == '%'))) c = ';';
    }
    lines.push_back({{start, start + colon}, {start + value_at, start + value_end}});
  }
  if (lines.empty()) return;
  YamlParse tolerant = ParseYaml(patched, yaml_limits);
  if (!tolerant.ok || !tolerant.root || !tolerant.root->IsMapping()) return;
  YamlNode root = std::move(*tolerant.root);
  std::unordered_map<size_t, size_t> key_at;  // key offset -> entry index (no pairwise search)
  key_at.reserve(root.MapSize());
  for (size_t i = 0; i < root.MapSize(); ++i) key_at.emplace(root.Key(i).span.begin, i);
  for (const TolerantLine& line : lines) {
    const auto entry = key_at.find(line.key.begin);
    if (entry == key_at.end()) continue;
    YamlNode& value = root.children[2 * entry->second + 1];
    if (!value.IsScalar()) continue;
    value.value =
        std::string(source_.text().substr(line.value.begin, line.value.end - line.value.begin));
    value.span = line.value;
    value.style = ScalarStyle::kPlain;
  }
  tolerant_ = true;
  tolerant_lines_ = std::move(lines);
  root_ = std::move(root);
}

const YamlNode* AgentDoc::Field(std::string_view key) const {
  return root_ ? root_->Find(key) : nullptr;
}

ToolList AgentDoc::Tools(std::string_view key) const {
  const YamlNode* node = Field(key);
  if (!node) return {};
  return SplitToolList(*node, source_.text());
}

namespace {

void AddEntry(ToolList& list, std::string_view text, size_t begin, size_t end) {
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  ToolEntry entry;
  entry.span = {begin, end};
  std::string_view name = text.substr(begin, end - begin);
  if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') &&
      name.back() == name.front()) {
    entry.quoted = true;
    name = name.substr(1, name.size() - 2);
  }
  entry.name = std::string(name);
  list.entries.push_back(std::move(entry));
}

// Splits text[begin, end) on commas that are not inside parentheses: `Bash(git add:*, git diff)`.
void SplitCommas(ToolList& list, std::string_view text, size_t begin, size_t end) {
  int depth = 0;
  size_t item = begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
    if ((text[i] == ',' || text[i] == '\n') && depth == 0) {
      AddEntry(list, text, item, i);
      item = i + 1;
    }
  }
  AddEntry(list, text, item, end);
}

}  // namespace

ToolList SplitToolList(const YamlNode& node, std::string_view text) {
  ToolList list;
  list.node = &node;
  if (node.IsScalar()) {
    list.from_string = true;
    const std::string_view raw = text.substr(node.span.begin, node.span.end - node.span.begin);
    if (node.style == ScalarStyle::kPlain && raw == node.value) {
      SplitCommas(list, text, node.span.begin, node.span.end);
    } else if ((node.style == ScalarStyle::kDoubleQuoted ||
                node.style == ScalarStyle::kSingleQuoted) &&
               raw.size() >= 2 && raw.substr(1, raw.size() - 2) == node.value) {
      SplitCommas(list, text, node.span.begin + 1, node.span.end - 1);
    } else {
      // Escapes or a block scalar: split the value; positions fall back to the whole value.
      ToolList parsed;
      SplitCommas(parsed, node.value, 0, node.value.size());
      for (ToolEntry& entry : parsed.entries) {
        const size_t at = raw.find(entry.name);
        entry.span = at == std::string_view::npos || entry.name.empty()
                         ? node.span
                         : Span{node.span.begin + at, node.span.begin + at + entry.name.size()};
        list.entries.push_back(std::move(entry));
      }
    }
    // A bare empty string means "no tools", not one empty entry.
    if (list.entries.size() == 1 && list.entries[0].name.empty()) list.entries.clear();
    return list;
  }
  if (node.IsSequence()) {
    for (const YamlNode& item : node.children) {
      ToolEntry entry;
      entry.span = item.span;
      if (item.IsScalar()) entry.name = item.value;
      list.entries.push_back(std::move(entry));
    }
  }
  return list;
}

}  // namespace agentlint
