#include "core/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace agentlint {
namespace {

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

  static std::string InlineText(cmark_node* node) {
    std::string out;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      const cmark_node_type type = cmark_node_get_type(child);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
        const char* literal = cmark_node_get_literal(child);
        if (literal) out += literal;
      } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        out += ' ';
      } else {
        out += InlineText(child);
      }
    }
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
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_LINK) {
        const char* url = cmark_node_get_url(child);
        Link link{InlineText(child), url ? url : "", span};
        // Inline nodes carry no reliable position; find the destination in the block's text.
        const size_t at = link.url.empty()
                              ? std::string_view::npos
                              : text.substr(span.begin, span.end - span.begin).find(link.url);
        if (at != std::string_view::npos)
          link.span = {span.begin + at, span.begin + at + link.url.size()};
        body.links.push_back(std::move(link));
      } else {
        AddLinks(child, span);
      }
    }
  }

  bool InCodeSpan(size_t offset) const {
    for (auto it = body.code_spans.rbegin(); it != body.code_spans.rend(); ++it) {
      if (offset >= it->span.begin && offset < it->span.end) return true;
      if (it->span.end <= offset) break;
    }
    return false;
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
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE) {
        const char* literal = cmark_node_get_literal(child);
        if (literal && std::string_view(literal).substr(0, 4) == "<!--") {
          // Inline HTML has no reliable position in cmark; find it in the block's text.
          const std::string_view block = text.substr(span.begin, span.end - span.begin);
          const size_t at = block.find(literal);
          if (at != std::string_view::npos) {
            body.html_comments.push_back(
                {span.begin + at, span.begin + at + std::string_view(literal).size()});
          }
        }
      }
    }
  }

  void Walk(cmark_node* node, ProseKind context) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      switch (cmark_node_get_type(child)) {
        case CMARK_NODE_HEADING: {
          Heading heading;
          heading.level = cmark_node_get_heading_level(child);
          heading.span = NodeSpan(child);
          heading.setext = text[heading.span.begin + LeadingSpaces(heading.span.begin)] != '#';
          heading.title = InlineText(child);
          heading.normalized = NormalizeTitle(heading.title);
          body.headings.push_back(std::move(heading));
          break;
        }
        case CMARK_NODE_CODE_BLOCK:
          AddCodeBlock(child);
          break;
        case CMARK_NODE_HTML_BLOCK:
          AddHtml(child);
          break;
        case CMARK_NODE_PARAGRAPH:
          AddProse(child, context);
          break;
        case CMARK_NODE_ITEM:
          Walk(child, ProseKind::kListItem);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          Walk(child, ProseKind::kBlockQuote);
          break;
        default:
          if (std::string_view(cmark_node_get_type_string(child)) == "table_row" ||
              std::string_view(cmark_node_get_type_string(child)) == "table_header") {
            AddProse(child, ProseKind::kTableRow);
          } else {
            Walk(child, context);
          }
          break;
      }
    }
  }
};

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

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

}  // namespace

Body ParseMarkdown(std::string_view text, const SourceFile& source, Span body_span) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  Body body;
  body.span = body_span;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  if (root) {
    Parser walker{text, source, body};
    walker.Walk(root.get(), ProseKind::kParagraph);
  }
  BuildSections(body, source);
  return body;
}

int Body::SectionAt(size_t offset) const {
  int found = -1;
  for (size_t i = 0; i < sections.size(); ++i) {
    if (headings[sections[i].heading].span.begin <= offset && offset < sections[i].content.end) {
      found = static_cast<int>(i);  // later sections are nested deeper or start later
    }
  }
  return found;
}

std::string NormalizeTitle(std::string_view title) {
  std::string out;
  for (size_t i = 0; i < title.size();) {
    const size_t len = std::max<size_t>(1, Utf8SequenceLength(title, i));
    const char32_t cp = len > 1 ? DecodeUtf8(title, i) : static_cast<unsigned char>(title[i]);
    const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
                        cp == 0xFE0F || cp == 0x200D || cp == 0x20E3;
    if (!symbol) {
      if (len == 1) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(title[i])));
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '\'' ? c : ' ';
      } else {
        out.append(title.substr(i, len));
      }
    } else {
      out += ' ';
    }
    i += len;
  }
  // Collapse spaces, then drop numbering ("1", "1 2", "step 3", "phase 2") at the start.
  std::string words;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && (words.empty() || words.back() == ' ')) continue;
    words += out[i];
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
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
