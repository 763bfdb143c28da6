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
