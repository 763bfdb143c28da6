#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <string_view>

#include "core/markdown.h"
#include "core/source.h"

using namespace agentlint;

namespace {
std::string Cut(const std::string& text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}
}  // namespace

TEST_CASE("markdown: headings, code blocks, prose and code spans with exact spans") {
  const std::string text =
      "# Título ✅\n\nRun `npm test` before `git push`.\n\nSetext\n------\n\n```bash\nalembic "
      "upgrade head\n```\n\n"
      "- item with `make`\n\n<!-- note -->\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.headings.size() == 2);
  CHECK(body.headings[0].title == "Título ✅");
  CHECK(body.headings[0].level == 1);
  CHECK(Cut(text, body.headings[0].span) == "# Título ✅");
  CHECK(body.headings[1].setext);
  CHECK(body.headings[1].level == 2);
  REQUIRE(body.code_blocks.size() == 1);
  CHECK(body.code_blocks[0].info == "bash");
  CHECK(body.code_blocks[0].closed);
  CHECK(Cut(text, body.code_blocks[0].content) == "alembic upgrade head\n");
  REQUIRE(body.code_spans.size() == 3);
  CHECK(body.code_spans[0].text == "npm test");
  CHECK(Cut(text, body.code_spans[0].span) == "`npm test`");
  CHECK(body.code_spans[2].text == "make");
  REQUIRE(body.html_comments.size() == 1);
  CHECK(Cut(text, body.html_comments[0]) == "<!-- note -->");
  CHECK(body.prose.size() == 2);
}

TEST_CASE("markdown: an unclosed fence runs to the end and swallows headings") {
  const std::string text = "Intro\n\n```sh\nls\n\n## Not a heading\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.code_blocks.size() == 1);
  CHECK_FALSE(body.code_blocks[0].closed);
  CHECK(body.headings.empty());
}

TEST_CASE("markdown: blanked front matter keeps body positions") {
  const std::string real = "---\nname: x\n---\n# Hi\n";
  std::string blanked = real;
  for (size_t i = 0; i < 16; ++i) {
    if (blanked[i] != '\n') blanked[i] = ' ';
  }
  const SourceFile source("a.md", real);
  const Body body = ParseMarkdown(blanked, source, {16, real.size()});
  REQUIRE(body.headings.size() == 1);
  CHECK(body.headings[0].span.begin == 16);
  CHECK(source.Locate(body.headings[0].span.begin).line == 4);
}

TEST_CASE("markdown: titles are normalised without emoji, numbering and punctuation") {
  CHECK(NormalizeTitle("1. 🎯 Core Mission:") == "core mission");
  CHECK(NormalizeTitle("Phase 2: Build & Test") == "build test");
  CHECK(NormalizeTitle("✅ Success Criteria") == "success criteria");
  CHECK(NormalizeTitle("**When invoked**") == "when invoked");
  CHECK(NormalizeTitle("Step 3 - Report") == "report");
  CHECK(NormalizeTitle("2026 Roadmap") == "roadmap");
  CHECK(NormalizeTitle("Your Identity & Memory") == "your identity memory");
}

