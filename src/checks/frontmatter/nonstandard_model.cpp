#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

// A `model` that Claude Code runs as another model than the one named: a `--model` alias
// (`opusplan` runs a subagent as `sonnet`) or a retired id it upgrades.
void CheckNonstandardModel(const FileContext& ctx, Reporter& out) {
  const YamlNode* model = ScalarField(ctx.doc, "model");
  if (!model) return;
  const Knowledge& k = ctx.knowledge;
  std::string key = Lower(Trim(model->value));
  if (EndsWith(key, "[1m]")) key.resize(key.size() - 4);
  const std::string value(Trim(model->value));
  if (const auto it = k.model_cli_only.find(key); it != k.model_cli_only.end()) {
    out.Report(model->span,
               "`model` `" + value + "` is a `--model` alias; Claude Code runs this subagent as `" +
                   it->second + "`",
               "write `model: " + it->second + "`, which says what happens");
  } else if (const auto retired = k.model_retired.find(key); retired != k.model_retired.end()) {
    out.Report(model->span,
               "`model` `" + value + "` is retired; Claude Code runs this subagent as `" +
                   retired->second + "` instead",
               "write `model: " + retired->second + "`, or a current model id");
  }
}

}  // namespace agentlint
