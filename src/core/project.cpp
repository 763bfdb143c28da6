#include "core/project.h"

#include <algorithm>
#include <filesystem>

namespace agentlint {

Project::Project(std::vector<const AgentDoc*> docs) : docs_(std::move(docs)) {
  std::sort(docs_.begin(), docs_.end(),
            [](const AgentDoc* a, const AgentDoc* b) { return a->path() < b->path(); });
  for (const AgentDoc* doc : docs_) scopes_[doc->origin().scope].push_back(doc);
}

const std::vector<const AgentDoc*>& Project::ScopeOf(const AgentDoc& doc) const {
  return scopes_.at(doc.origin().scope);
}

std::string Project::AgentName(const AgentDoc& doc) {
  const YamlNode* name = doc.Field("name");
  if (name && name->IsScalar() && !name->value.empty()) return name->value;
  std::string stem = std::filesystem::path(doc.path()).filename().string();
  for (const char* suffix : {".agent.md", ".md"}) {
    const std::string_view s(suffix);
    if (stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0) {
      stem.resize(stem.size() - s.size());
      break;
    }
  }
  return stem;
}

}  // namespace agentlint
