#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

void CheckInvalidColor(const FileContext& ctx, Reporter& out) {
  const YamlNode* color = ScalarField(ctx.doc, "color");
  if (!color || Contains(ctx.knowledge.colors, color->value)) return;
  const std::string& value = color->value;
  std::string why = "is not one of Claude Code's colors";
  if (!value.empty() && value[0] == '#') {
    why = "is a hex color; Claude Code documents only named colors";
  } else if (Contains(ctx.knowledge.undocumented_colors, Lower(value))) {
    why = "is not documented by Claude Code; its effect is undefined";
  }
  const std::string guess = ClosestMatch(value, ctx.knowledge.colors);
  out.Report(
      color->span, "`color` `" + value + "` " + why,
      guess.empty() ? "use " + JoinCode(ctx.knowledge.colors) : "did you mean `" + guess + "`?");
}

}  // namespace agentlint
