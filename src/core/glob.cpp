#include "core/glob.h"

#include <re2/re2.h>

namespace agentlint {

namespace {

// Longest glob accepted; longer ones are reported, not compiled.
constexpr size_t kMaxGlobLength = 4096;

void AppendLiteral(std::string& out, char c) {
  if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
  out += c;
}

// Translates the glob into an anchored RE2 pattern; returns "" and sets `error` when it is
// malformed.
std::string Translate(std::string_view glob, std::string& error) {
  std::string out = "^";
  int braces = 0;
  for (size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*') {
      if (i + 1 < glob.size() && glob[i + 1] == '*') {
        const bool segment_start = i == 0 || glob[i - 1] == '/';
        i += 1;
        while (i + 1 < glob.size() && glob[i + 1] == '*') ++i;  // `***` is `**`
        if (segment_start && i + 1 < glob.size() && glob[i + 1] == '/') {
          out += "(?:.*/)?";  // `**/`: zero or more whole folders
          ++i;
        } else {
          out += ".*";
        }
      } else {
        out += "[^/]*";
      }
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      const size_t close = glob.find(']', i + 2);
      if (close == std::string_view::npos) {
        error = "`[` is never closed";
        return "";
      }
      out += '[';
      size_t j = i + 1;
      if (glob[j] == '!' || glob[j] == '^') {
        out += '^';
        ++j;
      }
      for (; j < close; ++j) {
        if (glob[j] == '\\' || glob[j] == '[' || glob[j] == ']' || glob[j] == '^') out += '\\';
        out += glob[j];
      }
      out += ']';
      i = close;
    } else if (c == '{') {
      ++braces;
      out += "(?:";
    } else if (c == '}' && braces > 0) {
      --braces;
      out += ')';
    } else if (c == ',' && braces > 0) {
      out += '|';
    } else if (c == '\\' && i + 1 < glob.size()) {
      AppendLiteral(out, glob[++i]);
    } else {
      AppendLiteral(out, c);
    }
  }
  if (braces > 0) {
    error = "`{` is never closed";
    return "";
  }
  return out + "$";
}

}  // namespace

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  if (pattern.size() > kMaxGlobLength) {
    error_ = "the glob is longer than " + std::to_string(kMaxGlobLength) + " characters";
    return;
  }
  const std::string regex = Translate(pattern, error_);
  if (!error_.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  auto re = std::make_shared<RE2>(regex, options);
  if (!re->ok()) {
    error_ = "the glob cannot be compiled: " + re->error();
    return;
  }
  re_ = std::move(re);
}

bool Glob::Matches(std::string_view path) const {
  return re_ && RE2::FullMatch(re2::StringPiece(path.data(), path.size()), *re_);
}

bool GlobMatch(std::string_view glob, std::string_view path) { return Glob(glob).Matches(path); }

}  // namespace agentlint
