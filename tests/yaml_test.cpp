#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/embedded.h"
#include "core/yaml.h"
#include "test_util.h"

using namespace agentlint;

TEST_CASE("yaml: spans are byte offsets of the input, including after multi-byte text") {
  const std::string text = "name: café-bot\ntools: Read, Grep\nlist: [a, \"b\"]\n";
  const YamlParse parse = ParseYaml(text);
  REQUIRE(parse.ok);
  const YamlNode& root = *parse.root;
  REQUIRE(root.IsMapping());
  const YamlNode* name = root.Find("name");
  REQUIRE(name);
  CHECK(text.substr(name->span.begin, name->span.end - name->span.begin) == "café-bot");
  const YamlNode* tools = root.Find("tools");
  REQUIRE(tools);
  CHECK(text.substr(tools->span.begin, tools->span.end - tools->span.begin) == "Read, Grep");
  const YamlNode* list = root.Find("list");
  REQUIRE(list);
  CHECK(list->flow);
  CHECK(text.substr(list->span.begin, list->span.end - list->span.begin) == "[a, \"b\"]");
  REQUIRE(list->children.size() == 2);
  CHECK(list->children[1].style == ScalarStyle::kDoubleQuoted);
  CHECK(text.substr(list->children[1].span.begin, 3) == "\"b\"");
}

TEST_CASE("yaml: block scalars span their indented lines") {
  const std::string text = "description: |\n  line one\n  line two\nname: x\n";
  const YamlParse parse = ParseYaml(text);
  REQUIRE(parse.ok);
  const YamlNode* d = parse.root->Find("description");
  REQUIRE(d);
  CHECK(d->style == ScalarStyle::kLiteral);
  CHECK(d->value == "line one\nline two\n");
  CHECK(text.substr(d->span.begin, d->span.end - d->span.begin) == "|\n  line one\n  line two");
}

TEST_CASE("yaml: duplicate keys are recorded, errors carry a position") {
  const YamlParse dup = ParseYaml("a: 1\nb: 2\na: 3\n");
  REQUIRE(dup.ok);
  REQUIRE(dup.duplicate_keys.size() == 1);
  CHECK(dup.duplicate_keys[0].key == "a");
  CHECK(dup.duplicate_keys[0].duplicate.begin == 10);
  CHECK(dup.duplicate_keys[0].first.begin == 0);

  const YamlParse bad = ParseYaml("description: Use when: this\n");
  CHECK_FALSE(bad.ok);
  CHECK_FALSE(bad.error.empty());
  CHECK(bad.error_offset > 0);
}

TEST_CASE("yaml: deep nesting is refused before parsing, aliases are not expanded") {
  const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const YamlParse parse = ParseYaml(deep);
  CHECK_FALSE(parse.ok);
  CHECK(parse.too_deep);

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" +
            static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  const YamlParse aliases = ParseYaml(bomb);
  REQUIRE(aliases.ok);
  const YamlNode* k = aliases.root->Find("k");
  REQUIRE(k);
  REQUIRE(k->children.size() == 3);
  CHECK(k->children[0].kind == YamlKind::kAlias);
}

TEST_CASE("yaml: the depth estimate counts indentation, indicators and open brackets") {
  CHECK(EstimateYamlDepth("a: [[[x]]]\n") == 3);
  CHECK(EstimateYamlDepth("- - - x\n") == 3);
  CHECK(EstimateYamlDepth("a:\n  b:\n    c: 1\n") == 2);
  // Brackets anywhere in a line count, even late in a long value, and close again.
  CHECK(EstimateYamlDepth("description: see [a] and {b {c}} then [d]\nx: 1\n") == 2);
  CHECK(EstimateYamlDepth("a: ]]]\nb: [x\n") == 1);  // a stray closer never goes below zero
  CHECK(EstimateYamlDepth("") == 0);
  // Brackets and line ends at every place of an eight-byte word, among bytes that differ from
  // them in one bit (`;` `=` `[`|0x80 ...), agree with a byte-by-byte reading.
  const auto bytewise = [](std::string_view text) {
    int flow = 0, max_flow = 0, max_block = 0, indent = 0, indicators = 0;
    bool line_start = true;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n') {
        line_start = true;
        indent = indicators = 0;
        continue;
      }
      if (line_start) {
        if (c == ' ') {
          ++indent;
          continue;
        }
        if ((c == '-' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ')) {
          ++indicators;
          ++i;
          continue;
        }
        line_start = false;
        max_block = std::max(max_block, indent / 2 + indicators);
      }
      if (c == '[' || c == '{') max_flow = std::max(max_flow, ++flow);
      if ((c == ']' || c == '}') && flow > 0) --flow;
    }
    return std::max(max_flow, max_block);
  };
  const std::string alphabet = "ab  -?:;=\x0b\x1a\xdb\xfb\xdd\xfd\x5a\x7a\x7c\x5c[]{}\n";
  uint32_t seed = 11;
  for (int round = 0; round < 3000; ++round) {
    std::string text(seed % 90, 'x');
    for (char& c : text) {
      seed = seed * 1103515245u + 12345u;
      c = alphabet[(seed >> 16) % alphabet.size()];
    }
    seed = seed * 1103515245u + 12345u;
    CAPTURE(text);
    CHECK(EstimateYamlDepth(text) == bytewise(text));
  }
}

