// Many regexes in one pass over a text (an RE2::Set): which of them occur anywhere in it. Rules
// scan the body line by line only for the patterns this pass saw; most files contain few of them.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace agentlint {

// What one pass found: the indexes of the patterns that occur. When the pass could not decide
// (a pattern did not compile, the regex engine ran out of memory on a hostile file), every
// pattern "may" occur, so rules fall back to trying them all: never a missed finding.
class ScanResult {
 public:
  ScanResult() = default;  // undecided
  explicit ScanResult(std::vector<int> hits);
  bool MayContain(int index) const;
  bool decided() const { return decided_; }
  // Decided, and none of the patterns occurs.
  bool FoundNothing() const { return decided_ && hits_.empty(); }

 private:
  bool decided_ = false;
  std::vector<int> hits_;  // sorted
};

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds a pattern (RE2 syntax) before Compile(); returns its index.
  int Add(const std::string& pattern);
  // After the last Add. The patterns are parsed and the automaton built on the first Scan
  // (thread-safe): a run that never scans pays nothing, and start-up does not wait for them.
  // A pattern that does not parse leaves every Scan undecided.
  void Compile();
  ScanResult Scan(std::string_view text) const;
  size_t size() const { return count_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  size_t count_ = 0;
};

// A regex compiled on first use (thread-safe): the patterns rules declare at namespace scope and
// the embedded knowledge's patterns cost nothing at start-up, and nothing in a run that never
// needs them. `quiet`: a pattern that does not compile is not logged (the caller checks ok()).
class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern, bool quiet = false);
  ~LazyRegex();
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;
  const re2::RE2& get() const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  bool quiet_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<re2::RE2> re_;
};

// The objects of one kind declared at namespace scope, in the order they were constructed
// (before main): Regex below, ScanPattern and TailCue in checks/common.
template <typename T>
std::vector<const T*>& Registered() {
  static std::vector<const T*> objects;
  return objects;
}

// A fixed regex of the code, declared at namespace scope: a LazyRegex listed before main, so that
// a run with a thread to spare compiles it while the first file is read (CompileRegexes, from
// engine/linter) instead of in the middle of that file's checks. It reads as the RE2 it holds:
// RE2::PartialMatch(text, kPattern).
class Regex : public LazyRegex {
 public:
  explicit Regex(std::string pattern);
  operator const re2::RE2&() const { return get(); }  // NOLINT: reads as an RE2
};
// Compiles every Regex not compiled yet, in the order they were declared, until `stop` says so
// (it is asked before each one). Thread-safe: a Regex another thread needs meanwhile is compiled
// once, by whichever thread comes first.
void CompileRegexes(const std::function<bool()>& stop);
const std::vector<const Regex*>& AllRegexes();

// Patterns the rules try line by line (checks/common ScanPattern registers them before main).
// Every knowledge's set ends with them (core/knowledge BuildSets), so a file gets one pass.
int RegisterLinePattern(const std::string& pattern);
const std::vector<std::string>& LinePatterns();

}  // namespace agentlint
