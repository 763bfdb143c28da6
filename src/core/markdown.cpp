#include "core/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace agentlint {
namespace {

// cmark-gfm allocates every node, string buffer and delimiter of a parse one by one, and frees
// them one by one: a third of its time in the system allocator. One document's tree lives
// exactly as long as one ParseMarkdown call, so its memory comes from a bump arena, one per
// thread, and is dropped in one step when the call ends (no tree walk to free it).
// cmark-gfm's own arena is process-wide and cannot serve two threads.
class Arena {
 public:
  ~Arena() {
    for (Block& block : blocks_) std::free(block.data);
  }

  void* Allocate(size_t size, bool zero) {
    if (size > kLargest) std::abort();  // as cmark's own allocator does when out of memory
    const size_t need = Round(size) + kHeader;
    if (static_cast<size_t>(end_ - next_) < need) NextBlock(need);
    char* at = next_;
    std::memcpy(at, &size, sizeof size);
    next_ += need;
    last_ = at + kHeader;
    if (zero) std::memset(last_, 0, size);
    return last_;
  }

  void* Reallocate(void* old, size_t size) {
    if (old == nullptr) return Allocate(size, false);
    char* bytes = static_cast<char*>(old);
    size_t old_size = 0;
    std::memcpy(&old_size, bytes - kHeader, sizeof old_size);
    // The newest allocation grows in place while its block has room (string buffers grow so).
    if (bytes == last_ && size <= kLargest && static_cast<size_t>(end_ - bytes) >= Round(size)) {
      next_ = bytes + Round(size);
      std::memcpy(bytes - kHeader, &size, sizeof size);
      return bytes;
    }
    void* fresh = Allocate(size, false);
    std::memcpy(fresh, old, std::min(old_size, size));
    return fresh;
  }

  void Free(void* pointer) {
    if (pointer == nullptr || pointer != last_) return;
    next_ = last_ - kHeader;
    last_ = nullptr;
  }

  // Everything allocated since the last reset is gone. Blocks are kept for the next document,
  // up to 1 MiB; a huge document's blocks are returned to the system.
  void Reset() {
    size_t kept = 0;
    size_t keep = 0;
    while (keep < blocks_.size() && kept + blocks_[keep].size <= kKeep)
      kept += blocks_[keep++].size;
    for (size_t i = keep; i < blocks_.size(); ++i) std::free(blocks_[i].data);
    blocks_.resize(keep);
    current_ = 0;
    next_ = blocks_.empty() ? nullptr : blocks_[0].data;
    end_ = blocks_.empty() ? nullptr : blocks_[0].data + blocks_[0].size;
    last_ = nullptr;
  }

 private:
  struct Block {
    char* data;
    size_t size;
  };
  static constexpr size_t kHeader = 16;  // keeps every allocation 16-byte aligned
  static constexpr size_t kBlockSize = 256 * 1024;
  static constexpr size_t kKeep = 1024 * 1024;
  static constexpr size_t kLargest = SIZE_MAX / 4;
  static size_t Round(size_t size) { return (size + 15) & ~size_t{15}; }

  // Moves to the next kept block with room for `need` bytes, or to a new one.
  void NextBlock(size_t need) {
    for (size_t i = next_ == nullptr ? 0 : current_ + 1; i < blocks_.size(); ++i) {
      if (blocks_[i].size >= need) return Use(i);
    }
    const size_t block_size = std::max(need, kBlockSize);
    char* data = static_cast<char*>(std::malloc(block_size));
    if (data == nullptr) std::abort();
    blocks_.push_back({data, block_size});
    Use(blocks_.size() - 1);
  }
  void Use(size_t block) {
    current_ = block;
    next_ = blocks_[block].data;
    end_ = next_ + blocks_[block].size;
  }

