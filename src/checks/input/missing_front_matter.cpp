#include "checks/common.h"
#include "core/check.h"
#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

void CheckMissingFrontMatter(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (doc.front_matter().present || !doc.origin().read_error.empty()) return;
  const size_t start = doc.source().has_bom() ? 3 : 0;
  if (const auto& misplaced = doc.front_matter().misplaced) {
    const bool indented = doc.source().Locate(misplaced->begin).column > 1;
    out.Report(
        *misplaced,
        std::string(indented ? "the front matter is indented, so it is not read as front matter"
                             : "the front matter does not start on the first line of the file") +
            NotLoadedSuffix(ctx),
        "move the `---` block to the very top of the file, unindented");
    return;
  }
  // `.cloud/agents`, `.clade/agents`: a folder Claude Code never reads.
  std::string help = "start the file with a `---` block holding at least `name` and `description`";
  const std::string& path = doc.path();
  const size_t agents = path.find("/agents/");
  const size_t dot = agents == std::string::npos ? std::string::npos : path.rfind('/', agents - 1);
  const std::string folder = dot == std::string::npos ? "" : path.substr(dot + 1, agents - dot - 1);
  if (!folder.empty() && folder[0] == '.' && folder != ".claude" &&
      EditDistance(folder, ".claude") <= 2) {
    help += "; and Claude Code reads `.claude/agents`, not `" + folder +
            "/agents`: did you mean `.claude`?";
  }
  // A plugin agent loads without one, under its file name and with every tool (measured).
  const bool loads = ctx.claude && ctx.claude->loads;
  if (loads) {
    help =
        "start the file with a `---` block holding `name` and `description`; if it is "
        "documentation, move it out of the plugin's `agents/` folder, where Claude Code loads "
        "every `.md` file as an agent";
  }
  out.Report(
      {start, start},
      loads ? "the file has no front matter: Claude Code loads this plugin agent as `" +
                  ctx.claude->name + "`, with no description and every tool"
            : "the file has no front matter" + NotLoadedSuffix(ctx) + " (nor does any other tool)",
      help);
}

}  // namespace agentlint
