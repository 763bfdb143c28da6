// Claude Code's second reading of front matter that strict YAML rejects: every top-level
// `key: value` line whose plain value holds `: ` or one of { } [ ] * & # ! | > % @ and the
// backtick is wrapped in double quotes as written (unless already quoted, or a `[...]` list),
// leading tabs become spaces, and the text is parsed again. This module builds that text and maps
// positions in it back to the file, so every node of the second parse keeps a real span.
// (Checked against Claude Code; see docs/conformance.md.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace agentlint {

struct RetryLine {
  Span key;
  Span value;  // the raw value in the file, as the retry quotes it (trailing spaces included)
};

class RetryText {
 public:
  // `text` is the file with everything but the front matter blanked; `content` the front matter.
  RetryText(std::string_view text, Span content);

  // True when the retry changes nothing (then the strict parse's failure stands).
  bool unchanged() const { return quoted_.empty() && !tabs_; }
  const std::string& text() const { return text_; }
  const std::vector<RetryLine>& quoted() const { return quoted_; }
  // The file offset that `offset` in text() stands for.
  size_t ToFile(size_t offset) const;

 private:
  struct Line {
    size_t file = 0;   // where the line starts in the file
    size_t retry = 0;  // ... and in text()
    size_t tabs = 0;   // leading tabs, each two spaces in text()
    bool quoted = false;
    size_t value = 0;  // quoted lines: value start in the file
    size_t value_end = 0;
    size_t retry_value = 0;  // ... and the quoted value's span in text()
    size_t retry_value_end = 0;
  };
  std::string text_;
  std::vector<Line> lines_;
  std::vector<RetryLine> quoted_;
  bool tabs_ = false;
};

// True when Claude Code's retry would quote this raw value.
bool RetryQuotes(std::string_view value);

}  // namespace agentlint