  std::vector<Block> blocks_;
  size_t current_ = 0;    // the block next_ points into
  char* next_ = nullptr;  // free space of the current block: [next_, end_)
  char* end_ = nullptr;
  char* last_ = nullptr;  // the newest allocation, which may grow or shrink in place
};

// The thread's arena (its blocks are freed when the thread ends), and a plain pointer to it for
// the allocation calls: a thread_local object with a destructor is reached through a guard
// function on every use, a plain pointer is not.
thread_local Arena arena;
thread_local Arena* parsing = nullptr;

void* ArenaCalloc(size_t count, size_t size) {
  size_t bytes = 0;
  if (__builtin_mul_overflow(count, size, &bytes)) std::abort();  // Allocate checks the size
  return parsing->Allocate(bytes, true);
}
void* ArenaRealloc(void* pointer, size_t size) { return parsing->Reallocate(pointer, size); }
void ArenaFree(void* pointer) { parsing->Free(pointer); }
cmark_mem arena_mem = {ArenaCalloc, ArenaRealloc, ArenaFree};

struct Parser {
  std::string_view text;
  const SourceFile& source;
  Body& body;

  size_t Offset(int line, int column) const {
    const size_t start = source.LineStart(line);
    return std::min(start + static_cast<size_t>(std::max(column, 1) - 1), text.size());
  }
  Span NodeSpan(cmark_node* node) const {
    const size_t begin = Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    const int end_line = cmark_node_get_end_line(node);
    size_t end = Offset(end_line, cmark_node_get_end_column(node)) + 1;
    end = std::min(end, source.LineContentEnd(end_line));
    return {begin, std::max(begin, end)};
  }

  // The text of a node's inline content, walked with cmark's iterator (emphasis can nest as deep
  // as the input likes; this never recurses).
  // Visits the nodes under `node` in document order (as cmark's iterator enters them), without
  // the iterator's allocation: this runs for every paragraph, list item and heading. `visit`
  // returns whether to go into the node's children. Iterative, like Walk.
  template <typename Visit>
  static void ForEachDescendant(cmark_node* node, Visit&& visit) {
    cmark_node* at = cmark_node_first_child(node);
    while (at) {
      cmark_node* child = visit(at) ? cmark_node_first_child(at) : nullptr;
      if (child) {
        at = child;
        continue;
      }
      while (at && at != node && !cmark_node_next(at)) at = cmark_node_parent(at);
      at = at && at != node ? cmark_node_next(at) : nullptr;
    }
  }

