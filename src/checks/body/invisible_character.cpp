#include <cstdio>

#include "checks/common.h"

namespace agentlint {

namespace {

const char* Invisible(char32_t cp) {
  // Control characters a terminal acts on (escape sequences, bells): never text.
  if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
      (cp >= 0x80 && cp <= 0x9F)) {
    return "control character";
  }
  switch (cp) {
    case 0x200B:
      return "zero-width space";
    case 0x2060:
      return "word joiner";
    case 0xFEFF:
      return "zero-width no-break space";
    case 0x00AD:
      return "soft hyphen";
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return "text-direction control";
    default:
      return nullptr;
  }
}

// Every character Invisible() names, for the engine's one pass: most files hold none, and then
// the byte loop below never runs.
const ScanPattern kAnyInvisible(
    R"([\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x{80}-\x{9F}\x{AD}\x{200B}\x{202A}-\x{202E}\x{2060}\x{2066}-\x{2069}\x{FEFF}])");

}  // namespace

void CheckInvisibleCharacter(const FileContext& ctx, Reporter& out) {
  if (!Saw(ctx, kAnyInvisible)) return;
  const SourceFile& source = ctx.doc.source();
  const std::string_view text = source.text();
  int last_line = 0;
  for (size_t i = source.has_bom() ? 3 : 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= 0x20 && byte < 0x7F) || byte == '\n' || byte == '\t' || byte == '\r') {
      i += 1;  // plain ASCII: most of every file, so before anything else
      continue;
    }
    const size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      i += 1;  // not UTF-8 at all (invalid-utf8 reports that)
      continue;
    }
    const char32_t cp = DecodeUtf8(text, i);
    const char* what = Invisible(cp);
    if (what) {
      const int line = source.Locate(i).line;
      if (line != last_line) {  // one finding per line
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        out.Report({i, i + len}, std::string("invisible character ") + code + " (" + what + ")",
                   "remove it: the model reads it but reviewers cannot see it, and direction "
                   "controls can make text read differently from how it displays");
        last_line = line;
      }
    }
    i += len;
  }
}

}  // namespace agentlint
