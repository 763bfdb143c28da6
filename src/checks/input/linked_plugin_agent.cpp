#include "checks/common.h"

namespace agentlint {

// Claude Code 2.1.332 reads a plugin's agents folder without following symbolic links: a linked
// agent file, or any agent under a linked folder, is skipped (measured with --plugin-dir).
// Discovery marks such files (FileOrigin::linked_in_plugin); a project's .claude/agents follows
// links, so only plugin agents are reported.
void CheckLinkedPluginAgent(const FileContext& ctx, Reporter& out) {
  if (!ctx.doc.origin().plugin_agent || !ctx.doc.origin().linked_in_plugin) return;
  out.Report({0, 0},
             "this plugin agent is reached through a symbolic link, and Claude Code does not "
             "follow links in a plugin's agents folder" +
                 NotLoadedSuffix(ctx),
             "put the file itself in the plugin's `agents/` folder (a copy, or one made by the "
             "plugin's build) instead of a link");
}

}  // namespace agentlint
