#include <doctest/doctest.h>

#include <string>

#include "core/yaml.h"

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
