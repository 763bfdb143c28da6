#include "core/yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <unordered_map>

namespace agentlint {

const YamlNode* YamlNode::Find(std::string_view key) const {
  if (kind != YamlKind::kMapping) return nullptr;
  // The last entry wins, as in Claude Code's loader (a repeated key is not an error there).
  for (size_t i = MapSize(); i-- > 0;) {
    if (Key(i).IsScalar() && Key(i).value == key) return &Value(i);
  }
  return nullptr;
}

namespace {

// A table of bytes, for loops that pass over most bytes of a text and act on a few.
constexpr std::array<bool, 256> ByteSet(std::string_view bytes) {
  std::array<bool, 256> set{};
  for (const char c : bytes) set[static_cast<unsigned char>(c)] = true;
  return set;
}

// Whether any of the eight bytes of `word` may be `\n`, `[`, `]`, `{` or `}`: never false when
// one is (a match may be reported for a byte that is not one, which only costs a byte-wise look).
bool MayAct(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const auto any_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const uint64_t folded = word | (kOnes * 0x20);  // `[` is `{` and `]` is `}` with bit 5 set
  return (any_zero(word ^ (kOnes * '\n')) | any_zero(folded ^ (kOnes * '{')) |
          any_zero(folded ^ (kOnes * '}'))) != 0;
}

}  // namespace

int EstimateYamlDepth(std::string_view text) {
  // Past a line's indentation and indicators, only these bytes change the estimate.
  static constexpr std::array<bool, 256> kActs = ByteSet("\n[]{}");
  int flow = 0;
  int max_flow = 0;
  int max_block = 0;
  bool line_start = true;
  int indent = 0;
  int indicators = 0;  // `- ` and `? ` entries opened on this line before its content
  for (size_t i = 0; i < text.size(); ++i) {
    if (!line_start) {  // eight bytes at a time to the next word that may hold one of kActs
      uint64_t word = 0;
      while (i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), !MayAct(word)))
        i += 8;
      if (i >= text.size()) break;
    }
    const char c = text[i];
    if (!line_start && !kActs[static_cast<unsigned char>(c)]) continue;
    if (c == '\n') {
      line_start = true;
      indent = 0;
      indicators = 0;
      continue;
    }
    if (line_start) {
      if (c == ' ') {
        ++indent;
        continue;
      }
      // `- - - x` nests one sequence per dash without any indentation.
      if ((c == '-' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ')) {
        ++indicators;
        ++i;
        continue;
      }
      line_start = false;
      // Indentation of two spaces per level is the common case; one per level is the worst.
      max_block = std::max(max_block, indent / 2 + indicators);
    }
    if (c == '[' || c == '{') max_flow = std::max(max_flow, ++flow);
    if ((c == ']' || c == '}') && flow > 0) --flow;
  }
  return std::max(max_flow, max_block);
}

namespace {

// The first ` #` in `text` (where a comment may start), or npos: found from its `#`, the rarer
// byte, where std::string_view::find would stop at every space.
size_t FindSpaceHash(std::string_view text) {
  for (size_t q = text.find('#', 1); q != std::string_view::npos; q = text.find('#', q + 1)) {
    if (text[q - 1] == ' ') return q - 1;
  }
  return std::string_view::npos;
}

size_t SkipQuoted(std::string_view text, size_t pos) {
  const char quote = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return std::string_view::npos;  // never closed
}

size_t LineIndent(std::string_view text, size_t line_start) {
  size_t i = line_start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - line_start;
}

// End of a block scalar (| or >) whose header is at pos: the last line indented deeper than the
// line holding the header.
size_t BlockScalarEnd(std::string_view text, size_t pos) {
  size_t line_start = text.rfind('\n', pos);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  const size_t header_indent = LineIndent(text, line_start);
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) return text.size();
  size_t cursor = end + 1;
  while (cursor < text.size()) {
    size_t eol = text.find('\n', cursor);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(cursor, eol - cursor);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank) {
      if (LineIndent(text, cursor) <= header_indent) break;
      end = eol;
      if (end > cursor && text[end - 1] == '\r') --end;
    }
    cursor = eol + 1;
  }
  return end;
}

