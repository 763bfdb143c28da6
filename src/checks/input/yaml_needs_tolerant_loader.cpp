#include "core/check.h"

namespace agentlint {

void CheckYamlNeedsTolerantLoader(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!doc.tolerant_yaml()) return;
  for (const TolerantLine& line : doc.tolerant_lines()) {
    if (line.effect == TolerantLine::kSame) continue;  // quoted, and read the same either way
    const std::string key(
        doc.source().text().substr(line.key.begin, line.key.end - line.key.begin));
    const std::string_view value =
        doc.source().text().substr(line.value.begin, line.value.end - line.value.begin);
    // Single quotes keep every character as written; only ' itself needs doubling.
    std::string quoted = "'";
    for (char c : value) {
      quoted += c;
      if (c == '\'') quoted += '\'';
    }
    quoted += "'";
    if (line.effect == TolerantLine::kFails) {
      Diagnostic& d = out.Report(
          line.value,
          "the `" + key +
              "` value is not valid plain YAML (an unquoted `: ` or a leading indicator); only "
              "Claude Code's second, tolerant reading takes it, strict YAML rejects the file",
          // A block scalar suits prose; for a list or a name (`tools`, `model`) quoting is all.
          std::string(key == "description" ? "quote the value or use a block scalar "
                                             "(`description: |`)"
                                           : "quote the value") +
              "; VS Code, Copilot, OpenCode and Gemini reject the file");
      d.fix = Fix{"quote the value", {{line.value, quoted}}, true};
    } else {
      // The tolerant reading quotes this line too, and then keeps what strict YAML would read
      // as a comment, an anchor or a tag as part of the value.
      out.Report(line.value,
                 "Claude Code's tolerant reading (needed elsewhere in this front matter) takes `" +
                     key + "` as `" + std::string(value) +
                     "`, the ` #` comment or YAML indicator included",
                 "remove the comment, or make the other values strict YAML so no second reading "
                 "is needed");
    }
  }
}

}  // namespace agentlint
