// The Language Server Protocol's plumbing, independent of agentlint: JSON-RPC messages framed by
// `Content-Length` headers, `file://` URIs, and positions in UTF-16 code units (what LSP counts
// by default) converted from and to byte offsets.
#pragma once

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace agentlint::lsp {

using Json = nlohmann::json;

enum class ReadStatus { kMessage, kEnd, kBadHeader };

// Reads one message's body. kEnd at the end of input; kBadHeader when the headers have no usable
// Content-Length (the headers are consumed, the body if any is not).
ReadStatus ReadMessage(std::istream& in, std::string& body, size_t max_bytes = 256u << 20);

// Writes `message` with its header and flushes. Invalid UTF-8 becomes U+FFFD.
void WriteMessage(std::ostream& out, const Json& message);

// `file:///a%20b/c.md` -> `/a b/c.md`; "" for a URI of another scheme.
std::string PathFromUri(std::string_view uri);
// The reverse, percent-encoding everything but unreserved characters and `/`.
std::string UriFromPath(std::string_view path);

// Line starts of a text, to convert between byte offsets and LSP positions (zero-based line,
// character in UTF-16 code units). Out-of-range values are clamped, never trusted.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Json Position(size_t offset) const;          // {"line", "character"}
  size_t Offset(const Json& position) const;   // from {"line", "character"}
  Json Range(size_t begin, size_t end) const;  // {"start", "end"}

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace agentlint::lsp