size_t PlainScalarEnd(std::string_view text, size_t pos, const std::string& value) {
  if (value.empty()) return pos;
  if (text.substr(pos, value.size()) == value) return pos + value.size();
  // A folded multi-line plain scalar: find its last word after pos.
  const size_t last_space = value.find_last_of(' ');
  const std::string tail = last_space == std::string::npos ? value : value.substr(last_space + 1);
  const size_t found = text.find(tail, pos);
  if (found != std::string_view::npos) return found + tail.size();
  size_t eol = text.find('\n', pos);
  return eol == std::string_view::npos ? text.size() : eol;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::string_view text) : text_(text) {}

  std::optional<YamlNode> TakeRoot() { return std::move(root_); }
  std::vector<YamlDuplicateKey> TakeDuplicates() { return std::move(duplicates_); }
  // yaml-cpp accepts a quoted scalar that runs to the end of the input; YAML does not.
  std::optional<size_t> unclosed_quote() const { return unclosed_quote_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode node;
    node.kind = YamlKind::kNull;
    const size_t pos = Pos(mark);
    node.span = {pos, pos};
    // An explicit `null` or `~` has a width; an empty value has none.
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (text_.substr(pos, word.size()) == word) node.span.end = pos + word.size();
    }
    Add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode node;
    node.kind = YamlKind::kAlias;
    const size_t pos = Pos(mark);
    size_t end = pos + 1;
    while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end])) &&
           text_[end] != ',' && text_[end] != ']' && text_[end] != '}') {
      ++end;
    }
    node.span = {pos, end};
    Add(std::move(node));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.value = value;
    if (tag != "?" && tag != "!") node.tag = tag;
    size_t pos = Pos(mark);
    // Skip a tag or anchor written before the value.
    while (pos < text_.size() && (text_[pos] == '!' || text_[pos] == '&')) {
      while (pos < text_.size() && text_[pos] != ' ' && text_[pos] != '\n') ++pos;
      while (pos < text_.size() && text_[pos] == ' ') ++pos;
    }
    const char first = pos < text_.size() ? text_[pos] : '\0';
    size_t end = pos;
    if (first == '"' || first == '\'') {
      node.style = first == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
      end = SkipQuoted(text_, pos);
      if (end == std::string_view::npos) {
        end = text_.size();
        if (!unclosed_quote_) unclosed_quote_ = pos;
      }
    } else if ((first == '|' || first == '>') && tag == "!") {
      node.style = first == '|' ? ScalarStyle::kLiteral : ScalarStyle::kFolded;
      end = BlockScalarEnd(text_, pos);
    } else {
      node.style = ScalarStyle::kPlain;
      end = PlainScalarEnd(text_, pos, value);
    }
    node.span = {pos, std::max(pos, end)};
    Add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    Open(YamlKind::kSequence, mark, tag, style);
  }
  void OnSequenceEnd() override { Close(']'); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    Open(YamlKind::kMapping, mark, tag, style);
  }
  void OnMapEnd() override { Close('}'); }

 private:
  size_t Pos(const YAML::Mark& mark) const {
    if (mark.pos < 0) return 0;
    return std::min(static_cast<size_t>(mark.pos), text_.size());
  }

  void Open(YamlKind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::EmitterStyle::value style) {
    YamlNode node;
    node.kind = kind;
    node.flow = style == YAML::EmitterStyle::Flow;
    if (tag != "?" && tag != "!") node.tag = tag;
    const size_t pos = Pos(mark);
    node.span = {pos, pos};
    stack_.push_back(std::move(node));
  }

  void Close(char bracket) {
    YamlNode node = std::move(stack_.back());
    stack_.pop_back();
    for (const YamlNode& child : node.children)
      node.span.end = std::max(node.span.end, child.span.end);
    if (node.flow) {
      size_t i = node.span.end;
      while (i < text_.size() && text_[i] != bracket && text_[i] != '\n') ++i;
      if (i < text_.size() && text_[i] == bracket) node.span.end = i + 1;
    }
    if (node.kind == YamlKind::kMapping) FindDuplicates(node);
    Add(std::move(node));
  }

  // One hash lookup per key: a mapping with 26,000 keys costs 26,000 lookups, not 26,000².
  void FindDuplicates(const YamlNode& map) {
    if (map.MapSize() < 2) return;
    std::unordered_map<std::string_view, size_t> first;  // key -> index of its first entry
    first.reserve(map.MapSize());
    for (size_t i = 0; i < map.MapSize(); ++i) {
      if (!map.Key(i).IsScalar()) continue;
      const auto [it, inserted] = first.emplace(map.Key(i).value, i);
      if (!inserted) {
        duplicates_.push_back({map.Key(i).value, map.Key(i).span, map.Key(it->second).span});
      }
    }
  }

  void Add(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
    } else {
      stack_.back().children.push_back(std::move(node));
    }
  }

  std::string_view text_;
  std::vector<YamlNode> stack_;
  std::optional<YamlNode> root_;
  std::vector<YamlDuplicateKey> duplicates_;
  std::optional<size_t> unclosed_quote_;
};

}  // namespace

