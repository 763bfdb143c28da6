#include "core/claude.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "core/hooks.h"
#include "core/text.h"

namespace agentlint {

namespace {
// The YAML 1.2 core schema, as JavaScript YAML readers apply it (TypeOf).
const Regex kNull(R"(~|null|Null|NULL)");
const Regex kBool(R"(true|True|TRUE|false|False|FALSE)");
const Regex kInt(R"([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)");
const Regex kFloat(
    R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
}  // namespace

bool IsJsString(const YamlNode* node) {
  return node && node->IsScalar() && TypeOf(*node) == ScalarType::kString;
}

ScalarType TypeOf(const YamlNode& node) {
  if (node.IsNull()) return ScalarType::kNull;
  if (!node.IsScalar() || node.style != ScalarStyle::kPlain || !node.tag.empty())
    return ScalarType::kString;
  const std::string& v = node.value;
  if (v.empty()) return ScalarType::kNull;
  // Most values (names, descriptions) start with a letter no null, bool or number starts with,
  // or are longer than any null or bool word: no regex needed.
  const char c = v[0];
  const bool word = std::string_view("nNtTfF").find(c) != std::string_view::npos;
  if (!(word && v.size() <= 5) && c != '~' && !(c >= '0' && c <= '9') && c != '+' && c != '-' &&
      c != '.')
    return ScalarType::kString;
  if (RE2::FullMatch(v, kNull)) return ScalarType::kNull;
  if (RE2::FullMatch(v, kBool)) return ScalarType::kBool;
  if (RE2::FullMatch(v, kInt)) return ScalarType::kInt;
  if (RE2::FullMatch(v, kFloat)) return ScalarType::kFloat;
  return ScalarType::kString;
}

namespace {

// The value of a YAML number (TypeOf kInt or kFloat), as JavaScript holds it.
double YamlNumber(std::string_view v) {
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  const bool negative = !v.empty() && v[0] == '-';
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (v == ".inf" || v == ".Inf" || v == ".INF")
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  double value = 0;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'x')) {
    for (const char c : v.substr(2)) {
      value = value * (v[1] == 'o' ? 8 : 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
  } else {
    std::from_chars(v.data(), v.data() + v.size(), value);
  }
  return negative ? -value : value;
}

// JavaScript's String() of a number.
std::string JsNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  if (value == 0) return "0";
  char buffer[64];
  const auto done =
      std::abs(value) < 1e21 && value == std::floor(value)
          ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
          : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, done.ptr);
}

// JavaScript's parseInt(text, 10) after its leading white space: a sign and the digits that
// follow, NaN when there are none.
double ParseIntPrefix(std::string_view text) {
  text = Trim(text);
  size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const size_t digits = i;
  double value = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
    value = value * 10 + (text[i] - '0');
  if (i == digits) return std::numeric_limits<double>::quiet_NaN();
  return text[0] == '-' ? -value : value;
}

// A number with thousands separators, one kind throughout (`1,000`, `1_000_000`, `1 000`):
// its value without them, or NaN when the text is not one.
double ThousandsNumber(std::string_view text) {
  std::string digits;
  size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  size_t lead = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++lead) digits += text[i];
  std::string_view separator;
  if (lead < 1 || lead > 3) return std::numeric_limits<double>::quiet_NaN();
  while (i < text.size()) {
    std::string_view here;
    for (const std::string_view s : {"_", ",", " ", "\u00A0", "\u202F"}) {
      if (text.substr(i, s.size()) == s) here = s;
    }
    if (here.empty() || (!separator.empty() && here != separator))
      return std::numeric_limits<double>::quiet_NaN();
    separator = here;
    i += here.size();
    for (int n = 0; n < 3; ++n, ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9')
        return std::numeric_limits<double>::quiet_NaN();
      digits += text[i];
    }
  }
  if (separator.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double value = ParseIntPrefix(digits);
  return text[0] == '-' ? -value : value;
}

const Regex kExponentNumber(R"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+)");

}  // namespace

