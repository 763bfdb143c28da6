#include <doctest/doctest.h>

#include "core/source.h"

using agentlint::SourceFile;

TEST_CASE("source: lines and columns count code points, not bytes") {
  const SourceFile source("a.md", "ab\ncafé x\n");
  CHECK(source.line_count() == 3);
  CHECK(source.Locate(0).line == 1);
  CHECK(source.Locate(3).line == 2);
  CHECK(source.Locate(3).column == 1);
  // "café " is 6 bytes but 5 code points: `x` is at column 6.
  CHECK(source.Locate(9).column == 6);
  CHECK(source.LineText(2) == "café x");
}

TEST_CASE("source: CRLF, BOM and invalid UTF-8 are facts of the file") {
  const SourceFile crlf("a.md", "a\r\nb\nc");
  CHECK(crlf.crlf_count() == 1);
  CHECK(crlf.lf_count() == 1);
  CHECK(crlf.LineText(1) == "a");
  CHECK(crlf.LineText(3) == "c");

  const SourceFile bom("b.md", "\xEF\xBB\xBF---\n");
  CHECK(bom.has_bom());
  CHECK(bom.Locate(3).column == 1);  // the BOM takes no column

  const SourceFile bad("c.md", "ok\n\xC3\x28 no");
  REQUIRE(bad.first_invalid_utf8().has_value());
  CHECK(*bad.first_invalid_utf8() == 3);
  CHECK_FALSE(SourceFile("d.md", "\xF0\x9F\x98\x80 emoji").first_invalid_utf8().has_value());
  // Overlong encodings and surrogates are invalid.
  CHECK(SourceFile("e.md", "\xC0\xAF").first_invalid_utf8().has_value());
  CHECK(SourceFile("f.md", "\xED\xA0\x80").first_invalid_utf8().has_value());
}

TEST_CASE("source: offsets past the end clamp") {
  const SourceFile source("a.md", "abc");
  CHECK(source.Locate(99).column == 4);
  CHECK(source.LineText(7).empty());
}
