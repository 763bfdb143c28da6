#include <re2/re2.h>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckInvalidModel(const FileContext& ctx, Reporter& out) {
  const YamlNode* model = ScalarField(ctx.doc, "model");
  if (!model) return;
  const Knowledge& k = ctx.knowledge;
  const std::string& value = model->value;
  if (Contains(k.model_aliases, value) || Contains(k.model_cli_only, value) ||
      Contains(k.model_aliases, Lower(value)) || RE2::FullMatch(value, *k.model_id_pattern)) {
    return;
  }
  const std::string help_list = JoinCode(k.model_aliases) + ", or a full id like `claude-opus-4-8`";
  for (const auto& pattern : k.foreign_model_patterns) {
    if (RE2::PartialMatch(value, *pattern)) {
      out.Report(model->span,
                 "`model` `" + value + "` is another tool's model name, not a Claude Code model",
                 "use " + help_list);
      return;
    }
  }
  const std::string guess = ClosestMatch(value, k.model_aliases);
  out.Report(model->span, "`model` `" + value + "` is not a model Claude Code accepts",
             guess.empty() ? "use " + help_list : "did you mean `" + guess + "`?");
}

}  // namespace agentlint
