#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {

std::vector<std::string> PreloadedSkills(const AgentDoc& doc) {
  std::vector<std::string> names;
  for (const ToolEntry& entry : doc.Tools("skills").entries) names.push_back(entry.name);
  return names;
}

const Regex kCall(R"re(\bSkill\(\s*["']?([A-Za-z0-9:_-]+)["']?\s*\))re");
const Regex kSkillName(R"([a-z0-9][a-z0-9:_-]{2,63})");
}  // namespace

void CheckSkillNotGranted(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!ToolsDeclared(doc) || AgentHasTool(doc, ctx.knowledge, "Skill")) return;
  const std::vector<std::string> preloaded = PreloadedSkills(doc);
  std::vector<std::string> used;
  Span first{};
  const auto note = [&](const std::string& name, Span span) {
    if (Contains(preloaded, name) || Contains(used, name) || InHtmlComment(doc, span.begin)) return;
    if (name == "skill-name" || name == "name" || name == "skill") return;  // a placeholder
    if (used.empty()) first = span;
    used.push_back(name);
  };
  // Skill("name") calls anywhere in the body.
  const std::string_view body = SpanText(doc, doc.body().span);
  re2::StringPiece input(body.data(), body.size());
  std::string name;
  // The literal first: most bodies never call Skill, and a regex scan costs far more than find.
  const bool calls = body.find("Skill(") != std::string_view::npos;
  while (calls && RE2::FindAndConsume(&input, kCall, &name)) {
    const size_t at = static_cast<size_t>(input.data() - body.data());
    note(name, {doc.body().span.begin + at - name.size(), doc.body().span.begin + at});
  }
  // Code spans listed under a skills heading ("Skills Assigned", "Required Skills").
  const Body& model = doc.body();
  for (const CodeSpan& code : model.code_spans) {
    const int section = model.SectionAt(code.span.begin);
    if (section < 0) continue;
    const std::string& title = model.headings[model.sections[section].heading].normalized;
    if (title.find("skill") == std::string::npos) continue;
    if (RE2::FullMatch(code.text, kSkillName)) note(code.text, code.span);
  }
  if (used.empty()) return;
  std::string list;
  for (size_t i = 0; i < used.size() && i < 4; ++i) list += (i ? ", `" : "`") + used[i] + "`";
  if (used.size() > 4) list += " and " + std::to_string(used.size() - 4) + " more";
  out.Report(first,
             "the body uses skill" + std::string(used.size() > 1 ? "s " : " ") + list +
                 ", but the front matter neither preloads " + (used.size() > 1 ? "them" : "it") +
                 " (`skills:`) nor grants `Skill`",
             "add `skills: [" + used[0] + (used.size() > 1 ? ", ...]`" : "]`") +
                 " to preload, or add `Skill` to " + FieldRef(doc, "tools"));
}

}  // namespace agentlint
