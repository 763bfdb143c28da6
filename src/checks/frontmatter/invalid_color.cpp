#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

// Claude Code 2.1.332 keeps an agent's color only when it is one of its eight names as written
// (rules/colors.yaml); any other value is dropped without a message.
void CheckInvalidColor(const FileContext& ctx, Reporter& out) {
  const YamlNode* color = ScalarField(ctx.doc, "color");
  // An empty value is the same as no `color`: nothing is lost.
  if (!color || color->value.empty() || Contains(ctx.knowledge.colors, color->value)) return;
  const std::string& value = color->value;
  std::string what = "is not one of Claude Code's eight colors";
  if (value[0] == '#') {
    what = "is a hex color, not one of Claude Code's eight color names";
  } else if (Contains(ctx.knowledge.colors, Lower(value))) {
    what = "is not one of Claude Code's eight colors, which are lowercase";
  }
  const std::string guess = ClosestMatch(value, ctx.knowledge.colors);
  out.Report(
      color->span,
      "`color` `" + value + "` " + what +
          "; it is ignored, and the agent shows in the default color",
      guess.empty() ? "use " + JoinCode(ctx.knowledge.colors) : "did you mean `" + guess + "`?");
}

}  // namespace agentlint
