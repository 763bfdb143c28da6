#include <doctest/doctest.h>

#include <utility>

#include "core/claude.h"
#include "core/discover.h"
#include "core/document.h"
#include "core/knowledge.h"
#include "core/summary.h"
#include "test_util.h"

using namespace agentlint;

TEST_CASE("document: front matter and body split, BOM and CRLF aware") {
  const AgentDoc doc(SourceFile("a.md", "\xEF\xBB\xBF---\r\nname: x\r\n---\r\n# Body\r\n"), {});
  CHECK(doc.front_matter().present);
  CHECK(doc.front_matter().closed);
  REQUIRE(doc.root());
  REQUIRE(doc.Field("name"));
  CHECK(doc.Field("name")->value == "x");
  // The strict parse keeps its verdict; its tree is the document's root, held once.
  REQUIRE(doc.strict_yaml());
  CHECK(doc.strict_yaml()->ok);
  CHECK_FALSE(doc.strict_yaml()->root);
  REQUIRE(doc.body().headings.size() == 1);
  CHECK(doc.source().Locate(doc.body().headings[0].span.begin).line == 4);
}

TEST_CASE("document: the tolerant reading recovers one-line values with `: `") {
  const std::string text =
      "---\nname: helper\ndescription: Use when: the user asks. Example: user: hi\ntools: "
      "Read\n---\nBody\n";
  const AgentDoc doc(SourceFile("a.md", text), {});
  REQUIRE(doc.strict_yaml());
  CHECK_FALSE(doc.strict_yaml()->ok);
  CHECK(doc.tolerant_yaml());
  REQUIRE(doc.tolerant_lines().size() == 1);
  const YamlNode* d = doc.Field("description");
  REQUIRE(d);
  CHECK(d->value == "Use when: the user asks. Example: user: hi");
  CHECK(text.substr(d->span.begin, d->span.end - d->span.begin) == d->value);
  REQUIRE(doc.Field("tools"));
  CHECK(doc.Field("tools")->value == "Read");
}

TEST_CASE("document: a value only the tolerant reading takes is reported with fitting help") {
  // A block scalar suits a description; for `tools` or `model` the advice is to quote.
  const auto help_for = [](const std::string& line) {
    std::vector<std::string> out;
    for (const Diagnostic& d : agentlint::test::LintText(
             "---\nname: helper\n" + line + "\n---\nYou help. Read the code first.\n")) {
      if (std::string_view(d.rule->id) == "AL009") out.push_back(d.help.str());
    }
    return out;
  };
  CHECK(help_for("description: Use when: the user asks for help") ==
        std::vector<std::string>{"quote the value or use a block scalar (`description: |`); VS "
                                 "Code, Copilot, OpenCode and Gemini reject the file"});
  const auto tools = help_for("description: Helps.\ntools: *Read, Grep");
  REQUIRE(tools.size() == 1);
  CHECK(tools[0] == "quote the value; VS Code, Copilot, OpenCode and Gemini reject the file");
}

TEST_CASE("document: unindented continuation lines are not tolerated") {
  const AgentDoc doc(SourceFile("a.md",
                                "---\nname: x\ndescription: Use me.\nExamples:\n- user: hi\nsee: "
                                "this\n  bad: here\n---\n"),
                     {});
  CHECK_FALSE(doc.tolerant_yaml());
  CHECK(doc.root() == nullptr);
}