std::string JsString(const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::kScalar:
      switch (TypeOf(node)) {
        case ScalarType::kNull:
          return "null";
        case ScalarType::kBool:
          return Lower(node.value);
        case ScalarType::kInt:
        case ScalarType::kFloat:
          return JsNumber(YamlNumber(node.value));
        case ScalarType::kString:
          return node.value;
      }
      return node.value;
    case YamlKind::kSequence: {
      // An array's String() joins its items' with commas; null items are empty.
      std::string out;
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i) out += ',';
        const YamlNode& item = node.children[i];
        if (!IsJsNull(item)) out += JsString(item);
      }
      return out;
    }
    case YamlKind::kMapping:
      return "[object Object]";
    case YamlKind::kNull:
      return "null";
    case YamlKind::kAlias:
      return "";
  }
  return "";
}

double ClaudeCount(const YamlNode& node) {
  if (node.IsScalar()) {
    const ScalarType type = TypeOf(node);
    if (type == ScalarType::kInt || type == ScalarType::kFloat) return YamlNumber(node.value);
  }
  const std::string text(Trim(JsString(node)));
  if (text.size() <= 32) {
    if (RE2::FullMatch(text, kExponentNumber)) {
      const double value = YamlNumber(text);
      return value == std::floor(value) ? value : std::numeric_limits<double>::quiet_NaN();
    }
    if (const double value = ThousandsNumber(text); !std::isnan(value)) return value;
  }
  return ParseIntPrefix(text);
}

bool ClaudeTrue(const YamlNode* node) {
  return node && node->IsScalar() && JsString(*node) == "true";
}

bool ClaudeLoadsRuleAtStart(const AgentDoc& rule) {
  if (!rule.front_matter().closed) return true;
  const YamlNode* paths = rule.ClaudeField("paths");
  if (!paths) return true;
  const auto only_everything = [](const YamlNode& item) {
    if (!item.IsScalar() || TypeOf(item) != ScalarType::kString) return true;  // not a glob
    const std::string_view text = item.value;
    for (size_t at = 0; at <= text.size();) {
      const size_t comma = std::min(text.find(',', at), text.size());
      const std::string_view glob = Trim(text.substr(at, comma - at));
      if (!glob.empty() && glob != "**") return false;
      at = comma + 1;
    }
    return true;
  };
  if (!paths->IsSequence()) return only_everything(*paths);
  return std::all_of(paths->children.begin(), paths->children.end(), only_everything);
}

bool ClaudeTakes(const Knowledge& k, const FieldInfo& field, const YamlNode& value) {
  const bool empty = IsJsNull(value);
  if (field.name == "permissionMode") {
    // Only a value JavaScript counts as true is checked: empty, `""`, `false` and 0 are unset.
    // A list or mapping is a value JavaScript counts as true, and matches no mode.
    if (!empty && !value.IsScalar()) return false;
    const std::string text = empty ? "" : JsString(value);
    return text.empty() || text == "false" || text == "0" || Contains(k.permission_modes, text);
  }
  // The other checked fields log an empty value as invalid ("has invalid effort 'null'").
  const bool checked = field.type == FieldType::kBool || field.type == FieldType::kPositiveInt ||
                       !field.values.empty();
  if (empty) return !checked;
  if (field.type == FieldType::kBool) {
    // A YAML boolean, or the text "true" or "false" as written (`"True"` stays "True").
    const std::string text = value.IsScalar() ? JsString(value) : "";
    return text == "true" || text == "false";
  }
  if (field.type == FieldType::kPositiveInt) {
    const double count = ClaudeCount(value);
    return count == std::floor(count) && count >= field.min && count <= 9007199254740991.0;
  }
  if (field.values.empty()) return true;
  // `memory` and `isolation` are compared as written: `[user]` is not `user` (2.1.332 logs it as
  // invalid); `effort` is read as text first.
  if (!value.IsScalar() && !field.values_as_text) return false;
  if (field.integer_values && value.IsScalar() &&
      (TypeOf(value) == ScalarType::kInt || TypeOf(value) == ScalarType::kFloat))
    return std::isfinite(YamlNumber(value.value));
  std::string text = JsString(value);
  if (field.values_ignore_case) text = Lower(text);
  if (const auto alias = field.value_aliases.find(text); alias != field.value_aliases.end())
    text = alias->second;
  return Contains(field.values, text) ||
         (field.integer_values && !std::isnan(ParseIntPrefix(text)));
}

