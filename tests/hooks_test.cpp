// core/hooks: which hooks make Claude Code drop an agent. Each case is one that Claude Code
// 2.1.332 was run on (tests/conformance holds the fixtures to it); the verdicts are its own.
#include <doctest/doctest.h>

#include <string>

#include "core/claude.h"
#include "core/document.h"
#include "core/hooks.h"
#include "core/knowledge.h"

using namespace agentlint;

namespace {

// The reason Claude Code drops an agent with this front matter (after name and description) for
// its hooks, "" when it keeps it; the text of the node it is about after " @ ".
std::string Drops(const std::string& front_matter) {
  const AgentDoc doc(
      SourceFile("a.md", "---\nname: a\ndescription: b\n" + front_matter + "\n---\nBody\n"), {});
  REQUIRE(doc.ClaudeRoot());
  const auto problem = UnloadableHooks(*doc.ClaudeRoot(), EmbeddedKnowledge());
  if (!problem) return "";
  const Span span = problem->at->span;
  return problem->message + " @ " +
         std::string(doc.source().text().substr(span.begin, span.end - span.begin));
}

const char* const kGroup = "\n    - matcher: Bash\n      hooks:\n";

}  // namespace

TEST_CASE("hooks: a guard event's entry Claude Code cannot read drops the agent") {
  for (const char* event : {"PreToolUse", "PermissionRequest", "PreSkillShellCommand"}) {
    CAPTURE(event);
    const std::string head = std::string("hooks:\n  ") + event + ":" + kGroup;
    CHECK(Drops(head + "        - type: shell\n          command: x") ==
          "`shell` is not a hook handler type @ shell");
    CHECK(Drops(head + "        - type: command") ==
          "a `command` hook needs a `command` @ command");
    CHECK(
        Drops(head + "        - type: command\n          command: x\n          timeout: \"30\"") ==
        "`timeout` must be a positive number @ \"30\"");
    CHECK(Drops(head + "        - type: prompt") == "a `prompt` hook needs a `prompt` @ prompt");
    CHECK(Drops(head + "        - type: command\n          command: x\n          async: later") ==
          "`async` must be `true` or `false` @ later");
    // Readable: kept.
    CHECK(Drops(head + "        - type: command\n          command: x\n          timeout: 30") ==
          "");
    CHECK(Drops(head + "        - type: prompt\n          prompt: check") == "");
    // Fields that hold one of a few texts, spelt exactly; `if` is text for every type.
    const std::string command = head + "        - type: command\n          command: x\n";
    CHECK(Drops(command + "          shell: zsh") ==
          "`shell` must be `bash` or `powershell` @ zsh");
    CHECK(Drops(command + "          shell: Bash") ==
          "`shell` must be `bash` or `powershell` @ Bash");
    CHECK(Drops(command + "          onFailure: stop") ==
          "`onFailure` must be `continue` or `block` @ stop");
    CHECK(Drops(command + "          if: 5") == "`if` must be text @ 5");
    CHECK(Drops(head + "        - type: agent\n          prompt: p\n          if: true") ==
          "`if` must be text @ true");
    CHECK(Drops(command + "          shell: powershell\n          onFailure: block\n"
                          "          if: Bash(git *)") == "");
    // Not checked by Claude Code: unknown keys, `cloud` (falls back to `skip`), and an
    // mcp_tool's `onFailure` (anything but `continue` is `block`).
    CHECK(Drops(command + "          colour: blue\n          cloud: laptop") == "");
    CHECK(Drops(head + "        - type: mcp_tool\n          server: s\n          tool: t\n"
                       "          onFailure: stop") == "");
  }
  CHECK(Drops("hooks:\n  PreToolUse:\n    - matcher:\n      hooks:\n        - type: command\n"
              "          command: x")
            .rfind("`matcher` must be text", 0) == 0);
  CHECK(Drops("hooks:\n  PreToolUse:\n    - matcher: 5\n      hooks:\n        - type: command\n"
              "          command: x")
            .rfind("`matcher` must be text", 0) == 0);
  CHECK(Drops("hooks:\n  PermissionRequest: echo x") ==
        "the `PermissionRequest` hooks must be a list of matcher groups @ echo x");
  // Empty: nothing to guard.
  CHECK(Drops("hooks:\n  PreToolUse: []") == "");
  CHECK(Drops("hooks:\n  PreToolUse: ~") == "");
}

TEST_CASE("hooks: other events' entries are ignored, the agent kept") {
  for (const char* entry :
       {"        - type: shell\n          command: x", "        - type: prompt",
        "        - type: command\n          command: x\n          timeout: 0"}) {
    CAPTURE(entry);
    CHECK(Drops(std::string("hooks:\n  PostToolUse:") + kGroup + entry) == "");
  }
  CHECK(Drops("hooks:\n  Stop: echo x") == "");
  CHECK(Drops("hooks:\n  pre: echo start\n  post: echo done") == "");  // claude-flow
}

TEST_CASE("hooks: guard hooks outside a proper `hooks` mapping drop the agent") {
  CHECK(Drops("PreToolUse:\n  - matcher: Bash") ==
        "`PreToolUse` hooks are at the top of the front matter, outside `hooks` @ PreToolUse");
  CHECK(Drops("PreToolUse: false").rfind("`PreToolUse` hooks are at the top", 0) == 0);
  CHECK(Drops("examples:\n  matcher: Bash\n  hooks:\n    - type: command\n      command: x") ==
        "`examples` holds hooks outside `hooks` @ examples");
  CHECK(Drops("notes:\n  - matcher: Bash\n    hooks:\n      - type: command\n        command: x") ==
        "`notes` holds hooks outside `hooks` @ notes");
  CHECK(Drops("hooks:\n  matcher: Bash\n  hooks:\n    - type: command\n      command: x")
            .rfind("`hooks` is one matcher group", 0) == 0);
  CHECK(Drops("hooks:\n  Pre:\n    PreToolUse:\n      - matcher: Bash") ==
        "`Pre` is not a hook event, but holds hooks of one @ Pre");
  CHECK(Drops(std::string("hooks:\n  PostToolUse:") + kGroup +
              "        - type: command\n          command: x\n      PreToolUse:\n"
              "        - matcher: Bash")
            .rfind("a `PostToolUse` matcher group holds other hooks", 0) == 0);
  // metadata, mcpServers and lspServers are never looked in; a key without hooks is fine.
  CHECK(Drops("metadata:\n  matcher: Bash\n  hooks:\n    - type: command\n      command: x") == "");
  CHECK(Drops("examples:\n  - a\n  - b") == "");
  CHECK(Drops("PreToolUse: []") == "");
}

TEST_CASE("hooks: the handler schema is the knowledge's") {
  const Knowledge& k = EmbeddedKnowledge();
  for (const char* type : {"command", "http", "mcp_tool", "prompt", "agent"}) {
    CAPTURE(type);
    REQUIRE(k.FindHookHandler(type));
    CHECK(!k.FindHookHandler(type)->required.empty());
  }
  CHECK(k.FindHookHandler("shell") == nullptr);
  CHECK(IsGuardEvent("PreToolUse"));
  CHECK_FALSE(IsGuardEvent("PostToolUse"));
}
