#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

void CheckServer(const FileContext& ctx, Reporter& out, const YamlNode& name,
                 const YamlNode& config) {
  if (!config.IsMapping()) {
    out.Report(config.span.empty() ? name.span : config.span,
               "the `" + name.value + "` server config must be a mapping",
               "give `type` and `command` (stdio) or `url` (http, sse, ws)");
    return;
  }
  const YamlNode* type = config.Find("type");
  const std::string kind = type && type->IsScalar() ? type->value : "stdio";
  if (type && !Contains(ctx.knowledge.mcp_server_types, kind)) {
    out.Report(type->span, "`" + kind + "` is not an MCP server type",
               "use " + JoinCode(ctx.knowledge.mcp_server_types));
    return;
  }
  if (kind == "stdio" && !config.Find("command")) {
    out.Report(name.span, "the stdio server `" + name.value + "` has no `command`",
               "add `command:` (and `args:`), or `type: http` with `url:`");
  } else if (kind != "stdio" && !config.Find("url")) {
    out.Report(name.span, "the " + kind + " server `" + name.value + "` has no `url`",
               "add `url:`");
  }
}

}  // namespace

void CheckMalformedMcpServers(const FileContext& ctx, Reporter& out) {
  const YamlNode* servers = ctx.doc.Field("mcpServers");
  if (!servers || servers->IsNull()) return;
  if (!servers->IsSequence()) return;  // wrong-field-type
  for (const YamlNode& item : servers->children) {
    if (item.IsScalar()) continue;  // the name of a configured server
    if (!item.IsMapping() || item.MapSize() != 1) {
      out.Report(item.span, "an `mcpServers` item must be a server name or a single-key mapping",
                 "write `- name` or `- name: {type: stdio, command: ...}`");
      continue;
    }
    CheckServer(ctx, out, item.Key(0), item.Value(0));
  }
}

}  // namespace agentlint
