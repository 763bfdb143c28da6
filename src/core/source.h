// One input file as bytes, plus the facts every later stage needs about them: where lines start,
// BOM, line endings and UTF-8 validity. Every position in agentlint is a byte offset into text();
// line and column are computed only when rendering (column counted in Unicode code points).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentlint {

// A half-open byte range [begin, end) in a SourceFile's text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
};

// An immutable string shared by its copies: a file's path as every finding and summary of the
// file holds it, and a source line as every finding anchored on it holds it (a run keeps tens
// of thousands of them to its end: one copy each, not one per holder). Reads as a const
// std::string.
class SharedString {
 public:
  SharedString() = default;
  SharedString(std::string text)  // NOLINT: implicitly, from the string it holds
      : value_(std::make_shared<const std::string>(std::move(text))) {}
  SharedString(const char* text) : SharedString(std::string(text)) {}  // NOLINT
  const std::string& str() const { return value_ ? *value_ : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  bool empty() const { return str().empty(); }
  size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.value_ == b.value_ || a.str() == b.str();
  }
  friend bool operator==(const SharedString& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.str() == b; }

 private:
  static const std::string& Empty();
  std::shared_ptr<const std::string> value_;
};
using SharedPath = SharedString;

struct LineCol {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_.str(); }
  const SharedPath& shared_path() const { return path_; }
  std::string_view text() const { return text_; }
  size_t size() const { return text_.size(); }

  bool has_bom() const { return has_bom_; }
  size_t crlf_count() const;
  size_t lf_count() const;  // bare LF line ends, not part of CRLF
  // Offset of the first byte that is not valid UTF-8, if any.
  std::optional<size_t> first_invalid_utf8() const;

  int line_count() const;
  // line <= line_count(), found without looking for the line ends past `line`.
  bool HasLine(int line) const;
  // Line and column of `offset`; O(log n) plus a walk of at most a few kilobytes.
  LineCol Locate(size_t offset) const;
  size_t LineStart(int line) const;
  // The line's text without its line ending.
  std::string_view LineText(int line) const;
  // Offset just past the line's content (before CR LF or LF).
  size_t LineContentEnd(int line) const;

 private:
  SharedPath path_;
  std::string text_;
  // Where lines start, found on demand and only as far as asked, like the code points below: a
  // sibling read for its front matter never looks for the line ends of its body. Thread-safe;
  // once the whole text is indexed (every linted file) it is read without the lock.
  static constexpr size_t kAll = static_cast<size_t>(-1);
  struct LineIndex {
    std::mutex mutex;
    std::atomic<bool> complete{false};
    size_t scanned = 0;             // every line end before this offset is in `starts`
    std::vector<size_t> starts{0};  // line starts, ascending
    size_t crlf = 0;
    size_t lf = 0;
  };
  // `read(index)` with every line end before `offset` and at least `lines` line starts (or all
  // there are) in the index; under its lock unless the index is whole.
  template <typename Read>
  auto WithLines(size_t offset, size_t lines, const Read& read) const {
    const LineIndex& index = *lines_;
    if (index.complete.load(std::memory_order_acquire)) return read(index);
    const std::unique_lock<std::mutex> lock = ExtendLines(offset, lines);
    return read(index);
  }
  // Extends the index so; the lock it returns is held unless the index is now whole.
  std::unique_lock<std::mutex> ExtendLines(size_t offset, size_t lines) const;
  // Code points before every kCheckpoint-th byte (taken at sequence boundaries), so that locating
  // an offset on a very long line never walks the whole line: many findings on one 200,000-byte
  // line cost each a short walk, not the line. Made on demand, only as far as asked (the first
  // invalid byte asks for the whole text): a file read only for its front matter (a sibling of
  // a named file) never pays for a pass over its body. Thread-safe.
  static constexpr size_t kCheckpoint = 4096;
  struct CodePointIndex {
    std::mutex mutex;
    size_t indexed = 0;      // the text before this offset (a sequence boundary) is indexed
    size_t code_points = 0;  // ... and holds this many code points
    std::vector<std::pair<size_t, size_t>> checkpoints;  // (offset, code points before it)
    std::optional<size_t> first_invalid_utf8;            // in the indexed text
  };
  // Extends the index to `offset` at least; the caller holds its mutex.
  void IndexCodePoints(CodePointIndex& index, size_t offset) const;
  size_t CodePointsBefore(size_t offset) const;
  bool has_bom_ = false;
  // Shared by copies, which hold the same text.
  std::shared_ptr<LineIndex> lines_ = std::make_shared<LineIndex>();
  std::shared_ptr<CodePointIndex> code_points_ = std::make_shared<CodePointIndex>();
};

// Length of the valid UTF-8 sequence starting at text[i], or 0 when the bytes there are invalid.
// ASCII is answered inline: most bytes of most files are ASCII, and callers walk byte by byte.
size_t Utf8MultiByteLength(std::string_view text, size_t i);  // text[i] >= 0x80
inline size_t Utf8SequenceLength(std::string_view text, size_t i) {
  return static_cast<unsigned char>(text[i]) < 0x80 ? 1 : Utf8MultiByteLength(text, i);
}
// Decodes the code point at text[i] (which must start a valid sequence).
char32_t DecodeUtf8(std::string_view text, size_t i);

// Reads the whole file at `path` into `out` (one allocation, plain read(2)); false with `error`
// set when it cannot be opened or read, is not a regular file (a FIFO is never waited on), or
// holds more than `max_bytes`.
bool ReadFileBytes(const std::string& path, std::string& out, std::string& error,
                   size_t max_bytes = static_cast<size_t>(-1));

}  // namespace agentlint
