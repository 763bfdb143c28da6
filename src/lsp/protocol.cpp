#include "lsp/protocol.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/text.h"

namespace agentlint::lsp {

ReadStatus ReadMessage(std::istream& in, std::string& body, size_t max_bytes) {
  std::string line;
  long long length = -1;
  bool any_header = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name != "content-length") continue;
    const std::string value = line.substr(colon + 1);
    const size_t digits = value.find_first_not_of(" \t");
    if (digits == std::string::npos) continue;
    length = 0;
    for (size_t i = digits; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]));
         ++i) {
      length = length * 10 + (value[i] - '0');
      if (length > static_cast<long long>(max_bytes)) break;
    }
  }
  if (!any_header) return ReadStatus::kEnd;
  if (length < 0 || length > static_cast<long long>(max_bytes)) {
    return in ? ReadStatus::kBadHeader : ReadStatus::kEnd;
  }
  body.assign(static_cast<size_t>(length), '\0');
  in.read(body.data(), length);
  if (in.gcount() != length) return ReadStatus::kEnd;
  return ReadStatus::kMessage;
}

void WriteMessage(std::ostream& out, const Json& message) {
  const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

std::string PathFromUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return "";
  uri.remove_prefix(kScheme.size());
  // `file://host/path`: only an empty host (or localhost) names this machine.
  if (!uri.empty() && uri.front() != '/') {
    const size_t slash = uri.find('/');
    if (uri.substr(0, slash) != "localhost") return "";
    uri.remove_prefix(slash == std::string_view::npos ? uri.size() : slash);
  }
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      path += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

std::string UriFromPath(std::string_view path) { return "file://" + PercentEncodePath(path); }

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

Json LineIndex::Position(size_t offset) const {
  offset = std::min(offset, text_.size());
  const size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                          starts_.begin()) -
                      1;
  size_t units = 0;
  for (size_t i = starts_[line]; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: counted with its lead
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs in UTF-16
  }
  return {{"line", line}, {"character", units}};
}

size_t LineIndex::Offset(const Json& position) const {
  const auto number = [&](const char* key) -> size_t {
    const auto it = position.find(key);
    if (it == position.end() || !it->is_number_integer() || it->get<long long>() < 0) return 0;
    return it->get<size_t>();
  };
  const size_t line = number("line");
  if (line >= starts_.size()) return text_.size();
  const size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  size_t want = number("character");
  size_t i = starts_[line];
  while (i < end && want > 0) {
    const auto c = static_cast<unsigned char>(text_[i]);
    const size_t units = c >= 0xF0 ? 2 : 1;
    if (units > want) break;
    want -= units;
    ++i;
    while (i < end && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

Json LineIndex::Range(size_t begin, size_t end) const {
  return {{"start", Position(begin)}, {"end", Position(std::max(begin, end))}};
}

}  // namespace agentlint::lsp
