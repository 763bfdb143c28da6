#include "core/hooks.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/claude.h"
#include "core/text.h"

namespace agentlint {

namespace {

constexpr std::array<std::string_view, 3> kGuardEvents = {"PreToolUse", "PermissionRequest",
                                                          "PreSkillShellCommand"};

// An object to JavaScript: a mapping or a list (scalars, nulls and aliases are not).
bool IsObject(const YamlNode& node) { return node.IsMapping() || node.IsSequence(); }

bool IsEvent(const Knowledge& k, std::string_view key) { return Contains(k.hook_events, key); }

// A guard event's key holding something (not null, not an empty list).
bool IsGuardEntry(const YamlNode& key, const YamlNode& value) {
  return IsGuardEvent(key.value) && !IsJsNull(value) &&
         !(value.IsSequence() && value.children.empty());
}

// A mapping with a guard event's key holding something.
bool HoldsGuardKey(const YamlNode& node) {
  if (!node.IsMapping()) return false;
  for (size_t i = 0; i < node.MapSize(); ++i) {
    if (IsGuardEntry(node.Key(i), node.Value(i))) return true;
  }
  return false;
}

// A mapping shaped like a matcher group: `hooks:` a non-empty list, or a mapping beside a
// `matcher` key (or with a text `type`); a mapping of events without `matcher` is not one.
bool LooksLikeMatcher(const Knowledge& k, const YamlNode& node) {
  if (!node.IsMapping()) return false;
  const bool has_matcher = node.Find("matcher") != nullptr;
  if (!has_matcher) {
    for (size_t i = 0; i < node.MapSize(); ++i) {
      if (IsEvent(k, node.Key(i).value)) return false;
    }
  }
  const YamlNode* hooks = node.Find("hooks");
  if (!hooks) return false;
  if (hooks->IsSequence()) return !hooks->children.empty();
  return hooks->IsMapping() && (has_matcher || IsJsString(hooks->Find("type")));
}

struct Scan {
  bool matchers_count = true;
  bool skip_metadata = false;  // the top level's own keys that are never scanned
  bool in_hooks_list = false;
};

// The front matter's own keys whose values are never looked in for hooks.
bool NeverScanned(std::string_view key) {
  return key == "metadata" || key == "mcpServers" || key == "lspServers";
}

bool Unscanned(const Scan& scan, std::string_view key) {
  return scan.skip_metadata && NeverScanned(key);
}

// Whether `node` holds guard hooks within `depth` levels: a mapping with a guard event's key, or
// (while matchers count) a matcher group.
bool HoldsGuardHooks(const Knowledge& k, const YamlNode& node, int depth, Scan scan) {
  if (HoldsGuardKey(node)) return true;
  if (scan.matchers_count && LooksLikeMatcher(k, node)) return true;
  if (depth == 0 || !IsObject(node)) return false;
  if (node.IsSequence()) {
    for (const YamlNode& item : node.children) {
      if (HoldsGuardHooks(k, item, depth - 1, scan)) return true;
    }
    return false;
  }
  if (scan.in_hooks_list && IsJsString(node.Find("type"))) return false;  // a handler
  for (size_t i = 0; i < node.MapSize(); ++i) {
    const std::string& key = node.Key(i).value;
    if (Unscanned(scan, key)) continue;
    const YamlNode& value = node.Value(i);
    Scan inner = scan;
    inner.matchers_count = scan.matchers_count && !IsEvent(k, key);
    inner.in_hooks_list = key == "hooks" && value.IsSequence();
    if (HoldsGuardHooks(k, value, depth - 1, inner)) return true;
  }
  return false;
}

bool Fits(const YamlNode& value, HookValue kind) {
  switch (kind) {
    case HookValue::kText:
      return IsJsString(&value);
    case HookValue::kNonEmptyText:
      return IsJsString(&value) && !value.value.empty();
    case HookValue::kTexts:
      if (!value.IsSequence()) return false;
      for (const YamlNode& item : value.children) {
        if (!IsJsString(&item)) return false;
      }
      return true;
    case HookValue::kPositive: {
      const ScalarType type = value.IsScalar() ? TypeOf(value) : ScalarType::kString;
      if (type != ScalarType::kInt && type != ScalarType::kFloat) return false;
      const double number = std::strtod(value.value.c_str(), nullptr);
      return std::isfinite(number) && number > 0;
    }
    case HookValue::kBool:
      return value.IsScalar() && TypeOf(value) == ScalarType::kBool;
    case HookValue::kMapping:
      return value.IsMapping();
    case HookValue::kUrl: {
      // A scheme, then the rest: `https://example.com/hook`.
      if (!IsJsString(&value)) return false;
      const std::string& text = value.value;
      const size_t colon = text.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
      for (size_t i = 0; i < colon; ++i) {
        const char c = text[i];
        if (!std::isalpha(static_cast<unsigned char>(c)) &&
            !(i > 0 &&
              (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')))
          return false;
      }
      return true;
    }
  }
  return true;
}

std::string Expected(HookValue kind) {
  switch (kind) {
    case HookValue::kText:
      return "must be text";
    case HookValue::kNonEmptyText:
      return "must be text that is not empty";
    case HookValue::kTexts:
      return "must be a list of text";
    case HookValue::kPositive:
      return "must be a positive number";
    case HookValue::kBool:
      return "must be `true` or `false`";
    case HookValue::kMapping:
      return "must be a mapping";
    case HookValue::kUrl:
      return "must be a URL, such as `https://example.com/hook`";
  }
  return "";
}

std::optional<HookProblem> NotLoaded(const YamlNode& at, std::string message) {
  return HookProblem{&at, std::move(message),
                     "fix or remove the entry: Claude Code drops the whole agent rather than run "
                     "without a hook that may guard its permissions"};
}

}  // namespace

bool IsGuardEvent(std::string_view event) {
  for (std::string_view guard : kGuardEvents) {
    if (event == guard) return true;
  }
  return false;
}

std::optional<HookProblem> HandlerProblem(const YamlNode& handler, const Knowledge& k) {
  if (!handler.IsMapping())
    return HookProblem{&handler, "a hook handler must be a mapping with `type`",
                       "write `- type: command` with `command: <script>`"};
  const YamlNode* type = handler.Find("type");
  if (!type || !type->IsScalar())
    return HookProblem{&handler, "the hook handler has no `type`",
                       "add `type: command` (or " + JoinCode(k.hook_types) + ")"};
  if (!Contains(k.hook_types, type->value) || !IsJsString(type))
    return HookProblem{type, "`" + type->value + "` is not a hook handler type",
                       "use " + JoinCode(k.hook_types)};
  const HookHandlerInfo* info = k.FindHookHandler(type->value);
  for (const std::string& field : info->required) {
    if (!handler.Find(field))
      return HookProblem{type, "a `" + type->value + "` hook needs a `" + field + "`",
                         "add `" + field + ": ...`"};
  }
  for (const auto& [field, kind] : info->fields) {
    const YamlNode* value = handler.Find(field);
    if (!value || Fits(*value, kind)) continue;
    return HookProblem{value, "`" + field + "` " + Expected(kind),
                       kind == HookValue::kPositive ? "write the number unquoted, such as `30`"
                                                    : "a hook handler Claude Code cannot read is "
                                                      "not used"};
  }
  for (const auto& [field, values] : info->choices) {
    const YamlNode* value = handler.Find(field);
    if (!value || (IsJsString(value) && Contains(values, value->value))) continue;
    return HookProblem{value, "`" + field + "` must be " + JoinCode(values),
                       "Claude Code does not use a hook it cannot read: write " + JoinCode(values) +
                           " exactly, or leave `" + field + "` out"};
  }
  return std::nullopt;
}

std::optional<HookProblem> MatcherProblem(const YamlNode& group) {
  const YamlNode* handlers = group.IsMapping() ? group.Find("hooks") : nullptr;
  if (!handlers || !handlers->IsSequence())
    return HookProblem{&group, "a matcher group needs a `hooks:` list of handlers",
                       "write `- matcher: \"Bash\"` and `hooks: [{type: command, command: ...}]`"};
  if (const YamlNode* matcher = group.Find("matcher"); matcher && !IsJsString(matcher))
    return HookProblem{matcher, "`matcher` must be text, such as \"Bash\" or \"Edit|Write\"",
                       "quote it, or leave `matcher` out to match every tool"};
  return std::nullopt;
}

std::optional<HookProblem> UnloadableHooks(const YamlNode& root, const Knowledge& k) {
  if (!root.IsMapping()) return std::nullopt;
  // Guard hooks anywhere but in `hooks` (metadata, mcpServers and lspServers are not looked in).
  for (size_t i = 0; i < root.MapSize(); ++i) {
    const YamlNode& key = root.Key(i);
    const YamlNode& value = root.Value(i);
    if (IsGuardEntry(key, value))
      return NotLoaded(key, "`" + key.value +
                                "` hooks are at the top of the front matter, "
                                "outside `hooks`");
    // Text, numbers and nulls hold no hooks: most values end here, before any lookup.
    if (!IsObject(value) || key.value == "hooks" || NeverScanned(key.value)) continue;
    if (HoldsGuardHooks(k, value, 3, {!IsEvent(k, key.value), true, false}))
      return NotLoaded(key, "`" + key.value + "` holds hooks outside `hooks`");
  }
  const YamlNode* hooks = root.Find("hooks");
  if (!hooks || !hooks->IsMapping()) return std::nullopt;
  if (LooksLikeMatcher(k, *hooks))
    return NotLoaded(*hooks, "`hooks` is one matcher group, not a mapping of events to lists");
  for (size_t i = 0; i < hooks->MapSize(); ++i) {
    const YamlNode& key = hooks->Key(i);
    const YamlNode& value = hooks->Value(i);
    const bool guard = IsGuardEvent(key.value);
    if (!IsEvent(k, key.value)) {
      if (HoldsGuardHooks(k, value, 3, {!value.IsSequence(), false, false}))
        return NotLoaded(key, "`" + key.value + "` is not a hook event, but holds hooks of one");
      continue;
    }
    const YamlNode& at = value.span.empty() ? key : value;
    if (!value.IsSequence()) {
      if ((guard && !IsJsNull(value)) || HoldsGuardHooks(k, value, 3, {false, false, false}))
        return NotLoaded(at, "the `" + key.value + "` hooks must be a list of matcher groups");
      continue;
    }
    for (const YamlNode& group : value.children) {
      if (HoldsGuardHooks(k, group, 3, {false, false, false}))
        return NotLoaded(group, "a `" + key.value + "` matcher group holds other hooks");
      if (!guard) continue;
      if (auto problem = MatcherProblem(group)) return NotLoaded(*problem->at, problem->message);
      for (const YamlNode& handler : group.Find("hooks")->children) {
        if (auto problem = HandlerProblem(handler, k))
          return NotLoaded(*problem->at, problem->message);
      }
    }
  }
  return std::nullopt;
}

}  // namespace agentlint
