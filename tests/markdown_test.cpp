#include <doctest/doctest.h>

#include <string>

#include "core/markdown.h"

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

TEST_CASE("markdown: a fence closed inside a block quote is closed") {
  const std::string text = "> ```bash\n> ls\n> ```\n\nAfter.\n";
  const SourceFile source("a.md", text);
  const Body body = ParseMarkdown(text, source, {0, text.size()});
  REQUIRE(body.code_blocks.size() == 1);
  CHECK(body.code_blocks[0].closed);
}
