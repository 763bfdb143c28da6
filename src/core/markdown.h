// agentlint's own view of a Markdown body: headings, code blocks, prose blocks, inline code spans
// and HTML comments, each with its byte span in the original file. This is the only module that
// includes cmark-gfm; checks read this model, never cmark types.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace agentlint {

struct Heading {
  int level = 1;
  bool setext = false;
  std::string title;       // inline text of the heading, as written (emoji and numbering kept)
  std::string normalized;  // lowercase, without emoji, numbering and trailing punctuation
  Span span;               // the heading line(s)
};

// A heading and everything up to the next heading of the same or a higher level.
struct Section {
  size_t heading = 0;  // index into Body::headings
  int parent = -1;     // index into Body::sections, -1 at the top
  Span content;        // after the heading line, to the end of the section
};

struct Link {
  std::string text;
  std::string url;
  Span span;
};

// `@name` in prose (not an e-mail address, not inside code).
struct Mention {
  std::string name;
  Span span;
};

struct CodeBlock {
  bool fenced = false;
  bool closed = true;  // fenced blocks only: false when the fence runs to the end of the body
  std::string info;    // first word of the info string, e.g. "bash"
  Span span;           // fences included
  Span content;        // the code itself
};

enum class ProseKind { kParagraph, kListItem, kTableRow, kBlockQuote };

// A block of prose: a paragraph, or the first paragraph of a list item. Text is as written.
struct ProseBlock {
  ProseKind kind = ProseKind::kParagraph;
  Span span;
};

struct CodeSpan {
  Span span;         // backticks included
  std::string text;  // the code, trimmed
};

// Limits on the shape of a body, so that a hostile file costs linear time and bounded stack.
struct MarkdownLimits {
  int max_depth = 64;        // nested block quotes, lists and list items
  int max_table_cells = 64;  // `|` cells in one line (cmark-gfm's tables cost cells² per row)
};

// Where a body crossed a limit. What lies beyond it is not read (nodes nested deeper are skipped;
// a row with too many cells is read as text, not as a table row).
struct BodyLimitHit {
  enum Kind { kDepth, kTableCells };
  Kind kind = kDepth;
  Span span;      // the first place the limit was crossed
  int value = 0;  // how deep, or how many cells, there
  int limit = 0;
  int count = 1;  // how many places crossed it
};

struct Body {
  Span span;  // the whole body
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<ProseBlock> prose;
  std::vector<CodeSpan> code_spans;  // inside prose only
  std::vector<Span> html_comments;
  // `<example>` ... `</example>` regions (how Claude Code agents show sample conversations), in
  // order; one left open runs to the end of the body.
  std::vector<Span> example_tags;
  std::vector<Section> sections;  // in document order; a tree through Section::parent
  std::vector<Link> links;
  std::vector<Mention> mentions;
  std::vector<BodyLimitHit> limit_hits;  // at most one per kind

  // The innermost section holding `offset`; -1 before the first heading. O(log n).
  int SectionAt(size_t offset) const;
  // True when `offset` lies inside an HTML comment. O(log n).
  bool InHtmlComment(size_t offset) const;
  // True when `offset` lies inside an `<example>` region. O(log n).
  bool InExampleTag(size_t offset) const;
};

// The prose of a body (paragraphs, list items, table rows) with the normalised title of the
// innermost section above each: the index the body rules share, built once per file.
struct ProseLine {
  ProseKind kind;
  Span span;
  std::string_view text;     // into the file's text
  std::string_view section;  // into Body::headings; "" before the first heading
};
std::vector<ProseLine> ProseIndex(const Body& body, std::string_view file_text);

// "1. 🎯 Core Mission:" -> "core mission"; "Phase 2: Build" -> "build".
std::string NormalizeTitle(std::string_view title);

// Parses `text` (the whole file with everything but the body blanked to spaces, newlines kept).
// `source` gives line starts for turning cmark's line/column marks into offsets. The text is
// taken by value: lines over a limit are neutralised in it before cmark sees them. The walk over
// cmark's tree is iterative, so no input depth reaches the stack.
Body ParseMarkdown(std::string text, const SourceFile& source, Span body_span,
                   const MarkdownLimits& limits = {});

}  // namespace agentlint
