#include "core/scan.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace agentlint {

ScanResult::ScanResult(std::vector<int> hits) : decided_(true), hits_(std::move(hits)) {
  std::sort(hits_.begin(), hits_.end());
}

bool ScanResult::MayContain(int index) const {
  return !decided_ || index < 0 || std::binary_search(hits_.begin(), hits_.end(), index);
}

struct PatternSet::Impl {
  static re2::RE2::Options Options() {
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);  // room for the DFA of a few hundred patterns
    return options;
  }
  std::vector<std::string> patterns;  // parsed into `set` on the first Scan, not at start-up
  bool compiled = false;              // no more patterns: Compile() was called
  bool late = false;                  // a pattern came after Compile(): the set cannot tell
  std::once_flag once;                // the automaton is built on the first Scan...
  bool built = false;                 // ...when every pattern parsed and it fits (set in `once`)

  bool Build() {
    auto made = std::make_unique<re2::RE2::Set>(Options(), re2::RE2::UNANCHORED);
    for (const std::string& pattern : patterns) {
      if (made->Add(pattern, nullptr) < 0) return false;
    }
    std::vector<std::string>().swap(patterns);
    if (!made->Compile()) return false;
    set = std::move(made);
    return true;
  }
  std::unique_ptr<re2::RE2::Set> set;  // made by Build()
};

PatternSet::PatternSet() : impl_(std::make_unique<Impl>()) {}
PatternSet::~PatternSet() = default;

int PatternSet::Add(const std::string& pattern) {
  if (impl_->compiled)
    impl_->late = true;
  else
    impl_->patterns.push_back(pattern);
  return static_cast<int>(count_++);
}

void PatternSet::Compile() { impl_->compiled = true; }

ScanResult PatternSet::Scan(std::string_view text) const {
  if (!impl_->compiled || impl_->late) return {};
  if (count_ == 0) return ScanResult(std::vector<int>{});
  std::call_once(impl_->once, [this] { impl_->built = impl_->Build(); });
  if (!impl_->built) return {};
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo error{};
  if (impl_->set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error))
    return ScanResult(std::move(hits));
  if (error.kind != re2::RE2::Set::kNoError) return {};  // out of memory: undecided
  return ScanResult(std::vector<int>{});
}

LazyRegex::LazyRegex(std::string pattern, bool quiet)
    : pattern_(std::move(pattern)), quiet_(quiet) {}
LazyRegex::~LazyRegex() = default;

const re2::RE2& LazyRegex::get() const {
  std::call_once(once_, [this] {
    re2::RE2::Options options;
    options.set_log_errors(!quiet_);
    re_ = std::make_unique<re2::RE2>(pattern_, options);
  });
  return *re_;
}

Regex::Regex(std::string pattern) : LazyRegex(std::move(pattern)) {
  Registered<Regex>().push_back(this);
}

void CompileRegexes(const std::function<bool()>& stop) {
  for (const Regex* regex : Registered<Regex>()) {
    if (stop()) return;
    regex->get();
  }
}

const std::vector<const Regex*>& AllRegexes() { return Registered<Regex>(); }

namespace {

std::vector<std::string>& LinePatternRegistry() {
  static std::vector<std::string> patterns;
  return patterns;
}

}  // namespace

int RegisterLinePattern(const std::string& pattern) {
  LinePatternRegistry().push_back(pattern);
  return static_cast<int>(LinePatternRegistry().size() - 1);
}

const std::vector<std::string>& LinePatterns() { return LinePatternRegistry(); }

}  // namespace agentlint
