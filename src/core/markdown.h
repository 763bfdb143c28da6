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

struct Body {
  Span span;  // the whole body
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<ProseBlock> prose;
  std::vector<CodeSpan> code_spans;  // inside prose only
  std::vector<Span> html_comments;
  std::vector<Section> sections;  // in document order; a tree through Section::parent
  std::vector<Link> links;
  std::vector<Mention> mentions;

  // The section holding `offset`, innermost first; -1 before the first heading.
  int SectionAt(size_t offset) const;
};

// "1. 🎯 Core Mission:" -> "core mission"; "Phase 2: Build" -> "build".
std::string NormalizeTitle(std::string_view title);

// Parses `text` (the whole file with everything but the body blanked to spaces, newlines kept).
// `source` gives line starts for turning cmark's line/column marks into offsets.
Body ParseMarkdown(std::string_view text, const SourceFile& source, Span body_span);

}  // namespace agentlint
