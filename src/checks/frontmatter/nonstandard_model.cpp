#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckNonstandardModel(const FileContext& ctx, Reporter& out) {
  const YamlNode* model = ScalarField(ctx.doc, "model");
  if (!model) return;
  const Knowledge& k = ctx.knowledge;
  const std::string& value = model->value;
  if (Contains(k.model_cli_only, value)) {
    out.Report(model->span,
               "`model` `" + value + "` is a `--model` alias that the subagent docs do not list",
               "use " + JoinCode(k.model_aliases) + " for a portable agent");
  } else if (!Contains(k.model_aliases, value) && Contains(k.model_aliases, Lower(value))) {
    Diagnostic& d =
        out.Report(model->span, "`model` `" + value + "` is capitalised; aliases are lowercase",
                   "write `" + Lower(value) + "`");
    // Unsafe: the agent may run on another model afterwards (the capitalised value is passed
    // on as written), which the author should confirm.
    if (model->style == ScalarStyle::kPlain)
      d.fix = Fix{"lowercase the model alias", {{model->span, Lower(value)}}, false};
  }
}

}  // namespace agentlint
