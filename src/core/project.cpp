#include "core/project.h"

#include <algorithm>
#include <filesystem>

#include "core/check.h"
#include "core/text.h"

namespace agentlint {

Project::Project(std::vector<AgentSummary> agents) : agents_(std::move(agents)) {
  std::sort(agents_.begin(), agents_.end(),
            [](const AgentSummary& a, const AgentSummary& b) { return a.path < b.path; });
  for (const AgentSummary& agent : agents_) scopes_[agent.origin.scope].push_back(&agent);
}

const std::vector<const AgentSummary*>& Project::ScopeOf(const AgentSummary& agent) const {
  return scopes_.at(agent.origin.scope);
}

std::string AgentName(const AgentDoc& doc) {
  const YamlNode* name = doc.Field("name");
  if (name && name->IsScalar() && !name->value.empty()) return name->value;
  std::string stem = std::filesystem::path(doc.path()).filename().string();
  for (const char* suffix : {".agent.md", ".md"}) {
    if (EndsWith(stem, suffix) && stem.size() > std::string_view(suffix).size()) {
      stem.resize(stem.size() - std::string_view(suffix).size());
      break;
    }
  }
  return stem;
}

const Evidence* Stance::Prescribes(size_t choice) const {
  for (const Evidence& e : prescribed) {
    if (e.choice == choice) return &e;
  }
  return nullptr;
}

const Evidence* Stance::RulesOut(size_t choice) const {
  for (const Evidence& e : ruled_out) {
    if (e.choice == choice) return &e;
  }
  return nullptr;
}

Anchor MakeAnchor(const SourceFile& source, Span span) {
  Diagnostic d;
  d.location = MakeLocation(source, span);
  SetLineText(d, source);
  return {d.location, std::move(d.line_text), d.line_text_offset, d.line_text_cut};
}

AgentSummary SummarizeIdentity(const AgentDoc& doc, bool loads) {
  AgentSummary s;
  s.path = doc.path();
  s.origin = doc.origin();
  s.dialect = doc.dialect();
  s.front_matter_closed = doc.front_matter().closed;
  s.loads = loads;
  s.agent_name = AgentName(doc);
  if (const YamlNode* name = doc.Field("name"); name && name->IsScalar()) {
    s.name = name->value;
    s.name_at = MakeAnchor(doc.source(), name->span);
  }
  if (const YamlNode* description = doc.Field("description");
      description && description->IsScalar()) {
    s.description = description->value;
    s.description_at = MakeAnchor(doc.source(), description->span);
  }
  return s;
}

}  // namespace agentlint
