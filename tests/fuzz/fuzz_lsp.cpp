// libFuzzer target for the language server: the input is split into an agent buffer and a
// stream of client bytes. The server is initialised, the buffer opened (in a folder that does
// not exist, so nothing is read from disk), then fed the raw bytes as further messages, then
// asked for code actions and hover at positions taken from the input, and shut down. Any crash,
// leak, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "engine/linter.h"
#include "lsp/protocol.h"
#include "lsp/server.h"

namespace {

using agentlint::lsp::Json;

std::string Frame(const Json& message) {
  const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // Up to the first NUL: the buffer; after it: raw client bytes.
  const size_t nul = input.find('\0');
  const std::string buffer = input.substr(0, nul);
  const std::string raw = nul == std::string::npos ? "" : input.substr(nul + 1);
  const std::string uri = "file:///nonexistent-agentlint-fuzz/.claude/agents/fuzz.md";
  const int line = size > 0 ? data[0] % 16 : 0;
  const int character = size > 1 ? data[1] % 64 : 0;
  std::string stream;
  stream += Frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {}}});
  stream +=
      Frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", buffer}}}}}});
  stream += raw;
  const Json position = {{"line", line}, {"character", character}};
  stream += "\r\n\r\n";
  stream += Frame({{"jsonrpc", "2.0"},
                   {"id", 2},
                   {"method", "textDocument/codeAction"},
                   {"params",
                    {{"textDocument", {{"uri", uri}}},
                     {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", position}}},
                     {"context", {{"diagnostics", Json::array()}}}}}});
  stream += Frame({{"jsonrpc", "2.0"},
                   {"id", 3},
                   {"method", "textDocument/hover"},
                   {"params", {{"textDocument", {{"uri", uri}}}, {"position", position}}}});
  stream += Frame({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "shutdown"}});
  stream += Frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::istringstream in(stream);
  std::ostringstream out;
  agentlint::LintOptions options;
  options.jobs = 1;
  volatile int code = agentlint::lsp::Serve(in, out, options);
  (void)code;
  return 0;
}
