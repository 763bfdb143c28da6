#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/source.h"
#include "test_util.h"

using agentlint::LineCol;
using agentlint::Location;
using agentlint::MakeLocation;
using agentlint::SharedPath;
using agentlint::SourceFile;
using agentlint::Utf8SequenceLength;

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

TEST_CASE("source: locating on a very long line agrees with a walk from the line start") {
  // Mixed ASCII, multi-byte characters and invalid bytes, on a line far longer than the
  // checkpoint interval.
  std::string text = "first\n";
  for (int i = 0; i < 3000; ++i) text += i % 7 == 0 ? "é" : i % 11 == 0 ? "\xff" : "abc";
  text += "\nlast\n";
  const SourceFile source("a.md", text);
  const size_t start = 6;
  for (size_t offset = start; offset < text.size() - 6; offset += 97) {
    int column = 1;
    for (size_t i = start; i < offset; ++column) {
      const size_t len = Utf8SequenceLength(text, i);
      i += len == 0 ? 1 : len;
    }
    const LineCol at = source.Locate(offset);
    CHECK(at.line == 2);
    CHECK(at.column == column);
  }
  CHECK(source.Locate(text.size() - 2).line == 3);
}

TEST_CASE("source: the code point index grows only as far as asked, in any order of asking") {
  // Three long lines (multi-byte characters, invalid bytes) between short ones; the invalid
  // bytes start on the third long line.
  std::string text = "---\nname: a\n";
  std::vector<size_t> starts;
  for (int line = 0; line < 3; ++line) {
    starts.push_back(text.size());
    for (int i = 0; i < 2500; ++i)
      text += i % 5 == 0 ? "\xE2\x80\x94" : (line == 2 && i % 13 == 0) ? "\xC3" : "ab";
    text += "\nshort\n";
  }
  const size_t first_bad = text.find('\xC3');
  REQUIRE(first_bad != std::string::npos);
  const auto walk = [&](size_t offset) {  // the column of `offset`, walked from its line start
    size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = start == std::string::npos ? 0 : start + 1;
    int column = 1;
    for (size_t i = start; i < offset; ++column) {
      const size_t len = Utf8SequenceLength(text, i);
      i += len == 0 ? 1 : len;
    }
    return column;
  };
  std::vector<size_t> offsets;
  for (size_t s : starts)
    for (size_t k = 300; k < 5000; k += 613) offsets.push_back(s + k);
  const SourceFile ascending("a.md", text);
  const SourceFile descending("b.md", text);
  for (size_t offset : offsets) CHECK(ascending.Locate(offset).column == walk(offset));
  for (auto it = offsets.rbegin(); it != offsets.rend(); ++it)
    CHECK(descending.Locate(*it).column == walk(*it));
  // Located only as far as the first long line: the invalid byte further on is still found.
  const SourceFile partly("c.md", text);
  CHECK(partly.Locate(starts[0] + 400).column == walk(starts[0] + 400));
  const SourceFile copy = partly;  // copies share the index: the same answers from either
  REQUIRE(copy.first_invalid_utf8().has_value());
  CHECK(*copy.first_invalid_utf8() == first_bad);
  CHECK(*partly.first_invalid_utf8() == first_bad);
  CHECK(partly.Locate(starts[2] + 4000).column == walk(starts[2] + 4000));
  CHECK(copy.Locate(starts[1] + 4000).column == walk(starts[1] + 4000));
}

