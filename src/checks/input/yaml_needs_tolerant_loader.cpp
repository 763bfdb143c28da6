#include "core/check.h"

namespace agentlint {

void CheckYamlNeedsTolerantLoader(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!doc.tolerant_yaml()) return;
  for (const TolerantLine& line : doc.tolerant_lines()) {
    const std::string key(
        doc.source().text().substr(line.key.begin, line.key.end - line.key.begin));
    const std::string_view value =
        doc.source().text().substr(line.value.begin, line.value.end - line.value.begin);
    Diagnostic& d = out.Report(line.value,
                               "the `" + key +
                                   "` value holds an unquoted `: ` or ` #`; only Claude "
                                   "Code's tolerant loader reads this, strict YAML rejects it",
                               "quote the value or use a block scalar (`" + key +
                                   ": |`); VS Code, Copilot, OpenCode and Gemini reject the file");
    // Single quotes keep every character as written; only ' itself needs doubling.
    std::string quoted = "'";
    for (char c : value) {
      quoted += c;
      if (c == '\'') quoted += '\'';
    }
    quoted += "'";
    d.fix = Fix{"quote the value", {{line.value, quoted}}, true};
  }
}

}  // namespace agentlint
