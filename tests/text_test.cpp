#include <doctest/doctest.h>

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

TEST_CASE("text: trimming and joining") {
  CHECK(Trim("  a b \r\n") == "a b");
  CHECK(Trim("   ").empty());
  CHECK(JoinCode({"a", "b", "c"}) == "`a`, `b` or `c`");
  CHECK(Lower("ReAd") == "read");
}