TEST_CASE("yaml: an empty document is a null root") {
  const YamlParse parse = ParseYaml("   \n");
  REQUIRE(parse.ok);
  CHECK(parse.root->IsNull());
}

TEST_CASE("yaml: a quoted value that never closes is an error, one closed at the very end is not") {
  const YamlParse open = ParseYaml("a: \"never closed\n\n");
  CHECK_FALSE(open.ok);
  CHECK(open.error_offset == 3);
  CHECK(ParseYaml("a: \"closed\"").ok);
}

namespace {

// Where two trees differ, as "path: what", or "" when they are the same in every field agentlint
// reads (kind, span, style, flow, value, tag, children).
std::string TreeDifference(const YamlNode& a, const YamlNode& b, const std::string& path) {
  const auto span = [](const YamlNode& n) {
    return std::to_string(n.span.begin) + "-" + std::to_string(n.span.end);
  };
  if (a.kind != b.kind) return path + ": kind";
  if (span(a) != span(b)) return path + ": span " + span(a) + " vs " + span(b);
  if (a.style != b.style) return path + ": style";
  if (a.flow != b.flow) return path + ": flow";
  if (a.value != b.value) return path + ": value '" + a.value + "' vs '" + b.value + "'";
  if (a.tag != b.tag) return path + ": tag";
  if (a.children.size() != b.children.size()) return path + ": number of children";
  for (size_t i = 0; i < a.children.size(); ++i) {
    std::string d = TreeDifference(a.children[i], b.children[i], path + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return "";
}

// The text ParseYaml is given for a file's front matter (as core/document builds it), or "" when
// the file has no closed front matter.
std::string FrontMatterText(const std::string& path, const std::string& text) {
  const AgentDoc doc(SourceFile(path, text), ClassifyPath(path));
  const FrontMatterBlock& fm = doc.front_matter();
  if (!fm.closed) return "";
  std::string blanked = text.substr(0, fm.content.end);
  for (size_t i = 0; i < fm.content.begin; ++i) {
    if (blanked[i] != '\n' && blanked[i] != '\r') blanked[i] = ' ';
  }
  return blanked;
}

// Compares the fast path with yaml-cpp on `text`; returns whether the fast path took it.
bool FastPathAgrees(const std::string& name, const std::string& text) {
  const std::optional<YamlParse> fast = ParseSimpleYaml(text);
  if (!fast) return false;
  const YamlParse full = ParseYamlWithYamlCpp(text);
  INFO(name);
  INFO(text);
  REQUIRE(full.ok);
  REQUIRE(full.root);
  CHECK(TreeDifference(*fast->root, *full.root, "") == "");
  REQUIRE(fast->duplicate_keys.size() == full.duplicate_keys.size());
  for (size_t i = 0; i < full.duplicate_keys.size(); ++i) {
    CHECK(fast->duplicate_keys[i].key == full.duplicate_keys[i].key);
    CHECK(fast->duplicate_keys[i].duplicate.begin == full.duplicate_keys[i].duplicate.begin);
    CHECK(fast->duplicate_keys[i].first.begin == full.duplicate_keys[i].first.begin);
  }
  return true;
}

size_t CompareTree(const std::filesystem::path& dir, size_t* files) {
  size_t fast = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    ++*files;
    const std::string text = FrontMatterText(entry.path().string(), test::ReadFile(entry.path()));
    if (!text.empty() && FastPathAgrees(entry.path().string(), text)) ++fast;
  }
  return fast;
}

}  // namespace

TEST_CASE("yaml: the fast path gives yaml-cpp's tree on every fixture and example") {
  size_t files = 0;
  size_t fast = CompareTree(test::SourceDir() + "/fixtures", &files);
  fast += CompareTree(test::SourceDir() + "/examples", &files);
  MESSAGE(fast << " of " << files << " front matters took the fast path");
  CHECK(fast * 2 > files);  // most of them: the comparison is not vacuous
}

TEST_CASE("yaml: the fast path gives yaml-cpp's tree on every knowledge file and config") {
  size_t files = 0;
  size_t fast = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::SourceDir())) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.find("/build") != std::string::npos ||
        path.find("/.git/") != std::string::npos)
      continue;
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".yaml" && name != ".agentlint.yaml") continue;
    ++files;
    if (FastPathAgrees(path, test::ReadFile(entry.path()))) ++fast;
  }
  MESSAGE(fast << " of " << files << " YAML files took the fast path");
  CHECK(files > 5);
}