TEST_CASE("document: tools as a comma string and as a list give the same located entries") {
  const std::string a = "---\ntools: Read, Grep, Bash(git add:*, git diff)\n---\n";
  const std::string b = "---\ntools:\n  - Read\n  - Grep\n  - \"Bash(git add:*, git diff)\"\n---\n";
  const AgentDoc da(SourceFile("a.md", a), {});
  const AgentDoc db(SourceFile("b.md", b), {});
  const ToolList la = da.Tools("tools");
  const ToolList lb = db.Tools("tools");
  REQUIRE(la.entries.size() == 3);
  REQUIRE(lb.entries.size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(la.entries[i].name == lb.entries[i].name);
  CHECK(a.substr(la.entries[1].span.begin, 4) == "Grep");
  CHECK(b.substr(lb.entries[1].span.begin, 4) == "Grep");
  CHECK(la.from_string);
  CHECK_FALSE(lb.from_string);
}

TEST_CASE("document: misplaced and unclosed front matter") {
  const AgentDoc late(SourceFile("a.md", "\n\n---\nname: x\n---\n"), {});
  CHECK_FALSE(late.front_matter().present);
  REQUIRE(late.front_matter().misplaced);
  CHECK(late.front_matter().misplaced->begin == 2);

  const AgentDoc open(SourceFile("b.md", "---\nname: x\n"), {});
  CHECK(open.front_matter().present);
  CHECK_FALSE(open.front_matter().closed);
  CHECK(open.root() == nullptr);
}

TEST_CASE("document: dialects come from the path and the front matter") {
  CHECK(AgentDoc(SourceFile(".github/agents/a.md", "---\nname: a\n---\n"), {}).dialect() ==
        Dialect::kCopilot);
  CHECK(AgentDoc(SourceFile("x/review.agent.md", "---\nname: a\n---\n"), {}).dialect() ==
        Dialect::kCopilot);
  CHECK(AgentDoc(SourceFile("p/.opencode/agent/a.md", "---\nmode: all\n---\n"), {}).dialect() ==
        Dialect::kOpenCode);
  CHECK(AgentDoc(SourceFile("x/a.md", "---\nmode: subagent\n---\n"), {}).dialect() ==
        Dialect::kOpenCode);
  CHECK(AgentDoc(SourceFile("x/.kiro/agents/a.md", "---\nname: a\n---\n"), {}).dialect() ==
        Dialect::kKiro);
  CHECK(AgentDoc(SourceFile("x/a.md", "---\nname: a\nmodel: gpt-5\n---\n"), {}).dialect() ==
        Dialect::kOther);
  CHECK(AgentDoc(SourceFile(".claude/agents/a.md", "---\nname: a\n---\n"), {}).dialect() ==
        Dialect::kClaude);
}

TEST_CASE("document: front matter over the size limit is not parsed") {
  DocumentLimits limits;
  limits.max_front_matter_bytes = 64;
  const AgentDoc doc(SourceFile("a.md", "---\ndescription: " + std::string(200, 'x') + "\n---\n"),
                     {}, limits);
  CHECK(doc.front_matter_too_large());
  CHECK(doc.root() == nullptr);
}

TEST_CASE("document: plain scalars are typed as the YAML core schema types them") {
  using agentlint::ScalarType;
  const auto type = [](const std::string& value) {
    agentlint::YamlNode node;
    node.kind = agentlint::YamlKind::kScalar;
    node.value = value;
    return agentlint::TypeOf(node);
  };
  for (const char* v : {"", "~", "null", "Null", "NULL"}) CHECK(type(v) == ScalarType::kNull);
  for (const char* v : {"true", "True", "TRUE", "false", "False", "FALSE"})
    CHECK(type(v) == ScalarType::kBool);
  for (const char* v : {"0", "42", "-7", "+3", "0x1F", "0o17"}) CHECK(type(v) == ScalarType::kInt);
  for (const char* v : {"1.5", ".5", "-2.", "1e3", "-.inf", ".NaN", ".INF"})
    CHECK(type(v) == ScalarType::kFloat);
  for (const char* v : {"nullable", "n", "t", "truth", "Fals", "TRUEs", "sonnet", "yes", "v1", "1a",
                        "-x", ".x", "~x", "Tru", "NaN"})
    CHECK(type(v) == ScalarType::kString);
  agentlint::YamlNode quoted;
  quoted.kind = agentlint::YamlKind::kScalar;
  quoted.style = agentlint::ScalarStyle::kDoubleQuoted;
  quoted.value = "true";
  CHECK(agentlint::TypeOf(quoted) == ScalarType::kString);
}

TEST_CASE("document: a description's written-out \\n is the line break the model is shown") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  // Front matter text (single-quoted YAML keeps backslashes as written) -> what the model sees.
  const std::pair<const char*, const char*> cases[] = {
      {"Writes\\nthings", "Writes\nthings"},
      {"\\nat both ends\\n", "\nat both ends\n"},
      {"two\\n\\nbreaks", "two\n\nbreaks"},
      {"a backslash before it: \\\\n", "a backslash before it: \\\n"},
      {"no n after: \\t and \\", "no n after: \\t and \\"},
      {"plain", "plain"},
  };
  for (const auto& [written, shown] : cases) {
    CAPTURE(written);
    const std::string text =
        std::string("---\nname: a\ndescription: '") + written + "'\n---\nbody\n";
    agentlint::FileOrigin origin = agentlint::ClassifyPath(".claude/agents/a.md");
    const agentlint::AgentDoc doc(agentlint::SourceFile(".claude/agents/a.md", text), origin);
    CHECK(agentlint::ResolveClaudeAgent(doc, k).description == shown);
  }
}