std::string ResolveModel(const Knowledge& k, std::string value) {
  value = std::string(Trim(value));
  if (value.empty() || value == "~" || value == "null") return "inherit";
  std::string key = Lower(value);
  if (EndsWith(key, "[1m]")) key.resize(key.size() - 4);
  if (Contains(k.model_aliases, key)) return key;
  if (const auto it = k.model_cli_only.find(key); it != k.model_cli_only.end()) return it->second;
  if (const auto it = k.model_retired.find(key); it != k.model_retired.end()) return it->second;
  // A full id loses its `[1m]` suffix; anything else goes to the API as written.
  if (EndsWith(value, "[1m]")) value.resize(value.size() - 4);
  return value;
}

namespace {

struct ToolResolution {
  enum Kind { kTool, kAll, kMcp, kNothing } kind = kNothing;
  std::string tool;
  std::string reason;  // kNothing: why
};

ToolResolution ResolveWord(const Knowledge& k, std::string_view word, bool plan_mode) {
  ToolResolution r;
  if (word == "*") {
    r.kind = ToolResolution::kAll;
    return r;
  }
  std::string_view base = word;
  const size_t paren = word.find('(');
  if (paren != std::string_view::npos && paren > 0 && word.back() == ')') {
    base = word.substr(0, paren);
  }
  const ToolInfo* tool = k.FindTool(base);
  if (!tool && k.IsMcpReference(word) && word != "mcp__*") {
    r.kind = ToolResolution::kMcp;
    r.tool = std::string(word);
    return r;
  }
  if (!tool) {
    const ToolInfo* other_case = k.FindToolIgnoringCase(base);
    r.reason = other_case ? "names are case-sensitive (`" + other_case->name + "`)"
                          : "not a tool Claude Code knows";
    return r;
  }
  if (tool->status == ToolStatus::kAlias) {
    const ToolInfo* target = k.FindTool(tool->replacement);
    if (target) tool = target;
  }
  if (tool->status == ToolStatus::kRemoved || tool->status == ToolStatus::kRenamed) {
    r.reason = "removed from Claude Code";
    return r;
  }
  if (tool->subagents == SubagentAvailability::kNever) {
    r.reason = "never given to subagents";
    return r;
  }
  if (tool->subagents == SubagentAvailability::kPlanModeOnly && !plan_mode) {
    r.reason = "only with `permissionMode: plan`";
    return r;
  }
  r.kind = ToolResolution::kTool;
  r.tool = tool->name;
  return r;
}

// The set an agent without `tools` inherits. Tools folded into another (Glob and Grep into Bash)
// join it when the project's settings deny that tool (measured: an inheriting agent then gets
// Glob and Grep; with Bash in disallowedTools it does not).
void AddDefaultSet(const Knowledge& k, std::set<std::string>& tools, bool plan_mode,
                   const std::vector<DeniedTool>* denied) {
  for (const ToolInfo& tool : k.tools) {
    if (tool.status != ToolStatus::kCurrent && tool.status != ToolStatus::kDeprecated) continue;
    if (tool.subagents == SubagentAvailability::kAlways ||
        (!tool.folded_into.empty() && FindDenied(denied, tool.folded_into)) ||
        (plan_mode && tool.subagents == SubagentAvailability::kPlanModeOnly)) {
      tools.insert(tool.name);
    }
  }
}

// `unread`: Claude Code reads none of the fields (a plugin agent whose front matter it cannot
// read), so the agent gets the default set.
void ResolveTools(const AgentDoc& doc, const Knowledge& k, ClaudeAgent& out, bool unread) {
  const auto field_of = [&](std::string_view key) {
    return unread ? nullptr : doc.ClaudeField(key);
  };
  // Plugin agents do not get their `permissionMode` (measured: no ExitPlanMode).
  const YamlNode* mode = doc.origin().plugin_agent ? nullptr : field_of("permissionMode");
  const bool plan = mode && mode->IsScalar() && mode->value == "plan";
  std::set<std::string> tools;
  const std::vector<DeniedTool>* denied = doc.origin().denied_tools.get();
  const YamlNode* field = field_of("tools");
  out.inherits_tools = field == nullptr;
  bool refused = false;
  if (out.inherits_tools) {
    AddDefaultSet(k, tools, plan, denied);
  } else {
    std::vector<ToolEntry> words = doc.ClaudeTools("tools").entries;
    words.erase(std::remove_if(words.begin(), words.end(),
                               [](const ToolEntry& w) { return w.name.empty(); }),
                words.end());
    std::vector<std::string> unrecognized;
    for (const ToolEntry& word : words) {
      const ToolResolution r = ResolveWord(k, word.name, plan);
      switch (r.kind) {
        case ToolResolution::kAll:
          AddDefaultSet(k, tools, plan, denied);
          break;
        case ToolResolution::kTool:
        case ToolResolution::kMcp:
          tools.insert(r.tool);
          break;
        case ToolResolution::kNothing:
          out.dropped.push_back({word.name, r.reason});
          unrecognized.push_back(word.name);
          break;
      }
    }
    // Words that all give nothing: Claude Code refuses to start the agent (an empty list, or
    // no list at all, is allowed: the agent then runs with no tools).
    if (!words.empty() && tools.empty()) {
      refused = true;
      out.spawn_error = "its tools list resolves to nothing (" + JoinCode(unrecognized, " and ") +
                        "): Claude Code refuses to start it";
    }
  }
  if (field_of("memory")) {
    for (const char* name : {"Read", "Write", "Edit"}) tools.insert(name);
  }
  // Takes a tool away, and the tools that go with it (`Monitor` with `Bash`).
  const auto take_away = [&](const std::string& name, const std::string& why, const char* done) {
    if (!tools.erase(name)) return;
    out.dropped.push_back({name, why});
    for (const ToolInfo& tool : k.tools) {
      if (tool.removed_with == name && tools.erase(tool.name))
        out.dropped.push_back({tool.name, "goes with `" + name + "`, which is " + done});
    }
  };
  // The project's settings deny some tools to every agent.
  if (denied) {
    for (const DeniedTool& tool : *denied)
      take_away(tool.name, "denied in `" + tool.setting + "`", "denied");
  }
  for (const ToolEntry& word :
       unread ? std::vector<ToolEntry>{} : doc.ClaudeTools("disallowedTools").entries) {
    const ToolResolution r = ResolveWord(k, word.name, true);
    if (r.kind == ToolResolution::kMcp || word.name == "mcp__*") {
      for (auto it = tools.begin(); it != tools.end();) {
        it = (it->rfind("mcp__", 0) == 0 && (word.name == "mcp__*" || *it == word.name))
                 ? tools.erase(it)
                 : std::next(it);
      }
      continue;
    }
    if (r.kind == ToolResolution::kTool)
      take_away(r.tool, "listed in disallowedTools", "disallowed");
  }
  if (ClaudeTrue(field_of("background"))) {
    for (const ToolInfo& tool : k.tools) {
      if (!tool.background_kept && tools.erase(tool.name))
        out.dropped.push_back({tool.name, "not kept by background subagents"});
    }
  }
  bool deferred = false;
  for (const ToolInfo& tool : k.tools) {
    if (!tool.folded_into.empty() && tools.count(tool.folded_into) && tools.erase(tool.name))
      out.dropped.push_back({tool.name, "folded into `" + tool.folded_into + "`"});
  }
  for (const std::string& name : tools) {
    const ToolInfo* tool = k.FindTool(name);
    deferred |= tool && tool->deferred;
  }
  if (!deferred && tools.erase("ToolSearch"))
    out.dropped.push_back({"ToolSearch", "no deferred tool to load"});
  out.tools.assign(tools.begin(), tools.end());
  out.spawns = out.loads && !refused;
}

// The characters whose NFKC form holds a colon, in UTF-8: U+2A74 DOUBLE COLON EQUAL, U+FE13
// PRESENTATION FORM FOR VERTICAL COLON, U+FE55 SMALL COLON, U+FF1A FULLWIDTH COLON.
constexpr std::string_view kColonLookalikes[] = {"\xE2\xA9\xB4", "\xEF\xB8\x93", "\xEF\xB9\x95",
                                                 "\xEF\xBC\x9A"};

// The length JavaScript gives a UTF-8 text: code points, two for those past U+FFFF.
size_t Utf16Length(std::string_view text) {
  size_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;  // a code point starts here
    if (byte >= 0xF0) ++units;           // four bytes: a surrogate pair
  }
  return units;
}

