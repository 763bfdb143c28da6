#include <cctype>

#include "checks/common.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

namespace {

bool IsKebab(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '-') {
      if (name[i - 1] == '-') return false;
    } else if (!std::islower(static_cast<unsigned char>(c)) &&
               !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

std::string ToKebab(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))
      out += '-';
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

void CheckNameNotKebabCase(const FileContext& ctx, Reporter& out) {
  const YamlNode* name = ScalarField(ctx.doc, "name");
  if (!name || name->value.empty() || !NameProblem(ctx.knowledge, name->value).empty())
    return;  // missing-name and name-skipped-by-loader cover these
  if (Contains(ctx.knowledge.builtin_agents, name->value)) return;  // name-shadows-builtin
  if (IsKebab(name->value)) return;
  const std::string suggestion = ToKebab(name->value);
  out.Report(name->span, "`name` `" + name->value + "` is not lowercase-with-hyphens",
             suggestion.empty() ? "use lowercase letters, digits and hyphens"
                                : "use `" + suggestion +
                                      "`; `Agent(name)` rules and hook matchers compare the "
                                      "exact string");
}

}  // namespace agentlint
