#include "core/project.h"

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "core/check.h"
#include "core/claude.h"
#include "core/discover.h"
#include "core/text.h"

namespace agentlint {

Project::Project(std::vector<AgentSummary> summaries) : agents_(std::move(summaries)) {
  // One vector of summaries, not two: the few instruction files are moved out of it.
  const auto first_instructions = std::stable_partition(
      agents_.begin(), agents_.end(), [](const AgentSummary& s) { return !s.origin.instructions; });
  std::move(first_instructions, agents_.end(), std::back_inserter(instructions_));
  agents_.erase(first_instructions, agents_.end());
  const auto by_path = [](const AgentSummary& a, const AgentSummary& b) { return a.path < b.path; };
  // Summaries come in discovery order, which is sorted already: nothing to move then.
  if (!std::is_sorted(agents_.begin(), agents_.end(), by_path))
    std::sort(agents_.begin(), agents_.end(), by_path);
  std::sort(instructions_.begin(), instructions_.end(), by_path);
  for (const AgentSummary& agent : agents_) scopes_[agent.origin.scope].push_back(&agent);
  for (const AgentSummary& party : instructions_)
    instructions_by_scope_[party.origin.scope].push_back(&party);
  // Nested projects: a `.claude/agents` scope whose project folder lies inside another's.
  if (scopes_.size() < 2) return;  // nothing to enclose
  std::vector<std::pair<std::filesystem::path, const std::string*>> claude;
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  for (const auto& [scope, agents] : scopes_) {
    if (std::optional<std::filesystem::path> dir = ClaudeProjectDir(scope, cwd))
      claude.emplace_back(std::move(*dir), &scope);
  }
  for (const auto& [inner, scope] : claude) {
    for (const auto& [outer, outer_scope] : claude) {
      const std::string a = inner.generic_string() + "/";
      const std::string b = outer.generic_string() + "/";
      if (a.size() <= b.size() || a.compare(0, b.size(), b) != 0) continue;  // not inside
      if (GitRootBetween(inner, outer)) continue;
      std::vector<const AgentSummary*>& mine = enclosing_[*scope];
      const std::vector<const AgentSummary*>& theirs = scopes_.at(*outer_scope);
      mine.insert(mine.end(), theirs.begin(), theirs.end());
    }
  }
  for (auto& [scope, agents] : enclosing_) {
    std::sort(agents.begin(), agents.end(),
              [](const AgentSummary* a, const AgentSummary* b) { return a->path < b->path; });
  }
}

const std::vector<const AgentSummary*>& Project::EnclosingAgentsOf(const std::string& scope) const {
  static const std::vector<const AgentSummary*> kNone;
  const auto it = enclosing_.find(scope);
  return it == enclosing_.end() ? kNone : it->second;
}

const std::vector<const AgentSummary*>& Project::InstructionsOf(const std::string& scope) const {
  static const std::vector<const AgentSummary*> kNone;
  const auto it = instructions_by_scope_.find(scope);
  return it == instructions_by_scope_.end() ? kNone : it->second;
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

bool Stance::Delegates(size_t choice) const {
  for (const Evidence& e : delegated) {
    if (e.choice == choice) return true;
  }
  return false;
}

const Evidence* Stance::RulesOut(size_t choice) const {
  for (const Evidence& e : ruled_out) {
    if (e.choice == choice) return &e;
  }
  return nullptr;
}

Anchor MakeAnchor(const SourceFile& source, Span span, bool with_line) {
  if (!with_line) return {MakeLocation(source, span), {}, 0, false};
  Diagnostic d;
  d.location = MakeLocation(source, span);
  SetLineText(d, source);
  return {d.location, std::move(d.line_text), d.line_text_offset, d.line_text_cut};
}

AgentSummary SummarizeIdentity(const AgentDoc& doc, const ClaudeAgent* claude) {
  AgentSummary s;
  const bool loads = claude && claude->loads;
  if (claude) {
    s.model = claude->model;
    if (!claude->inherits_tools && claude->tools_resolved)
      s.tool_count = static_cast<int>(claude->tools.size());
  }
  s.path = doc.path();
  s.origin = doc.origin();
  s.dialect = doc.dialect();
  s.front_matter_closed = doc.front_matter().closed;
  s.loads = loads;
  s.agent_name = AgentName(doc);
  if (const YamlNode* name = doc.Field("name"); name && name->IsScalar()) {
    s.name = name->value;
    s.name_at = MakeAnchor(doc.source(), name->span, doc.origin().reported);
  }
  if (const YamlNode* description = doc.Field("description");
      description && description->IsScalar()) {
    s.description = description->value;
    s.description_at = MakeAnchor(doc.source(), description->span, doc.origin().reported);
  }
  return s;
}

}  // namespace agentlint
