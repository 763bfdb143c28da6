#include <doctest/doctest.h>

#include <string>

#include "core/glob.h"

using namespace agentlint;

TEST_CASE("glob: segments, double stars, classes and alternatives") {
  CHECK(GlobMatch("*.md", "a.md"));
  CHECK_FALSE(GlobMatch("*.md", "dir/a.md"));  // `*` stays within a folder
  CHECK(GlobMatch("**/*.md", "a.md"));         // `**/` is zero or more folders
  CHECK(GlobMatch("**/*.md", "x/y/a.md"));
  CHECK(GlobMatch(".claude/agents/legacy/**", ".claude/agents/legacy/old/a.md"));
  CHECK_FALSE(GlobMatch(".claude/agents/legacy/**", ".claude/agents/new.md"));
  CHECK(GlobMatch("a/**/b.md", "a/b.md"));
  CHECK(GlobMatch("a/**/b.md", "a/x/y/b.md"));
  CHECK_FALSE(GlobMatch("a/**/b.md", "ab.md"));
  CHECK(GlobMatch("agent-?.md", "agent-1.md"));
  CHECK_FALSE(GlobMatch("agent-?.md", "agent-12.md"));
  CHECK_FALSE(GlobMatch("a?b", "a/b"));  // `?` is not a folder separator
  CHECK(GlobMatch("[ab].md", "b.md"));
  CHECK_FALSE(GlobMatch("[!ab].md", "b.md"));
  CHECK(GlobMatch("{drafts,old}/*.md", "old/x.md"));
  CHECK_FALSE(GlobMatch("{drafts,old}/*.md", "new/x.md"));
  // Regular-expression characters are literal.
  CHECK(GlobMatch("a+b(1).md", "a+b(1).md"));
  CHECK_FALSE(GlobMatch("a.md", "abmd"));
  CHECK(GlobMatch("", ""));
  CHECK_FALSE(GlobMatch("", "a"));
}

TEST_CASE("glob: malformed globs say why and match nothing") {
  const Glob unclosed_class("[abc");
  CHECK_FALSE(unclosed_class.ok());
  CHECK(unclosed_class.error().find("never closed") != std::string::npos);
  CHECK_FALSE(unclosed_class.Matches("a"));
  CHECK_FALSE(Glob("{a,b").ok());
  CHECK_FALSE(Glob(std::string(5000, 'a')).ok());
}

TEST_CASE("glob: a backtracking-bomb glob answers at once (no exponential search)") {
  // With a backtracking matcher this pair takes minutes; an automaton reads the path once.
  const std::string glob = "**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
  const std::string path = std::string(200, 'a') + "/" + std::string(400, 'a') + ".md";
  CHECK_FALSE(GlobMatch(glob, path));
  CHECK(GlobMatch(glob, std::string(40, 'a') + "b"));
}