TEST_CASE(
    "yaml: the fast path agrees with yaml-cpp on the shapes it takes, and declines the rest") {
  const std::vector<std::string> taken = {
      "name: a\n",
      "name: a\ndescription: \"Use it: now\"\ntools: Read, Grep\n",
      "name: a   \n# comment\n\nmodel: 'sonnet'\n",
      "tools: [Read, Bash(git:*), mcp__x__y]\n",
      "tools: []\n",
      "tools: [\"Read\", 'Write' , \"Bash(a, b)\",Grep]\n",
      "tools:\n  - Read\n  - \"Write\"\n\n  - Bash(npm test)\n",
      "name: a\nname: b\n",
      "  \nname: café ✓\ncolor: blue\n",
      "a-b_c: 1\nx: true\ny: 0x1F\n",
      "name: |\n  x\n",
      "description: |\n  One line.\n\n    Indented, kept.\n  Last.\n\n\nmodel: opus\n",
      "description: >-\n  Folded\n  into one line.\n\n  A second paragraph.\nmodel: opus\n",
      "description: >\n  x\n",
      "hooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n"
      "          command: \"./check.sh\"\n    - matcher: Edit\n  Stop:\n    - hooks: []\n",
      "mcpServers:\n  github:\n    command: npx\n    args: [y, server]\n  db:\n"
      "    url: http://localhost\n# trailing comment\n",
      "a:\n  b:\n    c: 1\n    c: 2\n  b: 3\n",
      "name: a # comment\nmodel: 'x' # too\ntools: [a, b]  # and this\n",
      "name: \"a \\\" b \\\\ c\\n\"\n",
      "name: 'it''s'\n",
      "tools:\n- Read\n- Grep\nmodel: x\n",
      "tools: [\"a\\\"\", 'b''c']\n",
      "topics:\n  - {id: a, name: \"A\", patterns: ['\\ba\\b', \"x\"], n: 2}\n  - {}\n",
      "\"quoted key\": 1\n'single': 2\n",
      // Escapes and doubled quotes first, last, in a row and alone between the quotes.
      "a: \"\\tstart\\n\\\\\"\nb: '''''' \nc: '''x'''\nd: \"\\\"\\\"\"\ne: \"\"\nf: ''\n",
      "description: \"Use it.\\n\\nExamples: \\\"a\\\" and \\\\ b\\tc\"\nname: 'don''t, won''t'\n",
  };
  for (const std::string& text : taken) {
    INFO(text);
    CHECK(FastPathAgrees("literal", text));
  }
  const std::vector<std::string> declined = {
      "",
      "name:\n",
      "name: a\n  continued\n",
      "name: a: b\n",
      "name:a\n",
      "name: |+\n  x\n\n",
      "name: |2\n    x\n",
      "name: >\n  a\n    b\n",
      "name: |\n\n  x\n",
      "name: |\n  x\n y\n",
      "hooks:\n  a: 1\n   b: 2\n",
      "hooks:\n  a: 1\n b: 2\n",
      "tools: [a, [b]]\n",
      "tools: [a,]\n",
      "tools: [\"a\" b]\n",
      "name: &x a\n",
      "name: *x\n",
      "name: !!str a\n",
      "name:\ta\n",
      "name: a\x7f\n",
      "name: \x01"
      "a\n",
      "name: a\r\n",
      "name: a\xc2\x85\n",
      "name: \xef\xbb\xbf"
      "a\n",
      "name: \xff\n",
      "? name\n: a\n",
      "---\nname: a\n",
      "tools:\n  - Read\n   - Write\n",
      "tools:\n  - [a]\n",
      "name: ~\n",
      "tools: [a, null]\n",
      "name: # only a comment\n",
      "name: \"a\" b\n",
      "name: \"\\x41\"\n",
      "a: {b: {c: 1}}\n",
      "a: [{b: 1}]\n",
      "a: [b] c\n",
      "\"a\" : 1\n",
  };
  for (const std::string& text : declined) {
    INFO(text);
    CHECK_FALSE(ParseSimpleYaml(text).has_value());
  }
}

TEST_CASE("yaml: the fast path agrees with yaml-cpp on a folder named by AGENTLINT_YAML_CORPUS") {
  const char* dir = std::getenv("AGENTLINT_YAML_CORPUS");
  if (!dir) return;  // an offline check on a large folder of real files, run by hand
  size_t files = 0;
  const size_t fast = CompareTree(dir, &files);
  MESSAGE(fast << " of " << files << " front matters took the fast path");
}

TEST_CASE("yaml: every knowledge file loads through the fast path, not the full parser") {
  // The knowledge is parsed on every run: a file the fast path declines costs yaml-cpp's parse
  // each time (a multi-line flow list in rules/hooks.yaml once cost a fifth of start-up).
  size_t files = 0;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path.substr(0, 6) != "rules/" || file.path.size() < 5 ||
        file.path.substr(file.path.size() - 5) != ".yaml")
      continue;
    ++files;
    INFO(std::string(file.path));
    CHECK(ParseSimpleYaml(file.data).has_value());
  }
  CHECK(files >= 9);
}
