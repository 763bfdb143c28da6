#include <re2/re2.h>

#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

namespace {
const Regex kDated(R"((claude-[a-z0-9.-]+)-(\d{8})(\[1m\])?)");
}  // namespace

// A `model` that Claude Code passes to the API as written, where no model has that name: the
// subagent's every request fails.
void CheckInvalidModel(const FileContext& ctx, Reporter& out) {
  const YamlNode* model = ScalarField(ctx.doc, "model");
  if (!model) return;
  const Knowledge& k = ctx.knowledge;
  const std::string resolved = ResolveModel(k, model->value);
  if (resolved == "inherit" || Contains(k.model_aliases, resolved)) return;
  if (RE2::FullMatch(resolved, k.model_id_pattern->get())) {
    // A dated id whose model has one snapshot, of another date: no such model.
    std::string base;
    std::string date;
    std::string suffix;
    if (!RE2::FullMatch(resolved, kDated, &base, &date, &suffix)) return;
    const auto it = k.model_snapshots.find(base);
    if (it == k.model_snapshots.end() || it->second == date) return;
    const std::string right = base + "-" + it->second + suffix;
    Diagnostic& d =
        out.Report(model->span,
                   "`model` `" + std::string(Trim(model->value)) + "` is not a model: `" + base +
                       "` has the one snapshot `" + right +
                       "`; Claude Code sends the id as written, and every "
                       "request of this agent fails",
                   "use `" + right + "`, or `" + base + "`");
    if (model->style == ScalarStyle::kPlain)
      d.fix = Fix{"use the snapshot `" + right + "`", {{model->span, right}}, false};
    return;
  }
  const std::string value(Trim(model->value));
  const std::string help_list = JoinCode(k.model_aliases) + ", or a full id like `claude-opus-4-5`";
  for (const auto& pattern : k.foreign_model_patterns) {
    if (RE2::PartialMatch(value, pattern->get())) {
      out.Report(model->span,
                 "`model` `" + value +
                     "` is another tool's model name; Claude Code sends it to "
                     "the API as written, which rejects it",
                 "use " + help_list);
      return;
    }
  }
  const std::string guess = ClosestMatch(Lower(value), k.model_aliases);
  Diagnostic& d =
      out.Report(model->span,
                 "`model` `" + value +
                     "` is not a model: Claude Code sends it to the API as written, and "
                     "every request of this agent fails",
                 guess.empty() ? "use " + help_list : "did you mean `" + guess + "`?");
  // Unsafe: the agent starts working, on a model its author should confirm.
  if (!guess.empty() && model->style == ScalarStyle::kPlain)
    d.fix = Fix{"use the model alias `" + guess + "`", {{model->span, guess}}, false};
}

}  // namespace agentlint