TEST_CASE("document: resolving only an agent's identity agrees with the full resolution") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  const char* const texts[] = {
      "---\nname: a\ndescription: Reviews code\nmodel: sonnet\n---\nbody\n",
      "---\nname: b\ndescription: Writes\\nthings\ntools: Read, Write, NoSuchTool\n---\nbody\n",
      "---\nname: c\ndescription: x\ntools: NoSuchTool\nmodel: opus\n---\n",
      "---\ndescription: no name\n---\n",
      "---\nname: [broken\n---\n",
      "---\n- a list\n---\n",
      "no front matter\n",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    agentlint::FileOrigin origin = agentlint::ClassifyPath(".claude/agents/t.md");
    origin.agent_location = true;
    const agentlint::AgentDoc doc(agentlint::SourceFile(".claude/agents/t.md", text), origin);
    const agentlint::ClaudeAgent full = agentlint::ResolveClaudeAgent(doc, k);
    const agentlint::ClaudeAgent identity =
        agentlint::ResolveClaudeAgent(doc, k, agentlint::ClaudeDetail::kIdentity);
    CHECK(full.tools_resolved);
    CHECK_FALSE(identity.tools_resolved);
    CHECK(identity.loads == full.loads);
    CHECK(identity.why_not == full.why_not);
    CHECK(identity.name == full.name);
    CHECK(identity.description == full.description);
    CHECK(identity.model == full.model);
    CHECK(identity.model_id == full.model_id);
    CHECK(identity.inherits_tools == full.inherits_tools);
    CHECK(identity.tools.empty());
    // A summary made from it does not claim a tool count it did not compute.
    CHECK(agentlint::SummarizeIdentity(doc, &identity).tool_count == -1);
    if (!full.inherits_tools && full.loads)
      CHECK(agentlint::SummarizeIdentity(doc, &full).tool_count ==
            static_cast<int>(full.tools.size()));
  }
}

