#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "core/text.h"

using namespace agentlint;

TEST_CASE("text: edit distance and did-you-mean") {
  CHECK(EditDistance("Bassh", "Bash") == 1);
  CHECK(EditDistance("sonmet", "sonnet") == 1);
  CHECK(ClosestMatch("Bassh", {"Bash", "Read", "Grep"}) == "Bash");
  CHECK(ClosestMatch("sonmet", {"sonnet", "opus", "haiku"}) == "sonnet");
  CHECK(ClosestMatch("vibe", {"tools", "model", "name"}).empty());
  CHECK(ClosestMatch("ab", {"xy"}).empty());
}

TEST_CASE("text: did-you-mean stops early but agrees with the whole table") {
  // The whole Levenshtein table, case-insensitive: the reference.
  const auto distance = [](std::string a, std::string b) {
    a = Lower(a);
    b = Lower(b);
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
      for (size_t j = 1; j <= b.size(); ++j)
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
  };
  // The first candidate nearest to `word`, if it is near enough: the reference.
  const auto closest = [&](const std::string& word, const std::vector<std::string>& candidates) {
    const size_t limit = std::min<size_t>(2, std::max<size_t>(1, word.size() / 3));
    std::string best;
    size_t best_distance = std::string::npos;
    for (const std::string& c : candidates) {
      const size_t d = distance(word, c);
      if (d < best_distance) {
        best_distance = d;
        best = c;
      }
    }
    return best_distance <= limit ? best : std::string();
  };
  // Words over a small alphabet (so that near misses are common), of every length to 11.
  uint32_t seed = 7;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  const auto word = [&] {
    std::string w(next() % 12, ' ');
    for (char& c : w) c = "abcAB"[next() % 5];
    return w;
  };
  for (int round = 0; round < 400; ++round) {
    const std::string a = word();
    std::vector<std::string> candidates;
    for (int k = 0; k < 6; ++k) candidates.push_back(word());
    CAPTURE(a);
    for (const std::string& c : candidates) CHECK(EditDistance(a, c) == distance(a, c));
    CHECK(ClosestMatch(a, candidates) == closest(a, candidates));
  }
}

TEST_CASE("text: trimming and joining") {
  CHECK(Trim("  a b \r\n") == "a b");
  CHECK(Trim("   ").empty());
  CHECK(JoinCode({"a", "b", "c"}) == "`a`, `b` or `c`");
  CHECK(Lower("ReAd") == "read");
  // ASCII letters only: the bytes of other characters pass through untouched, as
  // std::tolower leaves them in the "C" locale.
  CHECK(Lower("\xC3\x84RGER \xC3\x89T\xC3\xA9 Z@[`{") == "\xC3\x84rger \xC3\x89t\xC3\xA9 z@[`{");
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  const std::string lowered = Lower(all);
  REQUIRE(lowered.size() == 256);
  for (int c = 0; c < 256; ++c) {
    const int expected = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    CHECK(static_cast<unsigned char>(lowered[static_cast<size_t>(c)]) == expected);
  }
}

TEST_CASE("text: numbers are parsed whole, or not at all") {
  CHECK(ParseNumber("12") == 12.0);
  CHECK(ParseNumber("0.5") == 0.5);
  CHECK(ParseNumber("-3") == -3.0);
  CHECK(ParseNumber("+1e3") == 1000.0);
  for (const char* bad : {"", "lots", "1x", " 1", "inf", "nan", "1e999", "0x10"}) {
    CHECK_MESSAGE(!ParseNumber(bad), bad);
  }
  CHECK(ParseWholeNumber("64") == 64u);
  CHECK(ParseWholeNumber("18446744073709551615") == 18446744073709551615ull);
  for (const char* bad : {"", "-1", "1.5", "18446744073709551616", "12 ", "x"}) {
    CHECK_MESSAGE(!ParseWholeNumber(bad), bad);
  }
  CHECK(FormatNumber(8) == "8");
  CHECK(FormatNumber(0.6) == "0.6");
}

