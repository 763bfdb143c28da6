#include <re2/re2.h>

#include <filesystem>
#include <unordered_set>

#include "checks/common.h"

namespace agentlint {

namespace {

// A repository path worth checking: has a folder or a known extension, and no placeholder.
bool LooksLikePath(const std::string& text) {
  static const RE2 kPath(
      R"(^(?:\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.(?:py|ts|tsx|js|jsx|mjs|go|rs|java|rb|md|json|ya?ml|toml|sql|sh|css|html|cfg|ini|txt|lock)$|^(?:\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+/?$)");
  static const RE2 kPlaceholder(
      R"((?i)(\[|\]|<|>|\{|\}|\*|\.\.\.|example|sample|your[-_]|path/to|foo|bar\b|xxx|\$))");
  return RE2::FullMatch(text, kPath) && !RE2::PartialMatch(text, kPlaceholder) &&
         text.find("://") == std::string::npos && text.rfind("/", 0) != 0 &&
         text.rfind("~", 0) != 0;
}

}  // namespace

void CheckMissingReferencedFile(const ProjectContext& ctx, ProjectReporter& out) {
  namespace fs = std::filesystem;
  for (const auto& [scope, docs] : ctx.project.scopes()) {
    if (docs.empty() || !docs.front()->origin().scope_is_agent_root) continue;
    // Only inside a real checkout whose root holds the agents folder: a copy of the agents
    // alone says nothing about missing files.
    const std::filesystem::path project = std::filesystem::path(scope).parent_path().parent_path();
    std::error_code ec;
    if (!std::filesystem::exists(project / ".git", ec)) continue;
    const std::string repo = project.string();
    for (const AgentDoc* doc : docs) {
      std::unordered_set<std::string> reported;  // each path once per file, found in O(1)
      for (const CodeSpan& code : doc->body().code_spans) {
        const std::string& text = code.text;
        if (reported.count(text) || !LooksLikePath(text)) continue;
        // Paths may be written from the repository root or relative to a package in it; only
        // paths found nowhere are reported.
        if (fs::exists(fs::path(repo) / text, ec)) continue;
        if (text.find('/') == std::string::npos) continue;  // a bare file name may live anywhere
        reported.insert(text);
        out.Report(
            *doc, code.span, "`" + text + "` does not exist in the repository",
            "update the path, or remove the instruction; agents trust the paths they are given");
      }
    }
  }
}

}  // namespace agentlint