namespace {

// The fast path: most front matter is `key: value` lines, lists of tools, a block scalar, a small
// nested mapping (hooks, mcpServers). This reads exactly those shapes, in one pass, into the tree
// yaml-cpp would give (the same kinds, values, styles and spans; tests/yaml_test.cpp compares
// them on every fixture, example and knowledge file); anything else, anything it is not sure of,
// goes to yaml-cpp.
class SimpleYaml {
 public:
  explicit SimpleYaml(std::string_view text) : text_(text) {}

  std::optional<YamlParse> Parse() {
    if (!PlainText(text_)) return std::nullopt;
    size_t at = NextContentLine(0);
    if (at >= text_.size() || LineIndent(text_, at) != 0) return std::nullopt;
    std::optional<YamlNode> root = Mapping(at, 0, at, 0);
    if (!root || NextContentLine(at) < text_.size()) return std::nullopt;
    YamlParse out;
    out.ok = true;
    out.root = std::move(*root);
    out.duplicate_keys = std::move(duplicates_);
    return out;
  }

 private:
  static constexpr int kMaxDepth = 16;  // deeper: yaml-cpp's business

  // Only printable UTF-8 and newlines: tabs, carriage returns, controls, a byte-order mark, the
  // line separators YAML 1.1 knows (U+0085, U+2028, U+2029) and bad bytes go to yaml-cpp.
  static bool PlainText(std::string_view text) {
    // Printable ASCII and the newline: passed over with one lookup each.
    static constexpr std::array<bool, 256> kPlainAscii = [] {
      std::array<bool, 256> set{};
      for (int c = 0x20; c < 0x7f; ++c) set[static_cast<size_t>(c)] = true;
      set['\n'] = true;
      return set;
    }();
    for (size_t i = 0; i < text.size();) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (kPlainAscii[c]) {
        ++i;
        continue;
      }
      if (c < 0x80) return false;  // a control character, DEL
      const size_t n = Utf8SequenceLength(text, i);
      if (n == 0) return false;
      const char32_t cp = DecodeUtf8(text, i);
      if (cp < 0xa0 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
          (cp >= 0xfff0 && cp <= 0xffff))
        return false;
      i += n;
    }
    return true;
  }