// Each value below was measured with Claude Code 2.1.332: its debug log names the values it drops
// ("Agent file ... has invalid maxTurns '-1'"); tests/conformance holds the fixtures to it.
TEST_CASE("document: field values are taken or dropped as Claude Code takes them") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  const auto read = [](const std::string& line) {
    return AgentDoc(SourceFile("a.md", "---\nname: a\ndescription: b\n" + line + "\n---\nBody\n"),
                    {});
  };
  const auto takes = [&](const std::string& field, const std::string& value) {
    const AgentDoc doc = read(field + ": " + value);
    const YamlNode* node = doc.ClaudeField(field);
    REQUIRE(node);
    REQUIRE(k.FindField(field));
    return ClaudeTakes(k, *k.FindField(field), *node);
  };
  for (const char* v : {"10", "\"10\"", "10 turns", "\" 7 \"", "1e3", "\"1e3\"", "5.0", "0x10",
                        "\"1,000\"", "1_000", "\"2.5\"", "[5]"})
    CHECK_MESSAGE(takes("maxTurns", v), v);
  for (const char* v : {"0", "-1", "2.5", "0.5", "\"0x10\"", "\"-3\"", "true", "ten", "{a: 1}"})
    CHECK_MESSAGE(!takes("maxTurns", v), v);
  for (const char* v : {"100000", "1e5", "\"200000\""})
    CHECK_MESSAGE(takes("autoCompactWindow", v), v);
  for (const char* v : {"99999", "\"150k\""}) CHECK_MESSAGE(!takes("autoCompactWindow", v), v);
  for (const char* v : {"high", "HIGH", "Medium", "med", "3", "\"3\"", "0", "-1", "2.5", "3abc",
                        "\" 7\"", "\"+2\"", "100"})
    CHECK_MESSAGE(takes("effort", v), v);
  for (const char* v : {"none", "ultra", "minimal", "auto", "x-high", "\" high \"", "true"})
    CHECK_MESSAGE(!takes("effort", v), v);
  for (const char* v : {"true", "True", "TRUE", "false", "\"true\"", "\"false\""})
    CHECK_MESSAGE(takes("background", v), v);
  for (const char* v : {"\"True\"", "yes", "on", "1"}) CHECK_MESSAGE(!takes("background", v), v);
  CHECK(takes("isolation", "remote"));
  CHECK(!takes("isolation", "Worktree"));
  CHECK(!takes("memory", "Project"));
  CHECK(takes("permissionMode", "manual"));
  for (const char* v : {"Plan", "PLAN", "acceptedits", "\" plan\""})
    CHECK_MESSAGE(!takes("permissionMode", v), v);
  // An empty value is logged as invalid ("has invalid effort 'null'"), except permissionMode's.
  for (const char* field : {"maxTurns", "effort", "memory", "background", "autoCompactWindow"}) {
    CHECK_MESSAGE(!takes(field, "~"), field);
    CHECK_MESSAGE(!takes(field, "\"\""), field);
  }
  CHECK(takes("permissionMode", "~"));
  CHECK(takes("permissionMode", "\"\""));
  // A one-item list: `effort` is read as text (`[high]` is `high`); `memory`, `isolation` and
  // `permissionMode` are compared as written, so it matches nothing (2.1.332 logs them).
  CHECK(takes("effort", "[high]"));
  CHECK(!takes("effort", "[high, low]"));
  for (const char* line : {"memory: [project]", "isolation: [worktree]", "permissionMode: [plan]",
                           "permissionMode: []", "memory: {a: 1}"}) {
    const std::string text(line);
    const size_t colon = text.find(':');
    CHECK_MESSAGE(!takes(text.substr(0, colon), text.substr(colon + 2)), line);
  }

  CHECK(ClaudeTrue(read("background: \"true\"").ClaudeField("background")));
  CHECK(ClaudeTrue(read("background: TRUE").ClaudeField("background")));
  CHECK_FALSE(ClaudeTrue(read("background: \"True\"").ClaudeField("background")));
  CHECK(JsString(*read("x: [a, ~, 0x10]").ClaudeField("x")) == "a,,16");
  CHECK(JsString(*read("x: {a: 1}").ClaudeField("x")) == "[object Object]");
  CHECK(ClaudeCount(*read("x: \"1 000\"").ClaudeField("x")) == 1000);
}

TEST_CASE("document: which paths run through a .claude/agents folder") {
  for (const char* path :
       {".claude/agents/a.md", "x/.claude/agents/sub/a.MD", "/r/.claude/agents/a.md",
        "C:\\r\\.claude\\agents\\a.md", "r/.claude\\agents/a.md", "my.claude/.claude/agents/a.md"})
    CHECK_MESSAGE(InClaudeAgentsFolder(path), path);
  for (const char* path : {"my.claude/agents/a.md", ".claude/agents", ".claude/agentsx/a.md",
                           ".claudex/agents/a.md", ".claude/a/agents/a.md", "agents/a.md"})
    CHECK_MESSAGE(!InClaudeAgentsFolder(path), path);
}

TEST_CASE("document: Claude Code reads only `.md` agent files, of at most 1 MiB") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  const std::string text = "---\nname: a\ndescription: b\n---\nBody\n";
  for (const char* path : {".claude/agents/a.md", ".claude/agents/.hidden.md"})
    CHECK_MESSAGE(ResolveClaudeAgent(AgentDoc(SourceFile(path, text), {}), k).loads, path);
  for (const char* path :
       {".claude/agents/a.MD", ".claude/agents/a.markdown", ".claude/agents/a.txt"}) {
    const ClaudeAgent agent = ResolveClaudeAgent(AgentDoc(SourceFile(path, text), {}), k);
    CHECK_MESSAGE(!agent.loads, path);
    CHECK(agent.why_not.find("only `.md` files") != std::string::npos);
  }
  // 1,048,576 bytes load; one more does not (measured with 2.1.332).
  const std::string at_limit = text + std::string(k.max_agent_file_bytes - text.size(), 'x');
  CHECK(ResolveClaudeAgent(AgentDoc(SourceFile("a.md", at_limit), {}), k).loads);
  const ClaudeAgent over = ResolveClaudeAgent(AgentDoc(SourceFile("a.md", at_limit + "x"), {}), k);
  CHECK(!over.loads);
  CHECK(over.why_not.find("1048576 bytes") != std::string::npos);
}