namespace {

// NormalizeTitle as it was written before its one-pass form: the reference it must agree with.
std::string NormalizeTitleReference(std::string_view title) {
  std::string out;
  for (size_t i = 0; i < title.size();) {
    const auto byte = static_cast<unsigned char>(title[i]);
    if (byte < 0x80) {
      const char c = byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a')
                                                : static_cast<char>(byte);
      out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ? c : ' ';
      ++i;
      continue;
    }
    const size_t len = std::max<size_t>(1, agentlint::Utf8SequenceLength(title, i));
    const char32_t cp =
        len > 1 ? agentlint::DecodeUtf8(title, i) : static_cast<unsigned char>(title[i]);
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
  std::string words;
  for (const char c : out) {
    if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
    words += c;
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

}  // namespace

TEST_CASE("markdown: title normalisation in one pass agrees with the reference on random titles") {
  const char* const pieces[] = {
      "Core",  "MISSION", "step", "Step ",  "phase", "2",        "10",           " ",
      "  ",    "\t",      ":",    "-",      "&",     "'",        "1.",           "🎯",
      "✅",     "é",       "Ω",    "\x80",   "\xff",  "\xe2\x80", "\xef\xb8\x8f", "part 3",
      "stage", "it's",    "_",    "Ünïcode"};
  std::mt19937 random(20261207);
  int nonempty = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string title;
    for (int k = static_cast<int>(random() % 9); k >= 0; --k)
      title += pieces[random() % (sizeof pieces / sizeof pieces[0])];
    const std::string fast = NormalizeTitle(title);
    CHECK_MESSAGE(fast == NormalizeTitleReference(title), "title: \"" << title << "\"");
    nonempty += !fast.empty();
  }
  CHECK(nonempty > 1000);
}

TEST_CASE("markdown: sections form a tree and end at the next heading of the same level") {
  const std::string text = "# A\nintro\n## B\nb text\n### C\nc text\n## D\nd text\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.sections.size() == 4);
  CHECK(body.sections[0].parent == -1);
  CHECK(body.sections[1].parent == 0);
  CHECK(body.sections[2].parent == 1);
  CHECK(body.sections[3].parent == 0);
  CHECK(text.substr(body.sections[1].content.begin,
                    body.sections[1].content.end - body.sections[1].content.begin) ==
        "b text\n### C\nc text\n");
  CHECK(body.SectionAt(text.find("c text")) == 2);
  CHECK(body.SectionAt(text.find("d text")) == 3);
  CHECK(body.SectionAt(text.find("intro")) == 0);
}

TEST_CASE("markdown: mentions skip e-mail addresses, scopes and code; links keep their target") {
  const std::string text =
      "Handoff to: @fullstack-developer. Mail ops@example.com, install @types/node, not "
      "`@code`.\n\n"
      "See [the guide](docs/guide.md).\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.mentions.size() == 1);
  CHECK(body.mentions[0].name == "fullstack-developer");
  CHECK(text.substr(body.mentions[0].span.begin, 20) == "@fullstack-developer");
  REQUIRE(body.links.size() == 2);  // the e-mail address is an autolink
  CHECK(body.links[0].url == "mailto:ops@example.com");
  CHECK(body.links[1].url == "docs/guide.md");
  CHECK(body.links[1].text == "the guide");
  CHECK(text.substr(body.links[1].span.begin, 13) == "docs/guide.md");
}

TEST_CASE("markdown: links and titles are read through nested inline markup, in order") {
  const std::string text =
      "# A *b* `c` **d _e_**\n\n"
      "**See [the *quick* `guide`](a.md)** and _[b](b.md)_, then [c](c.md).\n\n"
      "- [d](d.md) in a list, ***[e](e.md)***\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.headings.size() == 1);
  CHECK(body.headings[0].title == "A b c d e");
  REQUIRE(body.links.size() == 5);
  const char* const urls[] = {"a.md", "b.md", "c.md", "d.md", "e.md"};
  for (size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(body.links[i].url == urls[i]);
    CHECK(text.substr(body.links[i].span.begin, 4) == urls[i]);
  }
  CHECK(body.links[0].text == "the quick guide");
}

TEST_CASE("markdown: a fence closed inside a block quote is closed") {
  const std::string text = "> ```bash\n> ls\n> ```\n\nAfter.\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.code_blocks.size() == 1);
  CHECK(body.code_blocks[0].closed);
}

TEST_CASE("markdown: nesting past the depth limit is a recorded limit hit, not a crash") {
  // 100,000 nested block quotes on one line used to overflow the stack of a recursive walk.
  const std::string text = std::string(100000, '>') + " deep\n\n# After\n\nStill read.\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.limit_hits.size() == 1);
  CHECK(body.limit_hits[0].kind == BodyLimitHit::kDepth);
  CHECK(body.limit_hits[0].value == 100000);
  CHECK(body.limit_hits[0].limit == 64);
  CHECK(body.limit_hits[0].span.begin == 64);  // the 65th marker
  REQUIRE(body.headings.size() == 1);          // what follows is read as usual
  CHECK(body.headings[0].title == "After");
}

TEST_CASE("markdown: nesting by indentation is capped by the walk") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(static_cast<size_t>(i) * 2, ' ') + "- item\n";
  const SourceFile source("a.md", text);
  MarkdownLimits limits;
  limits.max_depth = 10;
  const Body body = ParseMarkdown(text, source, {0, text.size()}, limits);
  REQUIRE(body.limit_hits.size() == 1);
  CHECK(body.limit_hits[0].kind == BodyLimitHit::kDepth);
  CHECK(body.limit_hits[0].value == 11);
  CHECK(body.prose.size() == 10);  // the items within the limit
}

TEST_CASE("markdown: realistic nesting stays under the limit") {
  const std::string text = "> quote\n> > nested\n\n- a\n  - b\n    - c\n      1. d\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  CHECK(body.limit_hits.empty());
  REQUIRE(body.prose.size() == 6);
  CHECK(body.prose[0].kind == ProseKind::kBlockQuote);
  CHECK(body.prose[2].kind == ProseKind::kListItem);
}

TEST_CASE("markdown: a row with more cells than the limit is read as text") {
  std::string row = "|";
  for (int i = 0; i < 100; ++i) row += " c |";
  const std::string text = "| a | b |\n|---|---|\n" + row + "\n| x | y |\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.limit_hits.size() == 1);
  CHECK(body.limit_hits[0].kind == BodyLimitHit::kTableCells);
  CHECK(body.limit_hits[0].value == 101);
  CHECK(body.limit_hits[0].span.begin == text.find(row));
  // A table of ten columns is fine.
  const std::string ten = "|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|0|\n";
  const SourceFile small("b.md", ten);
  CHECK(ParseMarkdown(ten, small, {0, ten.size()}).limit_hits.empty());
}

TEST_CASE("markdown: sections and comments are found by binary search, exactly as by scan") {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += std::string(static_cast<size_t>(1 + i % 3), '#') + " H" + std::to_string(i) +
            "\n\ntext <!-- c" + std::to_string(i) + " --> more\n\n";
  }
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.sections.size() == 40);
  for (size_t offset = 0; offset < text.size(); offset += 7) {
    int scan = -1;  // the innermost section holding offset, by the definition
    for (size_t i = 0; i < body.sections.size(); ++i) {
      if (body.headings[body.sections[i].heading].span.begin <= offset &&
          offset < body.sections[i].content.end)
        scan = static_cast<int>(i);
    }
    CHECK(body.SectionAt(offset) == scan);
    bool in_comment = false;
    for (const Span& c : body.html_comments) in_comment |= offset >= c.begin && offset < c.end;
    CHECK(body.InHtmlComment(offset) == in_comment);
  }
}

