#include "core/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace agentlint {

const std::string& SharedString::Empty() {
  static const std::string empty;
  return empty;
}

size_t Utf8MultiByteLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

char32_t DecodeUtf8(std::string_view text, size_t i) {
  const size_t len = Utf8SequenceLength(text, i);
  const auto c = static_cast<unsigned char>(text[i]);
  if (len <= 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  has_bom_ = text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (text_.empty()) lines_->complete = true;
}

std::unique_lock<std::mutex> SourceFile::ExtendLines(size_t offset, size_t lines) const {
  LineIndex& index = *lines_;
  std::unique_lock<std::mutex> lock(index.mutex);
  // Line ends: memchr finds them far faster than a byte loop.
  const char* const data = text_.data();
  const size_t size = text_.size();
  while (index.scanned < size && (index.scanned < offset || index.starts.size() < lines)) {
    const auto* nl =
        static_cast<const char*>(std::memchr(data + index.scanned, '\n', size - index.scanned));
    if (nl == nullptr) {
      index.scanned = size;
      break;
    }
    const size_t i = static_cast<size_t>(nl - data);
    if (i > 0 && data[i - 1] == '\r') {
      ++index.crlf;
    } else {
      ++index.lf;
    }
    index.starts.push_back(i + 1);
    index.scanned = i + 1;
  }
  const bool complete = index.scanned >= size;
  if (complete) {
    index.complete.store(true, std::memory_order_release);
    lock.unlock();  // never written again
  }
  return lock;
}

void SourceFile::IndexCodePoints(CodePointIndex& index, size_t offset) const {
  // Code points (for the checkpoints) and UTF-8 validity: ASCII eight bytes at a time.
  const char* const data = text_.data();
  const size_t size = text_.size();
  const size_t stop = std::min(offset, size);
  size_t i = index.indexed;
  size_t code_points = index.code_points;
  // Where the next checkpoint goes: kCheckpoint bytes past the last one (or past the start).
  size_t next_checkpoint =
      index.checkpoints.empty() ? kCheckpoint : index.checkpoints.back().first + kCheckpoint;
  while (i < stop) {
    if (i >= next_checkpoint) {
      index.checkpoints.emplace_back(i, code_points);
      next_checkpoint = i + kCheckpoint;
    }
    if (i + 32 <= size) {  // most text is ASCII for long stretches: 32 bytes a step there
      uint64_t words[4];
      std::memcpy(words, data + i, 32);
      if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) {
        i += 32;
        code_points += 32;
        continue;
      }
    }
    if (i + 8 <= size) {
      uint64_t word = 0;
      std::memcpy(&word, data + i, 8);
      const uint64_t high = word & 0x8080808080808080ULL;
      if (high == 0) {
        i += 8;
        code_points += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        // The ASCII bytes before the first that is not (text with an accent or a dash every
        // few words would otherwise take the byte-by-byte way for all of its bytes).
        const size_t ascii = static_cast<size_t>(std::countr_zero(high)) / 8;
        i += ascii;
        code_points += ascii;
      }
    }
    if (static_cast<unsigned char>(data[i]) < 0x80) {
      ++i;
    } else {
      // Invalid bytes count as one column each, as everywhere else.
      const size_t len = Utf8SequenceLength(text_, i);
      if (len == 0 && !index.first_invalid_utf8) index.first_invalid_utf8 = i;
      i += len == 0 ? 1 : len;
    }
    ++code_points;
  }
  index.indexed = std::max(index.indexed, i);
  index.code_points = code_points;
}

std::optional<size_t> SourceFile::first_invalid_utf8() const {
  CodePointIndex& index = *code_points_;
  const std::lock_guard<std::mutex> lock(index.mutex);
  IndexCodePoints(index, text_.size());
  return index.first_invalid_utf8;
}