TEST_CASE("document: names Claude Code skips: `-` first, a colon after NFKC, over 256 units") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  CHECK(NameProblem(k, "db-expert").empty());
  CHECK(NameProblem(k, "-db") == "starts with `-`");
  CHECK(NameProblem(k, "team:db") == "contains `:`");
  for (const char* colon : {"\xEF\xBC\x9A", "\xEF\xB9\x95", "\xEF\xB8\x93", "\xE2\xA9\xB4"}) {
    CAPTURE(colon);
    CHECK(NameProblem(k, std::string("db") + colon + "expert").find("Unicode reads as `:`") !=
          std::string::npos);
  }
  CHECK(NameProblem(k, "db\xEF\xBC\x9B").empty());  // the fullwidth semicolon is no colon
  // Length in UTF-16 units: 256 is taken; é is one unit, an emoji two.
  CHECK(NameProblem(k, std::string(256, 'a')).empty());
  CHECK(NameProblem(k, std::string(257, 'a')) == "is longer than 256 characters");
  std::string accents;
  for (int i = 0; i < 256; ++i) accents += "\xC3\xA9";
  CHECK(NameProblem(k, accents).empty());
  std::string emoji;
  for (int i = 0; i < 128; ++i) emoji += "\xF0\x9F\x98\x80";
  CHECK(NameProblem(k, emoji).empty());
  CHECK(!NameProblem(k, emoji + "\xF0\x9F\x98\x80").empty());
}

TEST_CASE("document: the agent's dropped values and unknown keys, plugin fields ignored") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  const std::string text =
      "---\nname: a\ndescription: b\neffort: none\nmaxTurns: \"12\"\nmax_turns: 3\n"
      "observer: x\npermissionMode: plan\nbackground: \"True\"\n---\nBody\n";
  const ClaudeAgent project = ResolveClaudeAgent(AgentDoc(SourceFile("a.md", text), {}), k);
  CHECK(project.invalid_fields == std::vector<std::string>{"effort", "background"});
  CHECK(project.unknown_fields == std::vector<std::string>{"max_turns"});
  CHECK(project.ignored_fields.empty());
  CHECK(Contains(project.tools, "ExitPlanMode"));
  // `"True"` is not on: the background filter keeps CronCreate.
  CHECK(Contains(project.tools, "CronCreate"));
  FileOrigin origin;
  origin.plugin_agent = true;
  const ClaudeAgent plugin = ResolveClaudeAgent(AgentDoc(SourceFile("a.md", text), origin), k);
  CHECK(plugin.ignored_fields == std::vector<std::string>{"permissionMode", "observer"});
  CHECK_FALSE(Contains(plugin.tools, "ExitPlanMode"));  // measured: plugins get no plan mode
}

