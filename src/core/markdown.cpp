#include "core/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
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
      const std::string_view last_line = source.LineText(cmark_node_get_end_line(node));
      const size_t first = last_line.find_first_not_of(' ');
      const char fence = text[block.span.begin + LeadingSpaces(block.span.begin)];
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

  void AddProse(cmark_node* node, ProseKind kind) {
    const Span span = NodeSpan(node);
    body.prose.push_back({kind, span});
    AddCodeSpans(span);
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
  return body;
}

}  // namespace agentlint