// The name a plugin's agent is registered under (after `<plugin>:` and its folders): `name` as
// JavaScript's String() gives it, when it is not null, empty or over the length limit; else the
// file's name without a final `.md`, spelt so (`helper.agent.md` is `helper.agent`, `Shout.MD`
// stays `Shout.MD`; measured with 2.1.332). `name`: the field as Claude Code reads it, or null.
std::string PluginAgentName(const AgentDoc& doc, const Knowledge& k, const YamlNode* name) {
  const FieldInfo* field = k.FindField("name");
  if (name && !IsJsNull(*name)) {
    std::string written = JsString(*name);
    if (!written.empty() &&
        (!field || field->max_length == 0 || Utf16Length(written) <= field->max_length))
      return written;
  }
  std::string file = std::filesystem::path(doc.path()).filename().string();
  if (EndsWith(file, ".md")) file.resize(file.size() - 3);
  return file;
}

// CRLF line endings with a value only the tolerant reading takes: Claude Code's reading of the
// front matter fails (a project agent is skipped, a plugin agent loads with no field read).
bool CrlfDefeatsTolerantReading(const AgentDoc& doc) {
  return doc.ClaudeTolerant() && doc.source().crlf_count() > 0;
}

// Why the loader skips the file, or "" when it registers the agent.
std::string LoadProblem(const AgentDoc& doc, const Knowledge& k, bool plugin) {
  if (!doc.origin().read_error.empty())
    return "the file cannot be read: " + doc.origin().read_error;
  // Claude Code reads the `.md` files of an agents folder, spelt so (not `.MD`, `.markdown`); of
  // a plugin's, `.MD` and `.Md` too (measured with 2.1.332).
  if (!EndsWith(plugin ? Lower(doc.path()) : doc.path(), ".md"))
    return plugin ? "Claude Code reads only `.md` files from a plugin's agents folder"
                  : "Claude Code reads only `.md` files from an agents folder, and this name does "
                    "not end in `.md`";
  if (plugin && doc.origin().linked_in_plugin)
    return "the file is reached through a link, and Claude Code does not follow links in a "
           "plugin's agents folder";
  if (k.max_agent_file_bytes > 0 && doc.source().text().size() > k.max_agent_file_bytes)
    return "the file is larger than Claude Code's limit of " +
           std::to_string(k.max_agent_file_bytes) + " bytes for an agent file";
  // A plugin's agent loads whatever its front matter holds, or lacks (measured with 2.1.332):
  // the name falls back to the file's, the description to "Agent from <plugin> plugin", a
  // front matter Claude Code cannot read counts as none, and its hooks are never used.
  if (plugin) return "";
  if (!doc.front_matter().present) return "there is no front matter on the first line";
  if (!doc.front_matter().closed && !doc.claude_cut()) return "the front matter is never closed";
  if (doc.ClaudeOverLimits())
    return "the front matter is over agentlint's limits, so agentlint did not read it (AL012)";
  const YamlNode* root = doc.ClaudeRoot();
  if (!root) return "the front matter is YAML that Claude Code cannot read, even tolerantly";
  if (CrlfDefeatsTolerantReading(doc))
    return "CRLF line endings with a value only the tolerant reading takes: Claude Code skips it";
  if (!root->IsMapping()) return "the front matter is not a mapping of fields";
  const YamlNode* name = root->Find("name");
  // Only a missing or empty text counts as no name or description: " " is one.
  if (!plugin) {
    if (!name || TypeOf(*name) == ScalarType::kNull) return "no `name`";
    if (!IsJsString(name)) return "`name` is not text";
    if (name->value.empty()) return "`name` is empty";
  }
  if (IsJsString(name) && !name->value.empty()) {
    if (std::string problem = NameProblem(k, name->value); !problem.empty())
      return "`name` " + problem;
  }
  const YamlNode* description = root->Find("description");
  if (!description || TypeOf(*description) == ScalarType::kNull) return "no `description`";
  if (!IsJsString(description)) return "`description` is not text";
  if (description->value.empty()) return "`description` is empty";
  const YamlNode* hooks = root->Find("hooks");
  if (hooks && !hooks->IsMapping() && !hooks->IsNull())
    return "`hooks` is not a mapping of events, which drops the whole agent";
  // A permission-guarding hook it cannot read drops the agent (measured with 2.1.332; plugin
  // agents' hooks are not used at all, and were not measured).
  if (!plugin) {
    if (const auto problem = UnloadableHooks(*root, k))
      return std::string(kUnreadableGuardHook) + ": " + problem->message;
  }
  return "";
}

}  // namespace

