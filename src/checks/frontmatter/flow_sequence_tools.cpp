#include "checks/common.h"

namespace agentlint {

void CheckFlowSequenceTools(const FileContext& ctx, Reporter& out) {
  for (const char* field : {"tools", "disallowedTools"}) {
    const YamlNode* node = ctx.doc.Field(field);
    // `[]` names nothing to keep or drop (empty-tools reports an empty `tools`).
    if (!node || !node->IsSequence() || !node->flow || node->children.empty()) continue;
    std::string joined;
    bool plain = true;
    for (const YamlNode& item : node->children) {
      if (!item.IsScalar() || item.value.find(',') != std::string::npos) plain = false;
      if (!joined.empty()) joined += ", ";
      joined += item.value;
    }
    Diagnostic& d =
        out.Report(node->span,
                   "`" + std::string(field) +
                       "` is a flow sequence, not the documented comma-separated string; Claude "
                       "Code 2.1.332 reads every entry, but its 2.0.7x releases dropped the first "
                       "and last, and tools that split the text on commas keep the brackets",
                   "write a comma-separated string: `" + std::string(field) + ": " + joined + "`");
    if (plain && !node->children.empty()) {
      d.fix = Fix{"rewrite as a comma-separated string", {{node->span, joined}}, true};
    }
  }
}

}  // namespace agentlint