  static std::string InlineText(cmark_node* node) {
    std::string out;
    ForEachDescendant(node, [&](cmark_node* child) {
      const cmark_node_type type = cmark_node_get_type(child);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
        if (const char* literal = cmark_node_get_literal(child)) out += literal;
      } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        out += ' ';
      }
      return true;
    });
    return out;
  }

  void AddCodeBlock(cmark_node* node) {
    CodeBlock block;
    int fence_length = 0;
    int fence_offset = 0;
    char fence_char = 0;
    block.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
    const char* info = cmark_node_get_fence_info(node);
    if (info) {
      std::string_view view(info);
      block.info = std::string(view.substr(0, view.find_first_of(" \t{")));
    }
    block.span = NodeSpan(node);
    block.content = block.span;
    if (block.fenced) {
      const size_t first_eol = text.find('\n', block.span.begin);
      block.content.begin = first_eol == std::string_view::npos ? block.span.end : first_eol + 1;
      // cmark ends an unclosed fence at the end of the document; a closed one ends on its fence.
      // The closing fence may sit inside a block quote or a list item: skip `>` and indentation.
      const std::string_view last_line = source.LineText(cmark_node_get_end_line(node));
      const size_t first = last_line.find_first_not_of(" >\t");
      const char fence = fence_char != 0 ? fence_char : '`';
      block.closed = cmark_node_get_end_line(node) > cmark_node_get_start_line(node) &&
                     first != std::string_view::npos && last_line[first] == fence &&
                     last_line.find_first_not_of(std::string(1, fence) + " \t", first) ==
                         std::string_view::npos;
      if (block.closed) {
        block.content.end = source.LineStart(cmark_node_get_end_line(node));
      }
      block.content.end = std::max(block.content.begin, block.content.end);
    }
    body.code_blocks.push_back(std::move(block));
  }

  size_t LeadingSpaces(size_t pos) const {
    size_t n = 0;
    while (pos + n < text.size() && text[pos + n] == ' ') ++n;
    return n;
  }

  void AddHtml(cmark_node* node) {
    // cmark can report an HTML block's end before its start; its literal is exact.
    Span span = NodeSpan(node);
    if (const char* literal = cmark_node_get_literal(node)) {
      std::string_view view(literal);
      while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
      span.end = std::min(text.size(), span.begin + view.size());
    }
    const std::string_view html = text.substr(span.begin, span.end - span.begin);
    size_t at = 0;
    while ((at = html.find("<!--", at)) != std::string_view::npos) {
      size_t close = html.find("-->", at + 4);
      const size_t end = close == std::string_view::npos ? html.size() : close + 3;
      body.html_comments.push_back({span.begin + at, span.begin + end});
      at = end;
    }
  }

  void AddCodeSpans(Span span) {
    const std::string_view block = text.substr(span.begin, span.end - span.begin);
    size_t i = 0;
    while ((i = block.find('`', i)) != std::string_view::npos) {
      size_t ticks = 0;
      while (i + ticks < block.size() && block[i + ticks] == '`') ++ticks;
      const std::string fence(ticks, '`');
      size_t close = block.find(fence, i + ticks);
      while (close != std::string_view::npos && close + ticks < block.size() &&
             block[close + ticks] == '`') {
        close = block.find(fence, close + ticks + 1);
      }
      if (close == std::string_view::npos) {
        i += ticks;
        continue;
      }
      std::string code(block.substr(i + ticks, close - i - ticks));
      const size_t first = code.find_first_not_of(" \n");
      const size_t last = code.find_last_not_of(" \n");
      code = first == std::string::npos ? "" : code.substr(first, last - first + 1);
      body.code_spans.push_back({{span.begin + i, span.begin + close + ticks}, std::move(code)});
      i = close + ticks;
    }
  }

  void AddLinks(cmark_node* node, Span span) {
    // Links come in text order: each destination is searched for after the previous one, so a
    // paragraph of 30,000 links is read once, not once per link.
    size_t from = span.begin;
    ForEachDescendant(node, [&](cmark_node* child) {
      if (cmark_node_get_type(child) != CMARK_NODE_LINK) return true;
      const char* url = cmark_node_get_url(child);
      Link link{InlineText(child), url ? url : "", span};
      // Inline nodes carry no reliable position; find the destination in the block's text.
      const size_t at = link.url.empty() ? std::string_view::npos
                                         : text.substr(from, span.end - from).find(link.url);
      if (at != std::string_view::npos) {
        link.span = {from + at, from + at + link.url.size()};
        from = link.span.end;
      }
      body.links.push_back(std::move(link));
      return false;  // links do not nest
    });
  }

  // Code spans are recorded in order: a binary search finds the one holding `offset`.
  bool InCodeSpan(size_t offset) const {
    const auto it = std::upper_bound(
        body.code_spans.begin(), body.code_spans.end(), offset,
        [](size_t value, const CodeSpan& code) { return value < code.span.begin; });
    return it != body.code_spans.begin() && offset < std::prev(it)->span.end;
  }

  void AddMentions(Span span) {
    const std::string_view block = text.substr(span.begin, span.end - span.begin);
    for (size_t at = block.find('@'); at != std::string_view::npos; at = block.find('@', at + 1)) {
      const char before = at > 0 ? block[at - 1] : ' ';
      if (std::isalnum(static_cast<unsigned char>(before)) || before == '.' || before == '/' ||
          before == '`' || before == '_' || before == '-') {
        continue;  // an e-mail address, a path or a package scope
      }
      size_t end = at + 1;
      while (end < block.size() && (std::isalnum(static_cast<unsigned char>(block[end])) ||
                                    block[end] == '-' || block[end] == '_')) {
        ++end;
      }
      while (end > at + 1 && block[end - 1] == '-') --end;
      if (end == at + 1 || InCodeSpan(span.begin + at)) continue;
      if (end < block.size() && (block[end] == '/' || block[end] == '.') &&
          end + 1 < block.size() && std::isalnum(static_cast<unsigned char>(block[end + 1]))) {
        continue;  // @scope/package, @user.domain
      }
      body.mentions.push_back(
          {std::string(block.substr(at + 1, end - at - 1)), {span.begin + at, span.begin + end}});
    }
  }

  void AddProse(cmark_node* node, ProseKind kind) {
    const Span span = NodeSpan(node);
    body.prose.push_back({kind, span});
    AddCodeSpans(span);
    AddLinks(node, span);
    AddMentions(span);
    size_t from = span.begin;  // comments come in text order, like links
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE) {
        const char* literal = cmark_node_get_literal(child);
        if (literal && std::string_view(literal).substr(0, 4) == "<!--") {
          // Inline HTML has no reliable position in cmark; find it in the block's text.
          const size_t at = text.substr(from, span.end - from).find(literal);
          if (at != std::string_view::npos) {
            body.html_comments.push_back({from + at, from + at + std::string_view(literal).size()});
            from = body.html_comments.back().end;
          }
        }
      }
    }
  }

  void AddHeading(cmark_node* node) {
    Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.span = NodeSpan(node);
    heading.setext = text[heading.span.begin + LeadingSpaces(heading.span.begin)] != '#';
    heading.title = InlineText(node);
    heading.normalized = NormalizeTitle(heading.title);
    body.headings.push_back(std::move(heading));
  }

  void DepthHit(cmark_node* node, int depth, int limit) {
    for (BodyLimitHit& hit : body.limit_hits) {
      if (hit.kind == BodyLimitHit::kDepth) return void(++hit.count);
    }
    body.limit_hits.push_back({BodyLimitHit::kDepth, NodeSpan(node), depth, limit, 1});
  }

  // Every block of the document, in order, with cmark's iterator: no recursion, whatever the
  // nesting. Paragraphs, headings and table rows are read whole and their inline children
  // skipped; block quotes and list items set the kind of the prose inside them. The stack of
  // open containers is kept from parent links, so it never depends on which nodes get EXIT events.
  void Walk(cmark_node* root, int max_depth) {
    struct Open {
      cmark_node* node;
      ProseKind kind;
      int level;  // block quotes and list items around it: the nesting users see
    };
    std::vector<Open> open{{root, ProseKind::kParagraph, 0}};
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event != CMARK_EVENT_ENTER || node == root) continue;
      cmark_node* parent = cmark_node_parent(node);
      while (open.size() > 1 && open.back().node != parent) open.pop_back();
      const ProseKind kind = open.back().kind;
      const cmark_node_type type = cmark_node_get_type(node);
      // Table rows are the tables extension's own node types, known by name; the core
      // containers around most blocks are never rows, so their names are not compared.
      const auto table_row = [&] {
        if (type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE)
          return false;
        const std::string_view name = cmark_node_get_type_string(node);
        return name == "table_row" || name == "table_header";
      };
      if (type == CMARK_NODE_HEADING) {
        AddHeading(node);
      } else if (type == CMARK_NODE_PARAGRAPH) {
        AddProse(node, kind);
      } else if (type == CMARK_NODE_CODE_BLOCK) {
        AddCodeBlock(node);
        continue;
      } else if (type == CMARK_NODE_HTML_BLOCK) {
        AddHtml(node);
        continue;
      } else if (table_row()) {
        AddProse(node, ProseKind::kTableRow);
      } else if (!cmark_node_first_child(node)) {
        continue;  // nothing inside: a thematic break, an empty list item
      } else {
        const bool nests = type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE;
        const int level = open.back().level + (nests ? 1 : 0);
        if (level > max_depth) {
          DepthHit(node, level, max_depth);
        } else {
          open.push_back({node,
                          type == CMARK_NODE_ITEM          ? ProseKind::kListItem
                          : type == CMARK_NODE_BLOCK_QUOTE ? ProseKind::kBlockQuote
                                                           : kind,
                          level});
          continue;
        }
      }
      cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);  // its inside is read, or not read at all
    }
    cmark_iter_free(iter);
  }
};