  size_t EndOfLine(size_t at) const {
    const size_t eol = text_.find('\n', at);
    return eol == std::string_view::npos ? text_.size() : eol;
  }
  size_t NextLine(size_t at) const { return std::min(EndOfLine(at) + 1, text_.size()); }
  bool Blank(size_t at) const {
    const size_t eol = EndOfLine(at);
    for (size_t i = at; i < eol; ++i) {
      if (text_[i] != ' ') return false;
    }
    return true;
  }
  // The start of the first line from `at` on that is neither blank nor a comment line.
  size_t NextContentLine(size_t at) const {
    while (at < text_.size()) {
      const size_t lead = at + LineIndent(text_, at);
      if (lead < text_.size() && text_[lead] != '\n' && text_[lead] != '#') return at;
      at = NextLine(at);
    }
    return text_.size();
  }

  YamlNode Plain(size_t at, std::string_view value) const {
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.style = ScalarStyle::kPlain;
    node.value = std::string(value);
    node.span = {at, at + value.size()};
    return node;
  }

  // The length of the simple key word `text` starts with (a letter or digit, then letters, digits,
  // `_` and `-`), or 0; a null word (`null`, `~`) is no key here.
  static size_t KeyWordLength(std::string_view text) {
    if (text.empty() || !std::isalnum(static_cast<unsigned char>(text[0]))) return 0;
    size_t k = 1;
    while (k < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_' || text[k] == '-'))
      ++k;
    return NullWord(text.substr(0, k)) ? 0 : k;
  }

  // A key at `at`: a simple word or a quoted string, then a colon that ends the line or is
  // followed by a space. Returns the key and the position of the colon.
  std::optional<std::pair<YamlNode, size_t>> Key(size_t at, size_t eol) const {
    if (at >= eol) return std::nullopt;
    size_t k = at;
    std::optional<YamlNode> key;
    if (text_[at] == '"' || text_[at] == '\'') {
      k = SkipQuoted(text_.substr(0, eol), at);
      if (k == std::string_view::npos) return std::nullopt;
      key = Quoted(at, text_.substr(at, k - at));
      if (!key) return std::nullopt;
    } else {
      k = at + KeyWordLength(text_.substr(at, eol - at));
      if (k == at) return std::nullopt;
      key = Plain(at, text_.substr(at, k - at));
    }
    if (k >= eol || text_[k] != ':') return std::nullopt;
    if (k + 1 < eol && text_[k + 1] != ' ') return std::nullopt;  // `key:value`: one scalar
    return std::make_pair(std::move(*key), k);
  }

  // The value written after `key: ` or `- ` at `v`, without a trailing comment and spaces; nullopt
  // when there is none (`key: # comment` is a null) or the line is not plainly one value.
  std::optional<std::string_view> InlineValue(size_t v, size_t eol) const {
    const std::string_view rest = text_.substr(v, eol - v);
    size_t end = rest.size();
    if (rest[0] == '"' || rest[0] == '\'') {
      end = SkipQuoted(rest, 0);
      if (end == std::string_view::npos) return std::nullopt;
    } else if (rest[0] == '[' || rest[0] == '{') {
      const size_t close =
          rest.substr(0, FindSpaceHash(rest)).find_last_of(rest[0] == '[' ? ']' : '}');
      if (close == std::string_view::npos) return std::nullopt;
      end = close + 1;
    } else {
      end = std::min(FindSpaceHash(rest), rest.size());
    }
    // After the value: spaces, then nothing or a comment after at least one space.
    const std::string_view tail = rest.substr(end);
    const size_t t = tail.find_first_not_of(' ');
    if (t != std::string_view::npos && (t == 0 || tail[t] != '#')) return std::nullopt;
    std::string_view raw = rest.substr(0, end);
    while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
    if (raw.empty()) return std::nullopt;
    return raw;
  }

  // A block mapping whose keys stand at column `indent`; the first key is at `first_key` on the
  // line starting at `at` (after a sequence's `- ` for a mapping in a list). On return `at` is the
  // start of the first line that is not part of it.
  std::optional<YamlNode> Mapping(size_t& at, size_t indent, size_t first_key, int depth) {
    if (depth > kMaxDepth) return std::nullopt;
    YamlNode map;
    map.kind = YamlKind::kMapping;
    map.span = {first_key, first_key};
    size_t key_at = first_key;
    while (true) {
      const size_t eol = EndOfLine(key_at);
      auto parsed_key = Key(key_at, eol);
      if (!parsed_key) return std::nullopt;
      YamlNode key = std::move(parsed_key->first);
      size_t v = parsed_key->second + 1;
      while (v < eol && text_[v] == ' ') ++v;
      std::optional<YamlNode> value;
      if (v == eol) {  // `key:` and a nested block below, or nothing (yaml-cpp: a null's mark)
        at = NextContentLine(NextLine(key_at));
        if (at >= text_.size()) return std::nullopt;
        const size_t lead = LineIndent(text_, at);
        if (lead == indent && text_.substr(at + lead, 2) == "- ") {
          value = Sequence(at, indent, depth + 1, /*compact=*/true);  // `key:` then `- a` below it
        } else {
          if (lead <= indent) return std::nullopt;
          value = Block(at, lead, depth + 1);
        }
      } else if (text_[v] == '|' || text_[v] == '>') {
        value = BlockScalar(at, v, eol, indent);
      } else {
        const auto raw = InlineValue(v, eol);
        if (raw) value = Value(v, *raw);
        at = NextLine(key_at);
        // A more indented line next: a multi-line plain scalar, or an error; yaml-cpp decides.
        if (value && NextContentLine(at) < text_.size() &&
            LineIndent(text_, NextContentLine(at)) > indent)
          return std::nullopt;
      }
      if (!value) return std::nullopt;
      map.children.push_back(std::move(key));
      map.children.push_back(std::move(*value));
      const size_t next = NextContentLine(at);
      if (next >= text_.size()) break;
      const size_t lead = LineIndent(text_, next);
      if (lead < indent) break;
      if (lead > indent) return std::nullopt;
      at = next;
      key_at = next + lead;
    }
    for (const YamlNode& child : map.children)
      map.span.end = std::max(map.span.end, child.span.end);
    FindDuplicates(map);
    return map;
  }

  // The nested block on the line at `at`, indented `indent`: a list, or a mapping.
  std::optional<YamlNode> Block(size_t& at, size_t indent, int depth) {
    const size_t first = at + indent;
    if (text_.substr(first, 2) == "- ") return Sequence(at, indent, depth, false);
    return Mapping(at, indent, first, depth);
  }

  // Lines `- item` at column `indent`: scalars, flow lists, or mappings. `compact`: the list is
  // the value of a key at the same column, so a line there without `- ` is the next key.
  std::optional<YamlNode> Sequence(size_t& at, size_t indent, int depth, bool compact) {
    if (depth > kMaxDepth) return std::nullopt;
    YamlNode list;
    list.kind = YamlKind::kSequence;
    list.span = {at + indent, at + indent};
    while (true) {
      const size_t eol = EndOfLine(at);
      if (text_.substr(at + indent, 2) != "- ") return std::nullopt;
      size_t item = at + indent + 2;
      while (item < eol && text_[item] == ' ') ++item;
      if (item == eol) return std::nullopt;
      std::optional<YamlNode> value;
      if (Key(item, eol)) {
        value = Mapping(at, item - at, item, depth + 1);
      } else {
        const auto raw = InlineValue(item, eol);
        if (raw) value = Value(item, *raw);
        at = NextLine(at);
        if (value && value->IsSequence()) return std::nullopt;
        if (value && NextContentLine(at) < text_.size() &&
            LineIndent(text_, NextContentLine(at)) > indent)
          return std::nullopt;
      }
      if (!value) return std::nullopt;
      list.children.push_back(std::move(*value));
      const size_t next = NextContentLine(at);
      if (next >= text_.size()) break;
      const size_t lead = LineIndent(text_, next);
      if (lead < indent) break;
      if (lead > indent) return std::nullopt;
      if (compact && text_.substr(next + lead, 2) != "- ") break;
      at = next;
    }
    for (const YamlNode& child : list.children)
      list.span.end = std::max(list.span.end, child.span.end);
    return list;
  }

  // `|`, `|-`, `>` or `>-` at `header` ending its line, and the lines below indented deeper than
  // `indent` (the key's column), all at one indentation.
  std::optional<YamlNode> BlockScalar(size_t& at, size_t header, size_t eol, size_t indent) {
    std::string_view h = text_.substr(header, eol - header);
    while (!h.empty() && h.back() == ' ') h.remove_suffix(1);
    if (h != "|" && h != "|-" && h != ">" && h != ">-") return std::nullopt;
    const bool literal = h[0] == '|';
    const bool strip = h.size() == 2;
    std::vector<std::string_view> lines;
    size_t last_content_end = 0;  // the end of the last line with text
    size_t content_indent = 0;
    size_t line = NextLine(header);
    if (line >= text_.size() || Blank(line)) return std::nullopt;
    content_indent = LineIndent(text_, line);
    if (content_indent <= indent) return std::nullopt;
    while (line < text_.size()) {
      const size_t end = EndOfLine(line);
      const size_t lead = LineIndent(text_, line);
      // A last line without its line break: yaml-cpp's chomping and folding differ there.
      if (end == text_.size() && lead > indent) return std::nullopt;
      if (line + lead == end) {  // blank: an empty line of the scalar (or after it)
        if (lead > content_indent) return std::nullopt;
        lines.emplace_back();
      } else if (lead >= content_indent) {
        if (!literal && lead > content_indent) return std::nullopt;  // folding's special case
        lines.push_back(text_.substr(line + content_indent, end - line - content_indent));
        last_content_end = end;
      } else if (lead > indent) {
        return std::nullopt;
      } else {
        break;
      }
      line = NextLine(line);
      if (end == text_.size()) break;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    std::string value;
    size_t empties = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].empty()) {
        ++empties;
        if (literal) value += '\n';
        continue;
      }
      if (i > 0) {
        if (literal) {
          value += '\n';
        } else if (empties == 0) {
          value += ' ';
        }
      }
      if (!literal) value.append(empties, '\n');
      empties = 0;
      value.append(lines[i]);
    }
    // Clipping keeps the last line's break, when it has one (not at the end of the text).
    if (!strip && last_content_end < text_.size()) value += '\n';
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.style = literal ? ScalarStyle::kLiteral : ScalarStyle::kFolded;
    node.value = std::move(value);
    node.span = {header, std::max(header, BlockScalarEnd(text_, header))};
    at = line;
    return node;
  }

  void FindDuplicates(const YamlNode& map) {
    if (map.MapSize() < 2) return;
    std::unordered_map<std::string_view, size_t> first;
    for (size_t i = 0; i < map.MapSize(); ++i) {
      const auto [it, inserted] = first.emplace(map.Key(i).value, i);
      if (!inserted)
        duplicates_.push_back({map.Key(i).value, map.Key(i).span, map.Key(it->second).span});
    }
  }

  // A plain scalar this reader is sure of: no indicator first, no `: `, ` #` or final `:`.
  static bool SafePlain(std::string_view v) {
    if (v.empty() || std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v[0]) != std::string_view::npos)
      return false;
    if (v.find(": ") != std::string_view::npos || FindSpaceHash(v) != std::string_view::npos ||
        v.back() == ':')
      return false;
    // Null words are null nodes in yaml-cpp's tree, with their own spans: its business.
    return v != "---" && v != "..." && !NullWord(v);
  }

  static bool NullWord(std::string_view v) {
    return v == "~" || v == "null" || v == "Null" || v == "NULL";
  }

  std::optional<YamlNode> Value(size_t at, std::string_view raw) {
    if (raw.empty()) return std::nullopt;
    const char q = raw.front();
    if (q == '"' || q == '\'') {
      if (SkipQuoted(raw, 0) != raw.size()) return std::nullopt;
      return Quoted(at, raw);
    }
    if (q == '[') return FlowList(at, raw);
    if (q == '{') return FlowMap(at, raw);
    if (!SafePlain(raw)) return std::nullopt;
    return Plain(at, raw);
  }

  // A quoted string on one line (`token` with its quotes): `''` in single quotes; `\\`, `\"`,
  // `\n` and `\t` in double quotes (any other escape goes to yaml-cpp).
  std::optional<YamlNode> Quoted(size_t at, std::string_view token) const {
    const char q = token[0];
    YamlNode node;
    node.kind = YamlKind::kScalar;
    node.style = q == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
    node.span = {at, at + token.size()};
    // Between the quotes, a run at a time up to the next `''` (single) or `\` (double).
    const std::string_view inner = token.substr(1, token.size() - 2);
    const char special = q == '\'' ? '\'' : '\\';
    node.value.reserve(inner.size());
    for (size_t i = 0; i < inner.size();) {
      const size_t next = std::min(inner.find(special, i), inner.size());
      node.value.append(inner, i, next - i);
      if (next == inner.size()) break;
      if (q == '\'') {
        node.value += '\'';  // `''`: its second quote is skipped
      } else {
        // The escape's letter; past the last inner byte, the closing quote.
        switch (next + 1 < inner.size() ? inner[next + 1] : token.back()) {
          case '\\':
            node.value += '\\';
            break;
          case '"':
            node.value += '"';
            break;
          case 'n':
            node.value += '\n';
            break;
          case 't':
            node.value += '\t';
            break;
          default:
            return std::nullopt;
        }
      }
      i = next + 2;
    }
    return node;
  }

  // One past the value at inner[i] of a one-line flow collection: a quoted string, a list of
  // scalars (`allow_list`), or plain text up to the next comma; npos when unsure.
  static size_t FlowTokenEnd(std::string_view inner, size_t i, bool allow_list) {
    if (inner[i] == '"' || inner[i] == '\'') return SkipQuoted(inner, i);
    if (inner[i] == '{' || (inner[i] == '[' && !allow_list)) return std::string_view::npos;
    if (inner[i] == '[') {
      for (size_t j = i + 1; j < inner.size(); ++j) {
        if (inner[j] == '"' || inner[j] == '\'') {
          j = SkipQuoted(inner, j);
          if (j == std::string_view::npos) return j;
          --j;
        } else if (inner[j] == '[' || inner[j] == '{') {
          return std::string_view::npos;
        } else if (inner[j] == ']') {
          return j + 1;
        }
      }
      return std::string_view::npos;
    }
    size_t end = std::min(inner.find(',', i), inner.size());
    while (end > i && inner[end - 1] == ' ') --end;
    return end;
  }

  // Calls `item(i)` for each comma-separated item of a one-line flow collection (`inner`, without
  // its brackets); `item` reads the item starting at i and returns one past it, or npos when
  // unsure. False when an item is refused or the items are not plainly separated (`[a, ]`, `[a
  // b]`).
  template <typename Item>
  static bool FlowItems(std::string_view inner, const Item& item) {
    if (inner.find_first_not_of(' ') == std::string_view::npos) return true;  // `[]`, `{ }`
    for (size_t i = 0;;) {
      while (i < inner.size() && inner[i] == ' ') ++i;
      if (i == inner.size()) return false;
      i = item(i);
      if (i == std::string_view::npos) return false;
      while (i < inner.size() && inner[i] == ' ') ++i;
      if (i == inner.size()) return true;
      if (inner[i] != ',') return false;
      ++i;
    }
  }

  // A flow item's value: plain text with none of the flow indicators (nor `?`: yaml-cpp reads
  // it as a key indicator there), a quoted string,
  // or (in a mapping) a list of those.
  std::optional<YamlNode> FlowValue(size_t at, std::string_view item) {
    auto node = Value(at, item);
    if (!node) return std::nullopt;
    if (node->IsScalar() && node->style == ScalarStyle::kPlain &&
        item.find_first_of(",[]{}?") != std::string_view::npos)
      return std::nullopt;
    return node;
  }

  // `[a, "b", 'c']`: plain words or quoted strings, one line.
  std::optional<YamlNode> FlowList(size_t at, std::string_view raw) {
    if (raw.size() < 2 || raw.back() != ']') return std::nullopt;
    YamlNode list;
    list.kind = YamlKind::kSequence;
    list.flow = true;
    list.span = {at, at};
    const std::string_view inner = raw.substr(1, raw.size() - 2);
    const bool items = FlowItems(inner, [&](size_t i) {
      const size_t end = FlowTokenEnd(inner, i, false);
      if (end == std::string_view::npos) return end;
      auto node = FlowValue(at + 1 + i, inner.substr(i, end - i));
      if (!node || !node->IsScalar()) return std::string_view::npos;
      list.children.push_back(std::move(*node));
      return end;
    });
    if (!items) return std::nullopt;
    list.span.end = at + raw.size();  // through the closing bracket, as yaml-cpp's tree has it
    return list;
  }

  // `{key: value, key: [a, b]}` on one line, keys simple words.
  std::optional<YamlNode> FlowMap(size_t at, std::string_view raw) {
    if (raw.size() < 2 || raw.back() != '}') return std::nullopt;
    YamlNode map;
    map.kind = YamlKind::kMapping;
    map.flow = true;
    map.span = {at, at};
    const std::string_view inner = raw.substr(1, raw.size() - 2);
    const bool items = FlowItems(inner, [&](size_t i) {
      const size_t k = i + KeyWordLength(inner.substr(i));
      if (k == i || k + 1 >= inner.size() || inner[k] != ':' || inner[k + 1] != ' ')
        return std::string_view::npos;
      size_t v = k + 1;
      while (v < inner.size() && inner[v] == ' ') ++v;
      if (v == inner.size()) return std::string_view::npos;
      const size_t end = FlowTokenEnd(inner, v, true);
      if (end == std::string_view::npos) return end;
      auto value = FlowValue(at + 1 + v, inner.substr(v, end - v));
      if (!value) return std::string_view::npos;
      map.children.push_back(Plain(at + 1 + i, inner.substr(i, k - i)));
      map.children.push_back(std::move(*value));
      return end;
    });
    if (!items) return std::nullopt;
    map.span.end = at + raw.size();  // through the closing brace
    FindDuplicates(map);
    return map;
  }

  std::string_view text_;
  std::vector<YamlDuplicateKey> duplicates_;
};

}  // namespace

