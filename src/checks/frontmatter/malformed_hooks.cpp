#include <optional>

#include "checks/common.h"
#include "core/claude.h"
#include "core/hooks.h"
#include "core/text.h"

namespace agentlint {

namespace {

// Reports the hook problems of one agent. Where Claude Code drops the agent for its hooks
// (core/hooks UnloadableHooks), the finding at that place says so; when none is there, the
// reason is reported on its own.
class HookReporter {
 public:
  HookReporter(const FileContext& ctx, Reporter& out) : ctx_(ctx), out_(out) {
    if (DroppedForHooks(ctx.claude) && ctx.doc.root())
      unloadable_ = UnloadableHooks(*ctx.doc.root(), ctx.knowledge);
  }

  void Report(const YamlNode& at, const std::string& message, const std::string& help) {
    const bool drops = unloadable_ && unloadable_->at == &at && !said_;
    said_ |= drops;
    out_.Report(at.span, message + (drops ? NotLoadedSuffix(ctx_) : ""),
                drops ? unloadable_->help : help);
  }
  void Report(const HookProblem& problem) { Report(*problem.at, problem.message, problem.help); }

  // Whether Claude Code drops the agent for what is at `node`.
  bool DropsAt(const YamlNode& node) const { return unloadable_ && unloadable_->at == &node; }

  // The reason Claude Code drops the agent, when no finding was at its place.
  void Finish() {
    if (unloadable_ && !said_) Report(*unloadable_);
  }

 private:
  const FileContext& ctx_;
  Reporter& out_;
  std::optional<HookProblem> unloadable_;
  bool said_ = false;
};

void CheckEvent(const FileContext& ctx, HookReporter& out, const YamlNode& key,
                const YamlNode& value) {
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
    out.Report(key, "`" + key.value + "` is not a hook event", help);
    return;
  }
  if (!value.IsSequence()) {
    out.Report(value.span.empty() ? key : value,
               "the `" + key.value + "` hooks must be a list of matcher groups",
               "write `- matcher: \"Bash\"` with a `hooks:` list of handlers");
    return;
  }
  for (const YamlNode& group : value.children) {
    if (const auto problem = MatcherProblem(group)) {
      out.Report(*problem);
      if (problem->at == &group) continue;  // no list of handlers to look at
    }
    for (const YamlNode& handler : group.Find("hooks")->children) {
      if (const auto problem = HandlerProblem(handler, k)) {
        out.Report(*problem);
        continue;
      }
      const YamlNode* type = handler.Find("type");
      if ((type->value == "prompt" || type->value == "agent") &&
          Contains(k.no_prompt_hook_events, key.value)) {
        out.Report(*type, "`" + type->value + "` handlers are not allowed on `" + key.value + "`",
                   "use a `command` handler for this event");
      }
    }
  }
}

}  // namespace

void CheckMalformedHooks(const FileContext& ctx, Reporter& reporter) {
  HookReporter out(ctx, reporter);
  const YamlNode* hooks = ctx.doc.Field("hooks");
  if (hooks && hooks->IsSequence()) {
    reporter.Report(
        hooks->span,
        std::string(hooks->children.empty() ? "`hooks` is an empty list, not a mapping"
                                            : "`hooks` must be a mapping of events, not a list") +
            NotLoadedSuffix(ctx),
        "remove `hooks`, or write a mapping such as `hooks: {}` or `PreToolUse:` entries");
    return;
  }
  // None, wrong-field-type's, or one matcher group written as `hooks` (one finding, not one per
  // key of the group).
  if (!hooks || !hooks->IsMapping() || out.DropsAt(*hooks)) {
    out.Finish();
    return;
  }
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
    out.Report(hooks->Key(0),
               "`hooks` holds shell snippets keyed by `" + hooks->Key(0).value +
                   "` (the claude-flow shape); Claude Code expects events such as `PreToolUse`",
               "rewrite as `PreToolUse:` / `Stop:` matcher groups with `type: command` handlers, "
               "or remove `hooks`");
  } else {
    for (size_t i = 0; i < hooks->MapSize(); ++i)
      CheckEvent(ctx, out, hooks->Key(i), hooks->Value(i));
  }
  out.Finish();
}

}  // namespace agentlint
