// Path globs as the configuration writes them (`exclude`, `overrides[].files`): `*` within one
// path segment, `**` across segments, `?` one character, `[abc]` a class, `{a,b}` alternatives.
// A glob is compiled once into an RE2 automaton, so matching takes time linear in the path and
// never backtracks, whatever the glob (a config in a pull request is untrusted input).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace agentlint {

class Glob {
 public:
  explicit Glob(std::string_view pattern);

  // False when the glob cannot be used (an unclosed `[` or `{`, or too large); error() says why.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& pattern() const { return pattern_; }

  // True when the whole of `path` (`/`-separated, relative) matches. A glob that is not ok()
  // matches nothing.
  bool Matches(std::string_view path) const;

 private:
  std::string pattern_;
  std::string error_;
  std::shared_ptr<const re2::RE2> re_;  // immutable once compiled, shared by copies
};

// Compiles and matches in one call (for tests and one-off uses).
bool GlobMatch(std::string_view glob, std::string_view path);

}  // namespace agentlint
