#include "core/check.h"

namespace agentlint {

void CheckInvalidUtf8(const FileContext& ctx, Reporter& out) {
  const auto offset = ctx.doc.source().first_invalid_utf8();
  if (!offset) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X",
                static_cast<unsigned char>(ctx.doc.source().text()[*offset]));
  out.Report({*offset, *offset + 1}, std::string("the file is not valid UTF-8 (byte ") + byte + ")",
             "save the file as UTF-8; agent loaders read text as UTF-8");
}

}  // namespace agentlint