std::optional<YamlParse> ParseSimpleYaml(std::string_view text) { return SimpleYaml(text).Parse(); }

YamlParse ParseYaml(std::string_view text, const YamlLimits& limits) {
  YamlParse result;
  if (EstimateYamlDepth(text) > limits.max_depth) {
    result.too_deep = true;
    result.error = "nesting deeper than " + std::to_string(limits.max_depth) + " levels";
    return result;
  }
  if (std::optional<YamlParse> simple = ParseSimpleYaml(text)) return std::move(*simple);
  return ParseYamlWithYamlCpp(text);
}

YamlParse ParseYamlWithYamlCpp(std::string_view text) {
  YamlParse result;
  TreeBuilder builder(text);
  try {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    parser.HandleNextDocument(builder);
    if (const auto at = builder.unclosed_quote()) {
      result.error = "a quoted value is never closed";
      result.error_offset = *at;
      return result;
    }
    result.root = builder.TakeRoot();
    if (!result.root) result.root = YamlNode{};  // an empty document
    result.duplicate_keys = builder.TakeDuplicates();
    result.ok = true;
  } catch (const YAML::Exception& e) {
    result.error = e.msg;
    result.error_offset =
        e.mark.pos < 0 ? 0 : std::min(static_cast<size_t>(e.mark.pos), text.size());
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace agentlint