TEST_CASE("text: control characters are made visible for the terminal") {
  CHECK(EscapeControl("plain text, tab\tand é") == "plain text, tab\tand é");
  CHECK(EscapeControl("Ba\x1b[31msh\x07") == "Ba\\x1b[31msh\\x07");
  CHECK(EscapeControl("a\nb") == "a\\x0ab");
  CHECK(EscapeControl("a\nb", "\n") == "a\nb");
  CHECK(EscapeControl("del\x7f") == "del\\x7f");
  CHECK(EscapeControl("csi \xc2\x9b") == "csi \\u{9b}");        // C1 control
  CHECK(EscapeControl("rtl \xe2\x80\xae") == "rtl \\u{202e}");  // direction override
  CHECK(EscapeControl("bad \xff byte") == "bad \\xff byte");    // not UTF-8
  CHECK_FALSE(NeedsEscape("nothing to do here"));
  CHECK(NeedsEscape("\x1b"));
  // Text outside ASCII needs escaping only for what EscapeControl changes in it.
  CHECK_FALSE(NeedsEscape(
      "caf\xc3\xa9 \xe2\x80\xa6 \xe2\x86\x92 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x94\x92"));
  CHECK(NeedsEscape("csi \xc2\x9b"));
  CHECK(NeedsEscape("rtl \xe2\x80\xae"));
  CHECK(NeedsEscape("isolate \xe2\x81\xa6"));
  CHECK(NeedsEscape("bad \xff byte"));
  CHECK(NeedsEscape("cut \xe2\x80"));
  // Long ASCII runs are looked at eight bytes at a time: a control anywhere in them is found.
  for (const char bad : {'\0', '\x01', '\x1b', '\x1f', '\x7f', '\x80', '\xff'}) {
    for (size_t at = 0; at < 24; ++at) {
      std::string text(24, 'x');
      text[at] = bad;
      CHECK_MESSAGE(NeedsEscape(text), at);
      text[at] = ' ';
      CHECK_FALSE(NeedsEscape(text));
      text[at] = '~';
      CHECK_FALSE(NeedsEscape(text));
    }
  }
}

TEST_CASE("text: NeedsEscape is true exactly when EscapeControl changes more than line ends") {
  // Random texts over the bytes that matter: ASCII, controls, the lead and continuation bytes
  // of C1 controls, direction controls, ordinary two-, three- and four-byte characters, and
  // bytes that are never UTF-8.
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "\t",
                                           "\n",
                                           "\r",
                                           "\x1b",
                                           "\x7f",
                                           "\xc2\x9b",
                                           "\xc2\xa0",
                                           "\xc3\xa9",
                                           "\xe2\x80\xa6",
                                           "\xe2\x80\xae",
                                           "\xe2\x80\x8e",
                                           "\xe2\x81\xa9",
                                           "\xd8\x9c",
                                           "\xf0\x9f\x94\x92",
                                           "\xff",
                                           "\xc2",
                                           "\xe2\x80",
                                           "\x80",
                                           "\x1f",
                                           std::string(1, '\0'),
                                           "~"};
  uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>(state >> 33);
  };
  const size_t ordinary[] = {0, 1, 2, 3, 8, 9, 10, 15};  // ASCII, tab, line end, characters
  size_t plain = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t length = next() % 12;
    for (size_t i = 0; i < length; ++i) {
      // Mostly ordinary pieces, so that texts needing nothing are common too.
      const size_t k = next() % 4 ? ordinary[next() % std::size(ordinary)] : next() % pieces.size();
      text += pieces[k];
    }
    // What the slow path makes of it (a trailing ESC sends EscapeControl there).
    const bool changed = EscapeControl(text + "\x1b", "\n") != text + "\\x1b";
    CHECK_MESSAGE(NeedsEscape(text) == changed, text);
    plain += !changed;
  }
  CHECK(plain > 5000);  // both answers were asked for, often
  CHECK(plain < 19000);
}

TEST_CASE("text: edit distance of huge values is bounded, not quadratic") {
  const std::string huge(200000, 'Z');
  CHECK(EditDistance(huge, "Bash") >= 2);
  CHECK(ClosestMatch(huge, {"Bash", "Read"}).empty());
  CHECK(EditDistance(huge, huge) == 0);
}
