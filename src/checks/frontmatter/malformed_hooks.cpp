#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

void CheckHandler(const FileContext& ctx, Reporter& out, const std::string& event,
                  const YamlNode& handler) {
  const Knowledge& k = ctx.knowledge;
  if (!handler.IsMapping()) {
    out.Report(handler.span, "a hook handler must be a mapping with `type`",
               "write `- type: command` with `command: <script>`");
    return;
  }
  const YamlNode* type = handler.Find("type");
  if (!type || !type->IsScalar()) {
    out.Report(handler.span, "the hook handler has no `type`",
               "add `type: command` (or " + JoinCode(k.hook_types) + ")");
    return;
  }
  if (!Contains(k.hook_types, type->value)) {
    out.Report(type->span, "`" + type->value + "` is not a hook handler type",
               "use " + JoinCode(k.hook_types));
    return;
  }
  if (type->value == "command" && !handler.Find("command")) {
    out.Report(type->span, "a `command` hook needs a `command`", "add `command: <script>`");
  }
  if ((type->value == "prompt" || type->value == "agent") &&
      Contains(k.no_prompt_hook_events, event)) {
    out.Report(type->span, "`" + type->value + "` handlers are not allowed on `" + event + "`",
               "use a `command` handler for this event");
  }
}

void CheckEvent(const FileContext& ctx, Reporter& out, const YamlNode& key, const YamlNode& value) {
  const Knowledge& k = ctx.knowledge;
  if (!Contains(k.hook_events, key.value)) {
    const std::string guess = ClosestMatch(key.value, k.hook_events);
    std::string help =
        guess.empty() ? "events are " + JoinCode({"PreToolUse", "PostToolUse", "Stop"}, " and ") +
                            " and others"
                      : "did you mean `" + guess + "`?";
    if (key.value == "pre" || key.value == "post") {
      help =
          "`pre:`/`post:` is the claude-flow hook shape; Claude Code expects events like "
          "`PreToolUse` with matcher groups";
    }
    out.Report(key.span, "`" + key.value + "` is not a hook event", help);
    return;
  }
  if (!value.IsSequence()) {
    out.Report(value.span.empty() ? key.span : value.span,
               "the `" + key.value + "` hooks must be a list of matcher groups",
               "write `- matcher: \"Bash\"` with a `hooks:` list of handlers");
    return;
  }
  for (const YamlNode& group : value.children) {
    const YamlNode* handlers = group.IsMapping() ? group.Find("hooks") : nullptr;
    if (!handlers || !handlers->IsSequence()) {
      out.Report(group.span, "a matcher group needs a `hooks:` list of handlers",
                 "write `- matcher: \"Bash\"` and `hooks: [{type: command, command: ...}]`");
      continue;
    }
    for (const YamlNode& handler : handlers->children) CheckHandler(ctx, out, key.value, handler);
  }
}

}  // namespace

void CheckMalformedHooks(const FileContext& ctx, Reporter& out) {
  const YamlNode* hooks = ctx.doc.Field("hooks");
  if (!hooks || hooks->IsNull()) return;
  if (hooks->IsSequence()) {
    out.Report(
        hooks->span,
        std::string(hooks->children.empty() ? "`hooks` is an empty list, not a mapping"
                                            : "`hooks` must be a mapping of events, not a list") +
            NotLoadedSuffix(ctx),
        "remove `hooks`, or write a mapping such as `hooks: {}` or `PreToolUse:` entries");
    return;
  }
  if (!hooks->IsMapping()) return;  // wrong-field-type
  // The claude-flow shape (`pre:` / `post:` holding shell snippets, as text or a list of
  // lines): one finding, not one per key.
  bool any_event = false;
  bool all_text = true;
  for (size_t i = 0; i < hooks->MapSize(); ++i) {
    any_event |= Contains(ctx.knowledge.hook_events, hooks->Key(i).value);
    const YamlNode& value = hooks->Value(i);
    bool text = value.IsScalar();
    if (value.IsSequence()) {
      text = true;
      for (const YamlNode& line : value.children) text &= line.IsScalar();
    }
    all_text &= text;
  }
  if (!any_event && all_text && hooks->MapSize() > 0) {
    out.Report(hooks->Key(0).span,
               "`hooks` holds shell snippets keyed by `" + hooks->Key(0).value +
                   "` (the claude-flow shape); Claude Code expects events such as `PreToolUse`",
               "rewrite as `PreToolUse:` / `Stop:` matcher groups with `type: command` handlers, "
               "or remove `hooks`");
    return;
  }
  for (size_t i = 0; i < hooks->MapSize(); ++i)
    CheckEvent(ctx, out, hooks->Key(i), hooks->Value(i));
}

}  // namespace agentlint