std::string NameProblem(const Knowledge& k, std::string_view name) {
  if (!name.empty() && name.front() == '-') return "starts with `-`";
  if (name.find(':') != std::string_view::npos) return "contains `:`";
  for (std::string_view colon : kColonLookalikes) {
    if (name.find(colon) != std::string_view::npos)
      return "contains `" + std::string(colon) + "`, which Unicode reads as `:`";
  }
  const FieldInfo* field = k.FindField("name");
  if (field && field->max_length > 0 && Utf16Length(name) > field->max_length)
    return "is longer than " + std::to_string(field->max_length) + " characters";
  return "";
}

const DeniedTool* FindDenied(const std::vector<DeniedTool>* denied, std::string_view name) {
  if (!denied) return nullptr;
  const auto it = std::find_if(denied->begin(), denied->end(),
                               [&](const DeniedTool& tool) { return tool.name == name; });
  return it == denied->end() ? nullptr : &*it;
}

const DeniedTool* DeniedAgent(const AgentDoc& doc, const std::string& name) {
  const std::vector<DeniedTool>* denied = doc.origin().denied_tools.get();
  const DeniedTool* tool = FindDenied(denied, "Agent");
  return tool ? tool : FindDenied(denied, "Agent(" + name + ")");
}

ClaudeAgent ResolveClaudeAgent(const AgentDoc& doc, const Knowledge& k, ClaudeDetail detail) {
  ClaudeAgent out;
  const bool plugin = doc.origin().plugin_agent;
  out.why_not = LoadProblem(doc, k, plugin);
  out.loads = out.why_not.empty();
  // A plugin agent whose front matter Claude Code cannot read still loads, with no fields.
  const bool unread = plugin && CrlfDefeatsTolerantReading(doc);
  const auto field_of = [&](std::string_view key) {
    return unread ? nullptr : doc.ClaudeField(key);
  };
  const YamlNode* name = field_of("name");
  if (plugin) {
    out.name = PluginAgentName(doc, k, name);
    if (!doc.origin().plugin_name.empty()) {
      // The folders between the plugin's `agents/` and the file are part of the id (measured).
      out.registered_as = doc.origin().plugin_name + ":";
      const std::filesystem::path folder = std::filesystem::path(doc.path()).parent_path();
      const std::filesystem::path below = folder.lexically_normal().lexically_relative(
          std::filesystem::path(doc.origin().scope).lexically_normal());
      for (const std::filesystem::path& part : below) {
        if (part != "." && !part.empty()) out.registered_as += part.string() + ":";
      }
      out.registered_as += out.name;
    }
  } else if (IsJsString(name) && !name->value.empty()) {
    out.name = name->value;
  } else {
    // Not loaded: shown under its file name.
    std::string stem = std::filesystem::path(doc.path()).filename().string();
    for (const char* suffix : {".agent.md", ".md"}) {
      if (EndsWith(stem, suffix) && stem.size() > std::string_view(suffix).size()) {
        stem.resize(stem.size() - std::string_view(suffix).size());
        break;
      }
    }
    out.name = stem;
  }
  // The project's settings can deny the agent itself (`Agent(name)`, or `Task(name)`, in
  // `permissions.deny`) or the Agent tool (`Agent(*)`): Claude Code then does not register it
  // (measured with 2.1.332).
  if (const DeniedTool* denied = DeniedAgent(doc, out.name); out.loads && denied) {
    out.loads = false;
    out.why_not = std::string(kDeniedBySettings) + " (`" + denied->written +
                  "` in `permissions.deny` of `" + denied->setting + "`)";
  }
  std::string value;
  if (const YamlNode* description = field_of("description"); IsJsString(description)) {
    value = description->value;
  }
  if (plugin) {
    // A plugin agent's description: the first of `description` and its fallbacks (`when_to_use`,
    // `when-to-use`) that holds text once trimmed (a number or true/false as written); else none.
    value.clear();
    std::vector<std::string> keys = {"description"};
    keys.insert(keys.end(), k.plugin_description_fallbacks.begin(),
                k.plugin_description_fallbacks.end());
    for (const std::string& key : keys) {
      const YamlNode* node = field_of(key);
      if (!node || !node->IsScalar() || IsJsNull(*node)) continue;
      value = std::string(Trim(JsString(*node)));
      if (!value.empty()) break;
    }
  }
  if (!value.empty()) {
    // The main model is shown the description with each `\n` written out turned into a line
    // break (the `<example>` blocks of plugin agents are often written that way).
    // Copied a run at a time, between the `\n`s (found left to right, as they are read).
    out.description.reserve(value.size());
    size_t from = 0;
    for (size_t at = value.find("\\n"); at != std::string::npos; at = value.find("\\n", from)) {
      out.description.append(value, from, at - from);
      out.description += '\n';
      from = at + 2;
    }
    out.description.append(value, from, std::string::npos);
  }
  const YamlNode* model = field_of("model");
  if (model && model->IsScalar()) out.model = ResolveModel(k, model->value);
  if (const auto it = k.model_alias_ids.find(out.model); it != k.model_alias_ids.end())
    out.model_id = it->second;
  if (out.model != "inherit" && out.model_id.empty()) out.model_id = out.model;
  if (plugin) {
    for (const FieldInfo& field : k.fields) {
      if (field.plugin_ignored && field_of(field.name)) out.ignored_fields.push_back(field.name);
    }
  }
  const YamlNode* root = unread ? nullptr : doc.ClaudeRoot();
  if (root && !root->IsMapping()) root = nullptr;
  if (root) {
    // Keys that are not fields, and fields whose value Claude Code drops (as its debug log
    // names them); of a repeated key, the last value is the one read. A sibling read for its
    // identity needs neither.
    for (size_t i = 0; detail == ClaudeDetail::kFull && i < root->MapSize(); ++i) {
      const std::string& key = root->Key(i).value;
      const FieldInfo* field = k.FindField(key);
      if (!field && plugin && Contains(k.plugin_description_fallbacks, key)) continue;
      std::vector<std::string>& list = field ? out.invalid_fields : out.unknown_fields;
      if (Contains(list, key)) continue;
      if (!field || !ClaudeTakes(k, *field, *doc.ClaudeField(key))) list.push_back(key);
    }
  }
  if (root || plugin) {
    if (detail == ClaudeDetail::kFull) {
      ResolveTools(doc, k, out, unread);
    } else {  // as ResolveTools sets it
      out.inherits_tools = unread || doc.ClaudeField("tools") == nullptr;
    }
  }
  out.tools_resolved = detail == ClaudeDetail::kFull;
  return out;
}

}  // namespace agentlint
