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
  Impl() : set(Options(), re2::RE2::UNANCHORED) {}
  static re2::RE2::Options Options() {
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);  // room for the DFA of a few hundred patterns
    return options;
  }
  re2::RE2::Set set;
  bool usable = true;
  bool compiled = false;
};

PatternSet::PatternSet() : impl_(std::make_unique<Impl>()) {}
PatternSet::~PatternSet() = default;

int PatternSet::Add(const std::string& pattern) {
  if (impl_->compiled) {
    impl_->usable = false;  // added too late: the set can no longer tell
    return static_cast<int>(count_++);
  }
  if (impl_->set.Add(pattern, nullptr) < 0) impl_->usable = false;
  return static_cast<int>(count_++);
}

void PatternSet::Compile() {
  if (impl_->compiled) return;
  impl_->compiled = true;
  if (impl_->usable && count_ > 0) impl_->usable = impl_->set.Compile();
}

ScanResult PatternSet::Scan(std::string_view text) const {
  if (!impl_->compiled || !impl_->usable) return {};
  if (count_ == 0) return ScanResult(std::vector<int>{});
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo error{};
  if (impl_->set.Match(re2::StringPiece(text.data(), text.size()), &hits, &error))
    return ScanResult(std::move(hits));
  if (error.kind != re2::RE2::Set::kNoError) return {};  // out of memory: undecided
  return ScanResult(std::vector<int>{});
}

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