// Lines that would make cmark slow or our model deep are neutralised in the parser's copy of the
// text before it parses: container markers (`>`, list bullets) beyond the depth limit at the
// start of a line become `x`, and a line with more `|` cells than the limit loses its pipes.
// Positions do not move (one byte for one byte); the hits are reported by input-limit-exceeded.
void GuardLimits(std::string& text, Span body_span, const MarkdownLimits& limits, Body& body) {
  const auto hit = [&](BodyLimitHit::Kind kind, Span span, int value, int limit) {
    for (BodyLimitHit& h : body.limit_hits) {
      if (h.kind == kind) return void(++h.count);
    }
    body.limit_hits.push_back({kind, span, value, limit, 1});
  };
  size_t line = body_span.begin;
  while (line < body_span.end) {
    size_t eol = text.find('\n', line);
    if (eol == std::string::npos || eol > body_span.end) eol = body_span.end;
    // Container markers at the start of the line.
    int depth = 0;
    size_t i = line;
    size_t crossed = std::string::npos;
    while (i < eol) {
      const char c = text[i];
      if (c == ' ' || c == '\t') {
        ++i;
        continue;
      }
      size_t marker_end = i;
      if (c == '>') {
        marker_end = i + 1;
      } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == eol || text[i + 1] == ' ')) {
        marker_end = i + 1;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        size_t d = i;
        while (d < eol && d - i < 9 && std::isdigit(static_cast<unsigned char>(text[d]))) ++d;
        if (d < eol && (text[d] == '.' || text[d] == ')') && (d + 1 == eol || text[d + 1] == ' '))
          marker_end = d + 1;
      }
      if (marker_end == i) break;
      if (++depth > limits.max_depth) {
        if (crossed == std::string::npos) crossed = i;
        for (size_t k = i; k < marker_end; ++k) text[k] = 'x';
      }
      i = marker_end;
    }
    if (crossed != std::string::npos)
      hit(BodyLimitHit::kDepth, {crossed, crossed + 1}, depth, limits.max_depth);
    // Table cells: unescaped pipes on the line (most lines have none: memchr says so first).
    int pipes = 0;
    const void* pipe = std::memchr(text.data() + line, '|', eol - line);
    for (size_t k = pipe ? static_cast<size_t>(static_cast<const char*>(pipe) - text.data()) : eol;
         k < eol; ++k)
      pipes += text[k] == '|' && (k == line || text[k - 1] != '\\');
    if (pipes > limits.max_table_cells) {
      const size_t first = text.find('|', line);
      hit(BodyLimitHit::kTableCells, {first, first + 1}, pipes, limits.max_table_cells);
      for (size_t k = line; k < eol; ++k) {
        if (text[k] == '|') text[k] = ',';
      }
    }
    line = eol + 1;
  }
}

