#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "checks/common.h"
#include "core/discover.h"
#include "core/text.h"

namespace agentlint {

namespace {

const Regex kPath(
    R"(^(?:\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.(?:py|ts|tsx|js|jsx|mjs|go|rs|java|rb|md|json|ya?ml|toml|sql|sh|css|html|cfg|ini|txt|lock)$|^(?:\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+/?$)");
const Regex kPlaceholder(
    R"((?i)(\[|\]|<|>|\{|\}|\*|\.\.\.|example|sample|your[-_]|path/to|foo|bar\b|xxx|\$)|YYYY|MMDD|TICKET)");

// A repository path worth checking: has a folder or a known extension, and no placeholder.
bool LooksLikePath(const std::string& text) {
  return RE2::FullMatch(text, kPath) && !RE2::PartialMatch(text, kPlaceholder) &&
         text.find("://") == std::string::npos && text.rfind("/", 0) != 0 &&
         text.rfind("~", 0) != 0;
}

// "Create `deploy/k8s/`", "save it to `docs/adr/`": a path the agent is told to make, when the
// line up to it ends with one of these verbs and at most 40 more characters, none of `.;:!?`.
const TailCue kTellsToMake(
    R"(creat\w*|generat\w*|add|new|save\w*|output\w*|writ\w*|put|scaffold\w*|make)", ".;:!?", 40);

const Regex kIllustrates(R"((?i)\b(examples?|for instance|such as)\b|\be\.g\.|→|->|=>)");
}  // namespace

// Paths named in inline code, once each per file; a bare file name may live anywhere, so only
// paths with a folder are kept.
void SummarizeReferencedPaths(const FileContext& ctx, AgentSummary& summary) {
  const AgentDoc& doc = ctx.doc;
  if (!doc.origin().scope_is_agent_root) return;
  std::unordered_set<std::string> seen;
  for (const CodeSpan& code : doc.body().code_spans) {
    const std::string& text = code.text;
    if (text.find('/') == std::string::npos || seen.count(text) || !LooksLikePath(text)) continue;
    seen.insert(text);
    // "Example: `docs/plans/2026-plan.md`", "`app/users.py` → `tests/test_users.py`": an
    // illustration of a naming scheme, not a file.
    // The words around the path on its line, at most a few hundred bytes either side (a path
    // on a megabyte-long line costs no more than on a short one).
    constexpr size_t kAround = 240;
    const int line = doc.source().Locate(code.span.begin).line;
    const size_t line_start = doc.source().LineStart(line);
    const size_t line_end = doc.source().LineContentEnd(line);
    const size_t from =
        std::max(line_start, code.span.begin > kAround ? code.span.begin - kAround : 0);
    const size_t to = std::min(line_end, code.span.end + kAround);
    const std::string_view before = SpanText(doc, {from, code.span.begin});
    const std::string_view around = SpanText(doc, {from, std::max(to, code.span.end)});
    if (InExample(doc, code.span.begin) || kTellsToMake.ClosesText(before) ||
        RE2::PartialMatch(re2::StringPiece(around.data(), around.size()), kIllustrates))
      continue;
    summary.paths.push_back({text, "", MakeAnchor(doc.source(), code.span)});
  }
}

void CheckMissingReferencedFile(const ProjectContext& ctx, ProjectReporter& out) {
  namespace fs = std::filesystem;
  std::optional<fs::path> cwd;  // asked for once
  for (const auto& [scope, agents] : ctx.project.scopes()) {
    if (agents.empty() || !agents.front()->origin.scope_is_agent_root) continue;
    // Only inside a real checkout whose root holds the agents folder: a copy of the agents
    // alone says nothing about missing files. (`.` inside .claude/agents is `../..`'s.)
    std::error_code ec;
    if (!cwd) cwd = fs::current_path(ec);
    const fs::path project = ProjectFolderOf(scope, *cwd);
    if (!fs::exists(project / ".git", ec)) continue;
    // Each path looked up once per scope: whether it is missing where it would be, and whether
    // it exists under `.claude/` instead (`rules/x.md` written for `.claude/rules/x.md`: paths
    // are taken from the repository's root, not from the .claude folder).
    struct Lookup {
      bool stale = false;
      bool under_claude = false;
    };
    std::unordered_map<std::string, Lookup> looked_up;
    for (const AgentSummary* agent : agents) {
      for (const Reference& path : agent->paths) {
        // Reported only where the folder that would hold it exists: a path whose folder is also
        // missing is more often a place to create, an action (`docker/metadata-action`) or a
        // property (`spring.datasource.url/username`) than a stale reference.
        auto it = looked_up.find(path.name);
        if (it == looked_up.end()) {
          fs::path relative(path.name);
          if (!relative.has_filename()) relative = relative.parent_path();  // `docs/adr/`
          Lookup lookup;
          lookup.under_claude = fs::exists(project / ".claude" / relative, ec);
          lookup.stale =
              !fs::exists(project / relative, ec) &&
              (lookup.under_claude || fs::is_directory(project / relative.parent_path(), ec));
          it = looked_up.emplace(path.name, lookup).first;
        }
        if (!it->second.stale) continue;
        out.Report(
            path.at, "`" + path.name + "` does not exist in the repository",
            it->second.under_claude
                ? "write `.claude/" + path.name + "`: paths are read from the repository's root"
                : "update the path, or remove the instruction; agents trust the "
                  "paths they are given");
      }
    }
  }
}

}  // namespace agentlint