TEST_CASE("markdown: mentions inside code spans are skipped on a long line") {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "@a" + std::to_string(i) + " `@b" + std::to_string(i) + "` ";
  text += "\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  CHECK(body.mentions.size() == 2000);
  CHECK(body.code_spans.size() == 2000);
  CHECK(body.mentions.back().name == "a1999");
}

TEST_CASE("markdown: documents parsed one after another, large and small, each read whole") {
  // cmark-gfm's tree lives in a per-thread arena that is reset between documents and gives back
  // all but 1 MiB: a large document (several arena blocks, string buffers grown in place and
  // moved) must leave nothing behind that changes the next one.
  std::string large;
  for (int i = 0; i < 3000; ++i) {
    large += "## Section " + std::to_string(i) + "\n\nParagraph " + std::to_string(i) +
             " with `code " + std::to_string(i) + "` and a [link](https://example.com/" +
             std::to_string(i) + ").\n\n";
  }
  large += "```\n" + std::string(400000, 'x') + "\n```\n";  // one buffer grown far past a block
  const std::string small = "# One\n\nText with `x`.\n";
  const auto check_small = [&] {
    const SourceFile source("s.md", small);
    const Body body = ParseMarkdown(small, source, {0, small.size()});
    REQUIRE(body.headings.size() == 1);
    CHECK(body.headings[0].title == "One");
    REQUIRE(body.code_spans.size() == 1);
    CHECK(body.code_spans[0].text == "x");
    CHECK(body.prose.size() == 1);
  };
  check_small();
  for (int round = 0; round < 2; ++round) {
    const SourceFile source("l.md", large);
    const Body body = ParseMarkdown(large, source, {0, large.size()});
    REQUIRE(body.headings.size() == 3000);
    CHECK(body.headings[2999].title == "Section 2999");
    CHECK(body.code_spans.size() == 3000);
    CHECK(body.code_spans[1234].text == "code 1234");
    REQUIRE(body.links.size() == 3000);
    CHECK(body.links[2999].url == "https://example.com/2999");
    REQUIRE(body.code_blocks.size() == 1);
    CHECK(body.code_blocks[0].content.end - body.code_blocks[0].content.begin == 400001);
    check_small();
  }
}