void BuildSections(Body& body, const SourceFile& source) {
  std::vector<int> open;  // indexes into body.sections, outermost first
  for (size_t i = 0; i < body.headings.size(); ++i) {
    const Heading& heading = body.headings[i];
    while (!open.empty() &&
           body.headings[body.sections[open.back()].heading].level >= heading.level) {
      body.sections[open.back()].content.end = heading.span.begin;
      open.pop_back();
    }
    Section section;
    section.heading = i;
    section.parent = open.empty() ? -1 : open.back();
    const int line = source.Locate(heading.span.end).line;
    section.content = {std::min(source.LineStart(line + 1), body.span.end), body.span.end};
    if (section.content.begin < heading.span.end) section.content.begin = heading.span.end;
    body.sections.push_back(section);
    open.push_back(static_cast<int>(body.sections.size() - 1));
  }
}

// Drops the parser and its tree together, at the end of ParseMarkdown, whatever way it ends.
struct ArenaScope {
  ArenaScope() {
    parsing = &arena;
    parsing->Reset();
  }
  ~ArenaScope() {
    parsing->Reset();
    parsing = nullptr;
  }
};

}  // namespace

Body ParseMarkdown(std::string text, const SourceFile& source, Span body_span,
                   const MarkdownLimits& limits) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  Body body;
  body.span = body_span;
  GuardLimits(text, body_span, limits, body);
  {
    const ArenaScope scope;
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &arena_mem);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    cmark_parser_feed(parser, text.data(), text.size());
    if (cmark_node* root = cmark_parser_finish(parser)) {
      Parser walker{text, source, body};
      walker.Walk(root, limits.max_depth);
    }
  }
  std::sort(body.html_comments.begin(), body.html_comments.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  // One pass over the body for `<example>` regions.
  const std::string_view body_text =
      std::string_view(text).substr(body_span.begin, body_span.end - body_span.begin);
  for (size_t at = body_text.find("<example"); at != std::string_view::npos;) {
    const size_t close = body_text.find("</example>", at);
    const size_t end = close == std::string_view::npos ? body_text.size() : close;
    body.example_tags.push_back({body_span.begin + at, body_span.begin + end});
    if (close == std::string_view::npos) break;
    at = body_text.find("<example", close + 1);
  }
  BuildSections(body, source);
  return body;
}