TEST_CASE("source: columns and the first invalid byte agree with a walk, on mixed text") {
  // Random lines of ASCII runs of any length between accents, dashes, emoji and now and then a
  // byte that is not UTF-8: the index skips ASCII eight bytes at a time and up to the next other
  // byte, and must land where a walk byte by byte does.
  const std::vector<std::string> pieces = {
      "a", "bc", "defg ", "hijklmnopq", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x94\x92", "\n"};
  uint64_t state = 3;
  const auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const size_t count = next() % 400;
    for (size_t i = 0; i < count; ++i)
      text += next() % 97 == 0 ? std::string("\xFF") : pieces[next() % pieces.size()];
    std::optional<size_t> bad;
    for (size_t i = 0; i < text.size() && !bad;) {
      const size_t len = Utf8SequenceLength(text, i);
      if (len == 0) bad = i;
      i += len == 0 ? 1 : len;
    }
    const auto walk = [&](size_t offset) {
      size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
      start = start == std::string::npos || offset == 0 ? 0 : start + 1;
      int column = 1;
      for (size_t i = start; i < offset; ++column) {
        const size_t len = Utf8SequenceLength(text, i);
        i += len == 0 ? 1 : len;
      }
      return column;
    };
    const SourceFile source("a.md", text);
    for (int ask = 0; ask < 8 && !text.empty(); ++ask) {
      size_t offset = next() % (text.size() + 1);
      // At the start of a code point, as every position handed out is.
      while (offset < text.size() && offset > 0 &&
             (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        --offset;
      CHECK(source.Locate(offset).column == walk(offset));
    }
    CHECK(source.first_invalid_utf8() == bad);
  }
}

TEST_CASE("source: the line index grows only as far as asked, in any order of asking") {
  // Lines of many lengths, CR LF and bare LF mixed, an empty line, a final line without an end.
  std::string text;
  for (int line = 0; line < 400; ++line) {
    text += std::string(static_cast<size_t>(line * 7 % 23), static_cast<char>('a' + line % 26));
    text += line % 3 == 0 ? "\r\n" : "\n";
  }
  text += "last";
  std::vector<size_t> starts = {0};  // by a walk
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  const auto line_of = [&](size_t offset) {
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) -
                            starts.begin());
  };
  const auto content_end = [&](size_t line) {  // 1-based
    size_t end = line == starts.size() ? text.size() : starts[line] - 1;
    if (end > starts[line - 1] && text[end - 1] == '\r') --end;
    return end;
  };
  // Each file is asked something different first, then everything, in a different order.
  for (int first = 0; first < 4; ++first) {
    CAPTURE(first);
    const SourceFile source("a.md", text);
    const SourceFile copy = source;  // shares the index
    if (first == 0) CHECK(source.Locate(text.size() / 2).line == line_of(text.size() / 2));
    if (first == 1) CHECK(source.LineStart(200) == starts[199]);
    if (first == 2) CHECK(source.LineText(3) == std::string_view(text).substr(starts[2], 14));
    for (size_t k = 0; k < starts.size(); ++k) {
      // Descending for even `first`, ascending for odd; offsets inside each line too.
      const size_t line = first % 2 == 0 ? starts.size() - k : k + 1;
      const SourceFile& ask = k % 2 == 0 ? source : copy;
      CHECK(ask.LineStart(static_cast<int>(line)) == starts[line - 1]);
      CHECK(ask.LineContentEnd(static_cast<int>(line)) == content_end(line));
      const size_t inside = starts[line - 1] + (content_end(line) - starts[line - 1]) / 2;
      CHECK(ask.Locate(inside).line == static_cast<int>(line));
      CHECK(ask.Locate(inside).column == static_cast<int>(inside - starts[line - 1]) + 1);
    }
    CHECK(source.line_count() == 401);
    CHECK(copy.crlf_count() == 134);
    CHECK(source.lf_count() == 266);
    CHECK(source.LineStart(402) == text.size());
    CHECK(source.LineContentEnd(402) == text.size());
    CHECK(source.LineText(401) == "last");
  }
  // Every offset of a text with empty lines, each asked first of a fresh file: the line end
  // just before the offset is always found.
  const std::string blank = "a\n\n\r\n\nb\n";
  const std::vector<int> lines = {1, 1, 2, 3, 3, 4, 5, 5, 6};
  for (size_t offset = 0; offset <= blank.size(); ++offset) {
    CAPTURE(offset);
    CHECK(SourceFile("d.md", blank).Locate(offset).line == lines[offset]);
  }
  // Counts and lines asked first of all.
  const SourceFile counted("b.md", "a\r\nb\nc");
  CHECK(counted.crlf_count() == 1);
  CHECK(counted.lf_count() == 1);
  CHECK(counted.LineText(2) == "b");
  const SourceFile empty("c.md", "");
  CHECK(empty.line_count() == 1);
  CHECK(empty.Locate(0).line == 1);
  CHECK(empty.LineText(1).empty());
}

TEST_CASE(
    "source: a file is read whole, and what is not a regular file is refused, never waited on") {
  agentlint::test::TempDir tmp;
  const std::string text(70000, 'x');  // more than one read
  agentlint::test::WriteFile(tmp.path() / "a.md", text + "\nend");
  std::string out;
  std::string error;
  REQUIRE(agentlint::ReadFileBytes((tmp.path() / "a.md").string(), out, error, 1 << 20));
  CHECK(out == text + "\nend");
  CHECK(error.empty());

  CHECK_FALSE(agentlint::ReadFileBytes((tmp.path() / "a.md").string(), out, error, 1000));
  CHECK(error == "the file is 70004 bytes, over the limit of 1000");
  CHECK(out.empty());

  agentlint::test::WriteFile(tmp.path() / "empty.md", "");
  CHECK(agentlint::ReadFileBytes((tmp.path() / "empty.md").string(), out, error, 1000));
  CHECK(out.empty());

  // A FIFO with no writer: opening it to read would block; it is refused at once.
  REQUIRE(::mkfifo((tmp.path() / "pipe.md").c_str(), 0600) == 0);
  CHECK_FALSE(agentlint::ReadFileBytes((tmp.path() / "pipe.md").string(), out, error, 1000));
  CHECK(error == "not a regular file");
  CHECK_FALSE(agentlint::ReadFileBytes(tmp.path().string(), out, error, 1000));
  CHECK(error == "not a regular file");
  CHECK_FALSE(agentlint::ReadFileBytes((tmp.path() / "missing.md").string(), out, error, 1000));
  CHECK(error == std::strerror(ENOENT));
}

TEST_CASE("source: a file's path is one copy shared by every location made from it") {
  const SourceFile source(".claude/agents/a-rather-long-agent-name.md",
                          "---\nname: a\n---\nbody\n");
  const Location first = MakeLocation(source, {4, 5});
  const Location second = MakeLocation(source, {10, 12});
  CHECK(first.path == ".claude/agents/a-rather-long-agent-name.md");
  CHECK(first.path.c_str() == second.path.c_str());  // shared, not copied
  Location copy = first;
  CHECK(copy.path.c_str() == first.path.c_str());
  copy.path = std::string("other.md");  // a new path is its own copy
  CHECK(copy.path == std::string("other.md"));
  CHECK(first.path == source.path());
  CHECK_FALSE(copy.path == first.path);
  const SharedPath none;
  CHECK(none.empty());
  CHECK(none == std::string());
}