size_t SourceFile::CodePointsBefore(size_t offset) const {
  CodePointIndex& index = *code_points_;
  const std::lock_guard<std::mutex> lock(index.mutex);
  IndexCodePoints(index, offset);
  // The last checkpoint at or before `offset`, then a walk of less than kCheckpoint bytes or so.
  const auto it = std::upper_bound(
      index.checkpoints.begin(), index.checkpoints.end(), offset,
      [](size_t value, const std::pair<size_t, size_t>& point) { return value < point.first; });
  size_t i = 0;
  size_t count = 0;
  if (it != index.checkpoints.begin()) std::tie(i, count) = *std::prev(it);
  while (i < offset) {
    const size_t len = Utf8SequenceLength(text_, i);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

size_t SourceFile::crlf_count() const {
  return WithLines(kAll, 0, [](const LineIndex& index) { return index.crlf; });
}

size_t SourceFile::lf_count() const {
  return WithLines(kAll, 0, [](const LineIndex& index) { return index.lf; });
}

int SourceFile::line_count() const {
  return WithLines(kAll, 0,
                   [](const LineIndex& index) { return static_cast<int>(index.starts.size()); });
}

bool SourceFile::HasLine(int line) const {
  const auto wanted = static_cast<size_t>(line);
  return line >= 1 && WithLines(0, wanted, [&](const LineIndex& index) {
           return index.starts.size() >= wanted;
         });
}

LineCol SourceFile::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto [line, line_start] = WithLines(offset, 0, [&](const LineIndex& index) {
    const auto it = std::upper_bound(index.starts.begin(), index.starts.end(), offset);
    return std::make_pair(static_cast<int>(it - index.starts.begin()), *std::prev(it));
  });
  size_t start = line_start;
  if (line == 1 && has_bom_ && offset >= 3) start = 3;  // the BOM is not a column
  if (offset - start < 256) {  // the common case: a short walk from the line start
    int column = 1;
    for (size_t i = start; i < offset; ++column) {
      const size_t len = Utf8SequenceLength(text_, i);
      i += len == 0 ? 1 : len;
    }
    return {line, column};
  }
  return {line, static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(start)) + 1};
}

size_t SourceFile::LineStart(int line) const {
  if (line < 1) return 0;
  const auto wanted = static_cast<size_t>(line);
  return WithLines(0, wanted, [&](const LineIndex& index) {
    return wanted > index.starts.size() ? text_.size() : index.starts[wanted - 1];
  });
}

size_t SourceFile::LineContentEnd(int line) const {
  if (line < 1) return text_.size();
  const auto wanted = static_cast<size_t>(line);
  // The next line's start, if there is a next line: the end of this one.
  return WithLines(0, wanted + 1, [&](const LineIndex& index) {
    const size_t count = index.starts.size();
    if (wanted > count) return text_.size();
    const size_t start = index.starts[wanted - 1];
    size_t end = wanted == count ? text_.size() : index.starts[wanted] - 1;
    if (end > start && text_[end - 1] == '\r') --end;
    return end;
  });
}

std::string_view SourceFile::LineText(int line) const {
  const size_t start = LineStart(line);
  return std::string_view(text_).substr(start, LineContentEnd(line) - start);
}

bool ReadFileBytes(const std::string& path, std::string& out, std::string& error,
                   size_t max_bytes) {
  out.clear();
  // O_NONBLOCK: a FIFO or a device is refused below instead of blocking the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  const auto fail = [&](std::string why) {
    error = std::move(why);
    ::close(fd);
    out.clear();
    return false;
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return fail("not a regular file");
  const auto size = static_cast<size_t>(st.st_size);
  if (size > max_bytes) {
    return fail("the file is " + std::to_string(size) + " bytes, over the limit of " +
                std::to_string(max_bytes));
  }
  // Straight into the string, then on to the end: the file may have changed since fstat.
  out.resize(size);
  size_t filled = 0;
  while (true) {
    char spill[4096];
    char* to = filled < out.size() ? out.data() + filled : spill;
    const size_t room = filled < out.size() ? out.size() - filled : sizeof spill;
    const ssize_t n = ::read(fd, to, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(std::strerror(errno));
    if (n == 0) break;
    if (filled + static_cast<size_t>(n) > max_bytes)  // it grew while we read it
      return fail("the file grew past the limit of " + std::to_string(max_bytes) + " bytes");
    if (to == spill) out.append(spill, static_cast<size_t>(n));
    filled += static_cast<size_t>(n);
  }
  out.resize(filled);  // it shrank while we read it
  ::close(fd);
  return true;
}

}  // namespace agentlint
