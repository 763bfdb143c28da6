#include "core/retry.h"

#include <algorithm>
#include <cctype>

namespace agentlint {

bool RetryQuotes(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  const char last = value.back();
  if ((first == '"' || first == '\'') && last == first && value.size() >= 2) return false;
  if (first == '[' && last == ']') return false;  // a flow list is left as it is
  // A leading comma (`tools: , Grep`) too: Claude Code 2.1.332 loads such a value as written.
  return first == ',' || value.find_first_of("{}[]*&#!|>%@`") != std::string_view::npos ||
         value.find(": ") != std::string_view::npos;
}

namespace {

// A top-level `key: value` line: the key starts the line and is one word (letters, digits,
// `_`, `-`); one or more spaces or tabs follow the colon.
bool SplitKeyValue(std::string_view line, size_t& key_end, size_t& value_begin) {
  if (line.empty() || !(std::isalnum(static_cast<unsigned char>(line[0])) || line[0] == '_'))
    return false;
  size_t i = 0;
  while (i < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-'))
    ++i;
  if (i >= line.size() || line[i] != ':') return false;
  key_end = i;
  size_t v = i + 1;
  if (v >= line.size() || (line[v] != ' ' && line[v] != '\t')) return false;
  while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
  if (v >= line.size()) return false;
  value_begin = v;
  return true;
}

}  // namespace

RetryText::RetryText(std::string_view text, Span content) {
  text_.assign(text.substr(0, content.begin));
  size_t at = content.begin;
  while (at < content.end) {
    size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos || eol >= content.end) eol = content.end;
    size_t content_end = eol;  // the line without its CR
    if (content_end > at && text[content_end - 1] == '\r') --content_end;
    const std::string_view line = text.substr(at, content_end - at);
    Line map;
    map.file = at;
    map.retry = text_.size();
    size_t key_end = 0;
    size_t value_begin = 0;
    if (SplitKeyValue(line, key_end, value_begin) && RetryQuotes(line.substr(value_begin))) {
      map.quoted = true;
      map.value = at + value_begin;
      map.value_end = content_end;
      text_.append(line.substr(0, value_begin));
      map.retry_value = text_.size();
      text_ += '"';
      for (char c : line.substr(value_begin)) {
        if (c == '"' || c == '\\') text_ += '\\';
        text_ += c;
      }
      text_ += '"';
      map.retry_value_end = text_.size();
      quoted_.push_back({{at, at + key_end}, {map.value, map.value_end}});
    } else {
      while (map.tabs < line.size() && line[map.tabs] == '\t') ++map.tabs;
      tabs_ |= map.tabs > 0;
      text_.append(2 * map.tabs, ' ');
      text_.append(line.substr(map.tabs));
    }
    text_.append(text.substr(content_end, eol - content_end));  // the CR, if any
    if (eol < content.end) text_ += '\n';
    lines_.push_back(map);
    at = eol + 1;
  }
}

size_t RetryText::ToFile(size_t offset) const {
  if (lines_.empty() || offset < lines_.front().retry) return offset;  // before the content
  const auto it =
      std::upper_bound(lines_.begin(), lines_.end(), offset,
                       [](size_t value, const Line& line) { return value < line.retry; });
  const Line& line = *std::prev(it);
  const size_t rel = offset - line.retry;
  if (line.quoted) {
    if (offset < line.retry_value) return line.file + rel;
    if (offset >= line.retry_value_end) return line.value_end + (offset - line.retry_value_end);
    // Inside the quotes: the opening quote is the value's first byte, and escapes shift the rest
    // by at most a few bytes; clamp into the value.
    return std::min(line.value_end,
                    line.value + (offset - line.retry_value - (offset > line.retry_value)));
  }
  if (rel < 2 * line.tabs) return line.file + rel / 2;
  return line.file + rel - line.tabs;
}

}  // namespace agentlint
