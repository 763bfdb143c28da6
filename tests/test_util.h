// Helpers shared by the tests: paths into the source tree, linting text in memory, temporary
// directories and a strict JSON syntax check.
#pragma once

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/registry.h"
#include "core/discover.h"
#include "engine/linter.h"

namespace agentlint::test {

inline std::string SourceDir() { return AGENTLINT_SOURCE_DIR; }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("agentlint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Lints `text` as if it were the file at `path` (path decides the dialect and location).
inline std::vector<Diagnostic> LintText(const std::string& text,
                                        const std::string& path = ".claude/agents/test.md") {
  FileOrigin origin = ClassifyPath(path);
  origin.named = true;
  if (path.find(".claude/agents/") != std::string::npos) origin.agent_location = true;
  AgentDoc doc(SourceFile(path, text), origin);
  std::vector<Diagnostic> found = CheckDocument(doc);
  SortAndDeduplicate(found);
  return found;
}

inline std::vector<std::string> RuleIds(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : diagnostics) ids.emplace_back(d.rule->id);
  return ids;
}

inline bool HasRule(const std::vector<Diagnostic>& diagnostics, std::string_view id) {
  for (const Diagnostic& d : diagnostics) {
    if (d.rule->id == id) return true;
  }
  return false;
}

// True when `text` is one syntactically valid JSON value (RFC 8259), nothing around it.
// What a test looks for in agentlint's JSON output; empty or zero fields match anything.
struct Finding {
  std::string path;  // a suffix of the finding's path
  int line = 0, column = 0, end_line = 0, end_column = 0;
  std::string rule, severity;
  int offset = -1, end_offset = -1;
};

// Whether the JSON output `out` (text before its first `{` ignored) holds a finding like `want`.
inline bool HasFinding(const std::string& out, const Finding& want) {
  const size_t start = out.find('{');
  if (start == std::string::npos) return false;
  const auto doc = nlohmann::json::parse(out.substr(start), nullptr, false);
  if (doc.is_discarded() || !doc.contains("diagnostics")) return false;
  for (const auto& d : doc["diagnostics"]) {
    const std::string path = d["path"];
    if (path.size() < want.path.size() ||
        path.compare(path.size() - want.path.size(), want.path.size(), want.path) != 0)
      continue;
    const auto same = [&](const char* key, int value) { return value == 0 || d[key] == value; };
    if (!same("line", want.line) || !same("column", want.column) ||
        !same("end_line", want.end_line) || !same("end_column", want.end_column))
      continue;
    if (want.offset >= 0 && d["offset"] != want.offset) continue;
    if (want.end_offset >= 0 && d["end_offset"] != want.end_offset) continue;
    if (!want.rule.empty() && d["rule"] != want.rule) continue;
    if (!want.severity.empty() && d["severity"] != want.severity) continue;
    return true;
  }
  return false;
}

class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : s_(text) {}
  bool Valid() {
    Space();
    if (!Value(0)) return false;
    Space();
    return i_ == s_.size();
  }

 private:
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  bool Lit(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool String() {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    for (++i_; i_ < s_.size(); ++i_) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i_ >= s_.size()) return false;
        if (s_[i_] == 'u') {
          for (int k = 0; k < 4; ++k) {
            if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
              return false;
          }
        } else if (std::string_view("\"\\/bfnrt").find(s_[i_]) == std::string_view::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool Number() {
    const size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                              s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-')) {
      ++i_;
    }
    return i_ > start;
  }
  bool Value(int depth) {
    if (depth > 100 || i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      Space();
      if (i_ < s_.size() && s_[i_] == close) return ++i_, true;
      while (true) {
        Space();
        if (c == '{') {
          if (!String()) return false;
          Space();
          if (!Lit(":")) return false;
          Space();
        }
        if (!Value(depth + 1)) return false;
        Space();
        if (Lit(",")) continue;
        return Lit(std::string_view(&close, 1));
      }
    }
    if (c == '"') return String();
    if (c == 't') return Lit("true");
    if (c == 'f') return Lit("false");
    if (c == 'n') return Lit("null");
    return Number();
  }
  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace agentlint::test