// Measured with Claude Code 2.1.332 through --plugin-dir (tests/conformance/plugins.py).
TEST_CASE("document: a plugin's agent loads whatever its front matter holds, or lacks") {
  const agentlint::Knowledge& k = agentlint::EmbeddedKnowledge();
  FileOrigin origin;
  origin.plugin_agent = true;
  const auto plugin = [&](const std::string& path, const std::string& text) {
    return ResolveClaudeAgent(AgentDoc(SourceFile(path, text), origin), k);
  };
  const std::string body = "You check things.\n";
  // Name: as written (`:` and `-` taken, a number as text), else the file's name less `.md`.
  CHECK(plugin("a.md", "---\nname: db:migrate\n---\n" + body).name == "db:migrate");
  CHECK(plugin("a.md", "---\nname: -draft\n---\n" + body).name == "-draft");
  CHECK(plugin("a.md", "---\nname: 42\n---\n" + body).name == "42");
  CHECK(plugin("a.md", "---\nname: \"\"\n---\n" + body).name == "a");
  CHECK(plugin("a.md", "---\nname: " + std::string(257, 'x') + "\n---\n" + body).name == "a");
  CHECK(plugin("helper.agent.md", body).name == "helper.agent");
  CHECK(plugin("Shout.MD", body).name == "Shout.MD");
  // Loads with no front matter, an unclosed or unreadable one, no description, hooks: [].
  for (const char* text :
       {"You check things.\n", "---\nname: a\n\nYou check.\n", "---\n- a\n---\nBody\n",
        "---\nname: [x\n  - y: [\n---\nBody\n", "---\nname: a\n---\nBody\n",
        "---\nname: a\ndescription: \"\"\nhooks: []\n---\nBody\n"}) {
    const ClaudeAgent agent = plugin("a.md", text);
    CHECK_MESSAGE(agent.loads, text);
    CHECK_MESSAGE(agent.spawns, text);
    CHECK_MESSAGE(agent.inherits_tools, text);
  }
  // Described by `when_to_use` (or `when-to-use`) when `description` holds no text.
  const ClaudeAgent described =
      plugin("a.md", "---\nname: a\ndescription: \" \"\nwhen_to_use: Use for docs.\n---\n" + body);
  CHECK(described.description == "Use for docs.");
  CHECK(described.unknown_fields.empty());
  // CRLF with a value only the tolerant reading takes: no field is read, the file names it.
  const ClaudeAgent crlf =
      plugin("c.md", "---\r\nname: x\r\ndescription: a: b\r\ntools: Read\r\n---\r\nBody\r\n");
  CHECK(crlf.loads);
  CHECK(crlf.name == "c");
  CHECK(crlf.inherits_tools);
  // Its id: the plugin's name, the folders below agents/, the name.
  FileOrigin kit = origin;
  kit.plugin_name = "kit";
  kit.scope = "p/agents";
  const auto id = [&](const std::string& path) {
    return ResolveClaudeAgent(AgentDoc(SourceFile(path, "---\nname: a\n---\n" + body), kit), k)
        .registered_as;
  };
  CHECK(id("p/agents/x.md") == "kit:a");
  CHECK(id("p/agents/team/db/x.md") == "kit:team:db:a");
  kit.scope = ".";  // run inside the agents folder
  CHECK(id("team/x.md") == "kit:team:a");
  CHECK(id("x.md") == "kit:a");
  CHECK(ResolveClaudeAgent(AgentDoc(SourceFile("a.md", body), {}), k).registered_as.empty());
  // The same files in .claude/agents do not load.
  CHECK_FALSE(ResolveClaudeAgent(AgentDoc(SourceFile("a.md", body), {}), k).loads);
}

// Measured with Claude Code 2.1.332 (tests/conformance/instructions.py holds agentlint to it):
// which `.claude/rules` files a subagent is given when Claude Code starts.
TEST_CASE("document: a rule file is given at start unless its front matter limits its paths") {
  const auto loads = [](const std::string& text) {
    return ClaudeLoadsRuleAtStart(AgentDoc(SourceFile("r.md", text), {}, {}, false));
  };
  CHECK(loads("Use pytest.\n"));
  CHECK(loads("---\npaths: src/**\n\nUse pytest.\n"));  // never closed: no front matter
  for (const char* paths :
       {"", "~", "\"\"", "5", "{a: b}", "[]", "\"**\"", "[\"**\"]", "\"**, **\""}) {
    CHECK_MESSAGE(loads(std::string("---\npaths: ") + paths + "\n---\nUse pytest.\n"), paths);
  }
  CHECK(loads("---\ndescription: testing\n---\nUse pytest.\n"));
  CHECK(loads("---\n- src/**\n---\nUse pytest.\n"));  // not a mapping
  for (const char* paths : {"src/**", "\"**/*\"", "\"*\"", "[\"**\", \"src/*.py\"]",
                            "\"src/**, **\"", "[src/**", "\n  - \"src/**/*.py\""}) {
    CHECK_MESSAGE(!loads(std::string("---\npaths: ") + paths + "\n---\nUse pytest.\n"), paths);
  }
  CHECK(!loads("---\r\npaths: src/**\r\n---\r\nUse pytest.\r\n"));
  CHECK(!loads("\xEF\xBB\xBF---\npaths: src/**\n---\nUse pytest.\n"));
  CHECK(!loads("---\npaths: src/**\ndescription: tests: all\n---\nUse pytest.\n"));  // retried
}
