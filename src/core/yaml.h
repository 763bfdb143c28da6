// agentlint's own view of a YAML document: every node with its byte span in the original file.
// This is the only module that includes yaml-cpp; its exceptions stop here. Aliases are kept as
// alias nodes and never expanded, so alias bombs cost nothing; nesting depth is checked first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace agentlint {

enum class YamlKind { kNull, kScalar, kSequence, kMapping, kAlias };
enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  Span span;
  ScalarStyle style = ScalarStyle::kPlain;  // scalars only
  bool flow = false;                        // sequences and mappings written [a, b] / {a: b}
  std::string value;                        // scalars: the decoded value
  std::string tag;                          // explicit tag, e.g. "!!str"; empty when none
  // Sequences: the items. Mappings: keys and values alternating (key0, value0, key1, ...).
  std::vector<YamlNode> children;

  bool IsScalar() const { return kind == YamlKind::kScalar; }
  bool IsMapping() const { return kind == YamlKind::kMapping; }
  bool IsSequence() const { return kind == YamlKind::kSequence; }
  bool IsNull() const { return kind == YamlKind::kNull; }
  size_t MapSize() const { return children.size() / 2; }
  const YamlNode& Key(size_t i) const { return children[2 * i]; }
  const YamlNode& Value(size_t i) const { return children[2 * i + 1]; }
  // The value of the last entry whose key is the scalar `key` (later entries win), or nullptr.
  const YamlNode* Find(std::string_view key) const;
};

struct YamlLimits {
  int max_depth = 64;
};

struct YamlDuplicateKey {
  std::string key;
  Span duplicate;
  Span first;
};

struct YamlParse {
  bool ok = false;
  std::optional<YamlNode> root;  // when ok: the document (kNull for an empty one)
  std::string error;             // when !ok: what the parser said
  size_t error_offset = 0;       // when !ok: where, as an offset into the parsed text
  bool too_deep = false;         // the text nests deeper than YamlLimits::max_depth
  std::vector<YamlDuplicateKey> duplicate_keys;
};

// Parses `text`, which must be the whole file with everything outside the YAML part blanked to
// spaces (newlines kept), so node spans are offsets into the real file.
YamlParse ParseYaml(std::string_view text, const YamlLimits& limits = {});

// The fast path of ParseYaml: front matter made of `key: value` lines (plain, simply quoted,
// `[a, b]` lists, `- word` lists), read in one pass into the tree yaml-cpp would give; nullopt
// for anything else, which ParseYaml hands to yaml-cpp.
std::optional<YamlParse> ParseSimpleYaml(std::string_view text);

// The other path: yaml-cpp for everything, without the depth check. The reference the fast path
// is tested against.
YamlParse ParseYamlWithYamlCpp(std::string_view text);

// A cheap upper bound of the nesting depth (flow brackets and block indentation).
int EstimateYamlDepth(std::string_view text);

}  // namespace agentlint