int Body::SectionAt(size_t offset) const {
  // Sections are in document order of their headings: take the last heading at or before
  // `offset`, then climb to the innermost section that still holds it.
  const auto after = std::upper_bound(sections.begin(), sections.end(), offset,
                                      [this](size_t value, const Section& section) {
                                        return value < headings[section.heading].span.begin;
                                      });
  int found = static_cast<int>(after - sections.begin()) - 1;
  while (found >= 0 && offset >= sections[found].content.end) found = sections[found].parent;
  return found;
}

bool Body::InHtmlComment(size_t offset) const {
  const auto after =
      std::upper_bound(html_comments.begin(), html_comments.end(), offset,
                       [](size_t value, const Span& comment) { return value < comment.begin; });
  return after != html_comments.begin() && offset < std::prev(after)->end;
}

bool Body::InExampleTag(size_t offset) const {
  const auto after =
      std::upper_bound(example_tags.begin(), example_tags.end(), offset,
                       [](size_t value, const Span& region) { return value < region.begin; });
  return after != example_tags.begin() && offset < std::prev(after)->end;
}

std::vector<ProseLine> ProseIndex(const Body& body, std::string_view file_text) {
  std::vector<ProseLine> lines;
  lines.reserve(body.prose.size());
  for (const ProseBlock& block : body.prose) {
    const int section = body.SectionAt(block.span.begin);
    const std::string_view title =
        section >= 0 ? std::string_view(body.headings[body.sections[section].heading].normalized)
                     : "";
    const size_t begin = std::min(block.span.begin, file_text.size());
    const size_t end = std::clamp(block.span.end, begin, file_text.size());
    lines.push_back({block.kind, block.span, file_text.substr(begin, end - begin), title});
  }
  return lines;
}

std::string NormalizeTitle(std::string_view title) {
  // One pass: letters and digits (lower-cased) and apostrophes are kept, everything else is a
  // space, and a space is written only after a kept character (runs collapse, none leads).
  std::string words(title.size(), ' ');
  size_t n = 0;
  const auto space = [&] {
    if (n > 0 && words[n - 1] != ' ') words[n++] = ' ';
  };
  for (size_t i = 0; i < title.size();) {
    const auto byte = static_cast<unsigned char>(title[i]);
    if (byte < 0x80) {  // ASCII: lower-cased letters and digits, apostrophes; the rest a space
      const char c = byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a')
                                                : static_cast<char>(byte);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'')
        words[n++] = c;
      else
        space();
      ++i;
      continue;
    }
    const size_t len = std::max<size_t>(1, Utf8SequenceLength(title, i));
    const char32_t cp = len > 1 ? DecodeUtf8(title, i) : static_cast<unsigned char>(title[i]);
    const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
                        cp == 0xFE0F || cp == 0x200D || cp == 0x20E3;
    if (symbol) {
      space();
    } else if (len == 1) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(title[i])));
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'')
        words[n++] = c;
      else
        space();
    } else {
      for (size_t k = 0; k < len; ++k) words[n++] = title[i + k];
    }
    i += len;
  }
  if (n > 0 && words[n - 1] == ' ') --n;
  words.resize(n);
  // Then drop numbering ("1", "1 2", "step 3", "phase 2") at the start.
  for (bool again = true; again;) {
    again = false;
    size_t skip = 0;
    if (!words.empty() && std::isdigit(static_cast<unsigned char>(words[0]))) {
      while (skip < words.size() && std::isdigit(static_cast<unsigned char>(words[skip]))) ++skip;
    } else {
      for (const char* prefix : {"step ", "phase ", "part ", "stage "}) {
        const std::string_view p(prefix);
        if (words.compare(0, p.size(), p) == 0 && words.size() > p.size() &&
            std::isdigit(static_cast<unsigned char>(words[p.size()]))) {
          skip = p.size();
          while (skip < words.size() && std::isdigit(static_cast<unsigned char>(words[skip])))
            ++skip;
        }
      }
    }
    if (skip > 0 && (skip == words.size() || words[skip] == ' ')) {
      words.erase(0, std::min(words.size(), skip + 1));
      again = !words.empty();
    }
  }
  return words;
}

}  // namespace agentlint
