#include "core/knowledge.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "core/embedded.h"
#include "core/text.h"
#include "core/yaml.h"

namespace agentlint {

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<int> CompareVersions(std::string_view a, std::string_view b) {
  const auto parts = [](std::string_view v) -> std::optional<std::vector<uint64_t>> {
    std::vector<uint64_t> out;
    size_t start = 0;
    while (start <= v.size()) {
      const size_t dot = std::min(v.find('.', start), v.size());
      const std::optional<uint64_t> n = ParseWholeNumber(v.substr(start, dot - start));
      if (!n) return std::nullopt;
      out.push_back(*n);
      start = dot + 1;
    }
    return out.size() >= 2 ? std::optional(out) : std::nullopt;
  };
  const auto x = parts(a);
  const auto y = parts(b);
  if (!x || !y) return std::nullopt;
  return *x < *y ? -1 : (*y < *x ? 1 : 0);
}

Knowledge ForClaudeCodeVersion(Knowledge k, std::string_view version) {
  std::vector<ToolInfo> kept;
  for (ToolInfo& tool : k.tools) {
    const auto since = CompareVersions(version, tool.since);
    if (tool.status == ToolStatus::kCurrent && since && *since < 0) continue;  // not there yet
    const auto removed = CompareVersions(version, tool.removed_in);
    if ((tool.status == ToolStatus::kRemoved || tool.status == ToolStatus::kRenamed ||
         tool.status == ToolStatus::kAlias) &&
        removed && *removed < 0) {
      tool.status = ToolStatus::kCurrent;  // still the tool's own name in that release
    }
    kept.push_back(std::move(tool));
  }
  k.tools = std::move(kept);
  BuildSets(k);
  return k;
}

const ToolInfo* Knowledge::FindTool(std::string_view name) const {
  if (tool_index.size() == tools.size()) {
    const auto it = tool_index.find(name);
    return it == tool_index.end() ? nullptr : &tools[it->second];
  }
  for (const ToolInfo& tool : tools) {
    if (tool.name == name) return &tool;
  }
  return nullptr;
}

const ToolInfo* Knowledge::FindToolIgnoringCase(std::string_view name) const {
  const std::string wanted = Lower(name);
  if (tool_lower_index.size() == tools.size()) {
    const auto it = tool_lower_index.find(wanted);
    return it == tool_lower_index.end() ? nullptr : &tools[it->second];
  }
  for (const ToolInfo& tool : tools) {
    if (Lower(tool.name) == wanted) return &tool;
  }
  return nullptr;
}

const HookHandlerInfo* Knowledge::FindHookHandler(std::string_view type) const {
  for (const HookHandlerInfo& handler : hook_handlers) {
    if (handler.type == type) return &handler;
  }
  return nullptr;
}

const FieldInfo* Knowledge::FindField(std::string_view name) const {
  for (const FieldInfo& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const SectionProfile* Knowledge::FindProfile(std::string_view name) const {
  for (const SectionProfile& profile : section_profiles) {
    if (profile.name == name) return &profile;
  }
  return nullptr;
}

bool ConflictTopic::MayOccurIn(const ScanResult& scan) const {
  const auto hit = [&](const std::vector<int>& indexes, size_t count) {
    if (indexes.size() < count) return true;  // not in the pass: may occur
    for (int index : indexes) {
      if (scan.MayContain(index)) return true;
    }
    return false;
  };
  for (const ConflictChoice& choice : choices) {
    if (hit(choice.pattern_scan, choice.patterns.size()) ||
        hit(choice.command_scan, choice.commands.size()))
      return true;
  }
  return false;
}

bool Knowledge::IsMcpReference(std::string_view name) const {
  if (!mcp_pattern) return false;
  if (mcp_range && (name < mcp_min || name > mcp_max)) return false;
  return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), mcp_pattern->get());
}

namespace {

class Reader {
 public:
  Reader(std::string file, std::vector<KnowledgeError>& errors, PatternCheck check)
      : file_(std::move(file)), errors_(errors), check_(check) {}

  // `where` is the node the problem is about (its span locates a finding in a config file).
  void Error(const std::string& message, const YamlNode* where = nullptr) {
    errors_.push_back({file_, message, where ? where->span : Span{}});
  }

  std::string Str(const YamlNode& map, std::string_view key, bool required = false) {
    const YamlNode* node = map.Find(key);
    if (!node) {
      if (required) Error("missing `" + std::string(key) + "`", &map);
      return {};
    }
    if (!node->IsScalar()) Error("`" + std::string(key) + "` must be a string", node);
    return node->value;
  }

  // A number in [min, max], or `fallback` (and an error) when the value is anything else.
  double Number(const YamlNode& map, std::string_view key, double min, double max,
                double fallback) {
    const YamlNode* node = map.Find(key);
    if (!node) return fallback;
    const std::optional<double> value = node->IsScalar() ? ParseNumber(node->value) : std::nullopt;
    if (!value || *value < min || *value > max) {
      Error("`" + std::string(key) + "` must be a number from " + FormatNumber(min) + " to " +
                FormatNumber(max),
            node);
      return fallback;
    }
    return *value;
  }

  std::vector<std::string> List(const YamlNode* node, std::string_view what) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node->IsSequence()) {
      Error("`" + std::string(what) + "` must be a list", node);
      return out;
    }
    std::set<std::string> seen;
    for (const YamlNode& item : node->children) {
      if (!item.IsScalar()) {
        Error("`" + std::string(what) + "` items must be strings", &item);
        continue;
      }
      if (!seen.insert(item.value).second)
        Error("duplicate `" + item.value + "` in " + std::string(what), &item);
      out.push_back(item.value);
    }
    return out;
  }

  std::map<std::string, std::string> Map(const YamlNode* node, std::string_view what) {
    std::map<std::string, std::string> out;
    if (!node) return out;
    if (!node->IsMapping()) {
      Error("`" + std::string(what) + "` must be a mapping", node);
      return out;
    }
    for (size_t i = 0; i < node->MapSize(); ++i) {
      if (!out.emplace(node->Key(i).value, node->Value(i).value).second) {
        Error("duplicate key `" + node->Key(i).value + "` in " + std::string(what), &node->Key(i));
      }
    }
    return out;
  }

  // Compiles the pattern found at `map[key]` (wrapped by `prefix` and `suffix`).
  bool checking() const { return check_ == PatternCheck::kNow; }

  // Checked now, or (the embedded knowledge, which a test compiles) on first use.
  std::shared_ptr<const LazyRegex> Pattern(const std::string& pattern,
                                           const YamlNode* where = nullptr) {
    auto re = std::make_shared<const LazyRegex>(pattern, /*quiet=*/true);
    if (check_ == PatternCheck::kNow && !re->get().ok())
      Error("pattern `" + pattern + "` does not compile: " + re->get().error(), where);
    return re;
  }

 private:
  std::string file_;
  std::vector<KnowledgeError>& errors_;
  PatternCheck check_;
};

ToolStatus ParseStatus(Reader& r, const std::string& s) {
  if (s == "current") return ToolStatus::kCurrent;
  if (s == "alias") return ToolStatus::kAlias;
  if (s == "deprecated") return ToolStatus::kDeprecated;
  if (s == "removed") return ToolStatus::kRemoved;
  if (s == "renamed") return ToolStatus::kRenamed;
  r.Error("unknown tool status `" + s + "`");
  return ToolStatus::kCurrent;
}

void LoadTools(Knowledge& k, const YamlNode& root, Reader& r) {
  k.foreign_tools = r.Map(root.Find("foreign_tools"), "foreign_tools");
  const YamlNode* list = root.Find("tools");
  if (!list || !list->IsSequence()) return r.Error("`tools` must be a list", list);
  std::set<std::string> names;
  for (const YamlNode& item : list->children) {
    ToolInfo tool;
    tool.name = r.Str(item, "name", true);
    if (!names.insert(tool.name).second) r.Error("duplicate tool `" + tool.name + "`", &item);
    tool.status = ParseStatus(r, r.Str(item, "status", true));
    tool.replacement = r.Str(item, "replacement");
    tool.since = r.Str(item, "since");
    tool.removed_in = r.Str(item, "removed_in");
    tool.note = r.Str(item, "note");
    tool.fixable = r.Str(item, "fix") == "true";
    const std::string subagents = r.Str(item, "subagents", true);
    if (subagents == "never") {
      tool.subagents = SubagentAvailability::kNever;
    } else if (subagents == "on_request") {
      tool.subagents = SubagentAvailability::kOnRequest;
    } else if (subagents == "plan_mode_only") {
      tool.subagents = SubagentAvailability::kPlanModeOnly;
    } else if (subagents != "always") {
      r.Error("unknown subagents value `" + subagents + "`");
    }
    tool.background_kept = r.Str(item, "background", true) != "dropped";
    tool.deferred = r.Str(item, "deferred") == "true";
    tool.folded_into = r.Str(item, "folded_into");
    tool.removed_with = r.Str(item, "removed_with");
    if ((tool.status == ToolStatus::kRenamed || tool.status == ToolStatus::kAlias) &&
        tool.replacement.empty()) {
      r.Error("tool `" + tool.name + "` is an alias or renamed and needs a replacement");
    }
    k.tools.push_back(std::move(tool));
  }
  for (const ToolInfo& tool : k.tools) {
    if (tool.fixable && !k.FindTool(tool.replacement)) {
      r.Error("fixable tool `" + tool.name + "` must be replaced by one known tool");
    }
    for (const std::string* other : {&tool.folded_into, &tool.removed_with}) {
      if (!other->empty() && !k.FindTool(*other))
        r.Error("tool `" + tool.name + "` names `" + *other + "`, which is not a tool");
    }
  }
  if (const YamlNode* mcp = root.Find("mcp"))
    k.mcp_pattern = r.Pattern(r.Str(*mcp, "pattern", true));
}

FieldType ParseType(Reader& r, const std::string& s) {
  static const std::map<std::string, FieldType> kTypes = {
      {"string", FieldType::kString},   {"string_or_list", FieldType::kStringOrList},
      {"bool", FieldType::kBool},       {"positive_int", FieldType::kPositiveInt},
      {"mapping", FieldType::kMapping}, {"list", FieldType::kList},
      {"any", FieldType::kAny}};
  const auto it = kTypes.find(s);
  if (it == kTypes.end()) {
    r.Error("unknown field type `" + s + "`");
    return FieldType::kAny;
  }
  return it->second;
}

void LoadFields(Knowledge& k, const YamlNode& root, Reader& r) {
  const YamlNode* list = root.Find("fields");
  if (!list || !list->IsSequence()) return r.Error("`fields` must be a list");
  std::set<std::string> names;
  for (const YamlNode& item : list->children) {
    FieldInfo field;
    field.name = r.Str(item, "name", true);
    if (!names.insert(field.name).second) r.Error("duplicate field `" + field.name + "`");
    field.type = ParseType(r, r.Str(item, "type", true));
    field.values = r.List(item.Find("values"), "values");
    field.values_ignore_case = r.Str(item, "ignore_case") == "true";
    field.value_aliases = r.Map(item.Find("aliases"), "aliases");
    for (const auto& [alias, value] : field.value_aliases) {
      if (!Contains(field.values, value))
        r.Error("alias `" + alias + "` of field `" + field.name + "` names no value");
    }
    field.integer_values = r.Str(item, "integers") == "true";
    field.values_as_text = r.Str(item, "as_text") == "true";
    field.min = r.Number(item, "min", 1, 1e15, 1);
    field.max_length = static_cast<size_t>(r.Number(item, "max_length", 0, 1e9, 0));
    field.typos = r.List(item.Find("typos"), "typos");
    field.plugin_ignored = r.Str(item, "plugin_ignored") == "true";
    k.fields.push_back(std::move(field));
  }
  if (const YamlNode* modes = root.Find("permission_modes")) {
    k.permission_modes = r.List(modes->Find("values"), "permission_modes.values");
    k.removed_permission_modes = r.Map(modes->Find("removed_values"), "removed_values");
  }
  k.foreign_keys = r.Map(root.Find("foreign_keys"), "foreign_keys");
  k.plugin_description_fallbacks =
      r.List(root.Find("plugin_description_fallbacks"), "plugin_description_fallbacks");
  for (const auto& [key, origin] : k.foreign_keys) {
    if (k.FindField(key)) r.Error("foreign key `" + key + "` is also a Claude Code field");
  }
}

void LoadModels(Knowledge& k, const YamlNode& root, Reader& r) {
  k.model_aliases = r.List(root.Find("aliases"), "aliases");
  k.model_alias_ids = r.Map(root.Find("alias_ids"), "alias_ids");
  k.model_cli_only = r.Map(root.Find("cli_only"), "cli_only");
  k.model_retired = r.Map(root.Find("retired"), "retired");
  k.model_snapshots = r.Map(root.Find("snapshots"), "snapshots");
  for (const auto* table : {&k.model_cli_only, &k.model_retired}) {
    for (const auto& [from, alias] : *table) {
      if (!Contains(k.model_aliases, alias))
        r.Error("`" + from + "` runs as `" + alias + "`, which is not an alias");
    }
  }
  k.model_id_pattern = r.Pattern(r.Str(root, "id_pattern", true));
  for (const std::string& p : r.List(root.Find("foreign_patterns"), "foreign_patterns")) {
    k.foreign_model_patterns.push_back(r.Pattern(p));
  }
}

using Loader = void (*)(Knowledge&, const YamlNode&, Reader&);

void LoadColors(Knowledge& k, const YamlNode& root, Reader& r) {
  k.colors = r.List(root.Find("colors"), "colors");
}

void LoadHooks(Knowledge& k, const YamlNode& root, Reader& r) {
  k.hook_events = r.List(root.Find("events"), "events");
  const YamlNode* handlers = root.Find("handlers");
  if (!handlers || !handlers->IsSequence()) return r.Error("`handlers` must be a list");
  static constexpr std::pair<std::string_view, HookValue> kKinds[] = {
      {"text", HookValue::kText},   {"nonempty", HookValue::kNonEmptyText},
      {"texts", HookValue::kTexts}, {"positive", HookValue::kPositive},
      {"bool", HookValue::kBool},   {"mapping", HookValue::kMapping},
      {"url", HookValue::kUrl}};
  for (const YamlNode& item : handlers->children) {
    HookHandlerInfo handler;
    handler.type = r.Str(item, "type", true);
    if (k.FindHookHandler(handler.type)) r.Error("duplicate handler `" + handler.type + "`");
    handler.required = r.List(item.Find("required"), "required");
    for (const auto& [kind, value] : kKinds) {
      for (std::string& field : r.List(item.Find(kind), kind))
        handler.fields.emplace_back(std::move(field), value);
    }
    if (const YamlNode* choices = item.Find("choices")) {
      if (!choices->IsMapping()) r.Error("`choices` must map fields to their values", choices);
      for (size_t i = 0; choices->IsMapping() && i < choices->MapSize(); ++i) {
        handler.choices.emplace_back(choices->Key(i).value,
                                     r.List(&choices->Value(i), choices->Key(i).value));
      }
    }
    k.hook_types.push_back(handler.type);
    k.hook_handlers.push_back(std::move(handler));
  }
  k.no_prompt_hook_events = r.List(root.Find("no_prompt_handlers"), "no_prompt_handlers");
  k.mcp_server_types = r.List(root.Find("mcp_server_types"), "mcp_server_types");
}

void LoadAgents(Knowledge& k, const YamlNode& root, Reader& r) {
  k.builtin_agents = r.List(root.Find("builtin"), "builtin");
  k.builtin_skills = r.List(root.Find("builtin_skills"), "builtin_skills");
  k.readme_names = r.List(root.Find("readme_names"), "readme_names");
  k.listing_limit = static_cast<size_t>(r.Number(root, "listing_limit", 1, 1e12, 0));
  k.max_agent_file_bytes = static_cast<size_t>(r.Number(root, "max_file_bytes", 1, 1e12, 0));
}

void LoadSections(Knowledge& k, const YamlNode& root, Reader& r) {
  const YamlNode* list = root.Find("profiles");
  if (!list || !list->IsSequence()) return r.Error("`profiles` must be a list", list);
  std::set<std::string> names;
  for (const YamlNode& item : list->children) {
    SectionProfile profile;
    profile.name = r.Str(item, "name", true);
    if (profile.name == "auto" || profile.name == "none" || !names.insert(profile.name).second) {
      r.Error("profile name `" + profile.name + "` is reserved or used twice", &item);
    }
    profile.description = r.Str(item, "description");
    const YamlNode* require = item.Find("require");
    if (!require || !require->IsSequence()) {
      r.Error("profile `" + profile.name + "` needs a `require` list", &item);
      continue;
    }
    for (const YamlNode& entry : require->children) {
      SectionKind kind;
      kind.kind = r.Str(entry, "kind", true);
      kind.headings = r.List(entry.Find("headings"), "headings");
      if (kind.headings.empty()) r.Error("kind `" + kind.kind + "` lists no headings", &entry);
      const std::string prose = r.Str(entry, "prose");
      if (!prose.empty()) kind.prose = r.Pattern(prose, entry.Find("prose"));
      profile.require.push_back(std::move(kind));
    }
    k.section_profiles.push_back(std::move(profile));
  }
}

void LoadSecrets(Knowledge& k, const YamlNode& root, Reader& r) {
  const YamlNode* secrets = root.Find("secrets");
  if (!secrets || !secrets->IsSequence()) return r.Error("`secrets` must be a list", secrets);
  std::set<std::string> ids;
  for (const YamlNode& item : secrets->children) {
    SecretPattern secret;
    secret.id = r.Str(item, "id", true);
    if (!ids.insert(secret.id).second) r.Error("duplicate id `" + secret.id + "`", &item);
    secret.description = r.Str(item, "description", true);
    secret.pattern = r.Pattern(r.Str(item, "pattern", true), item.Find("pattern"));
    if (r.checking() && secret.pattern->get().ok() &&
        secret.pattern->get().NumberOfCapturingGroups() != 1) {
      r.Error("secret pattern `" + secret.id + "` needs exactly one capture group",
              item.Find("pattern"));
    }
    secret.prefilter = r.Str(item, "prefilter");
    if (!secret.prefilter.empty()) r.Pattern(secret.prefilter, item.Find("prefilter"));
    secret.min_entropy = r.Number(item, "min_entropy", 0, 8, 0);
    k.secrets.push_back(std::move(secret));
  }
  k.secret_placeholders = r.List(root.Find("placeholders"), "placeholders");
  if (const YamlNode* local = root.Find("local_defaults")) {
    k.local_hosts = r.List(local->Find("hosts"), "local_defaults.hosts");
    k.local_default_passwords = r.List(local->Find("passwords"), "local_defaults.passwords");
  }
  const YamlNode* dangerous = root.Find("dangerous");
  if (!dangerous || !dangerous->IsSequence()) return r.Error("`dangerous` must be a list");
  for (const YamlNode& item : dangerous->children) {
    DangerPattern danger;
    danger.id = r.Str(item, "id", true);
    if (!ids.insert(danger.id).second) r.Error("duplicate id `" + danger.id + "`");
    const std::string where = r.Str(item, "where", true);
    if (where != "body" && where != "config") r.Error("`where` must be body or config");
    danger.in_config = where == "config";
    // Group 1 is the whole match, for the finding's span.
    danger.pattern = r.Pattern("(" + r.Str(item, "pattern", true) + ")");
    danger.message = r.Str(item, "message", true);
    k.dangerous.push_back(std::move(danger));
  }
}

void LoadConflicts(Knowledge& k, const YamlNode& root, Reader& r) {
  if (const YamlNode* manifests = root.Find("manifests")) {
    for (std::string& m : r.List(manifests, "manifests")) k.manifests.push_back(std::move(m));
  }
  const YamlNode* topics = root.Find("topics");
  if (!topics || !topics->IsSequence()) return r.Error("`topics` must be a list", topics);
  std::set<std::string> ids;
  for (const YamlNode& item : topics->children) {
    ConflictTopic topic;
    topic.id = r.Str(item, "id", true);
    topic.title = r.Str(item, "title", true);
    if (!ids.insert(topic.id).second) r.Error("duplicate topic `" + topic.id + "`", &item);
    if (const YamlNode* roles = item.Find("roles"); roles && roles->IsScalar())
      topic.roles = r.Pattern("(?i)(" + roles->value + ")", roles);
    if (const YamlNode* ecosystem = item.Find("ecosystem"))
      topic.ecosystem = r.List(ecosystem, "ecosystem");
    const YamlNode* choices = item.Find("choices");
    if (!choices || !choices->IsSequence() || choices->children.size() < 2) {
      r.Error("topic `" + topic.id + "` needs at least two choices", &item);
      continue;
    }
    for (const YamlNode& entry : choices->children) {
      ConflictChoice choice;
      choice.id = r.Str(entry, "id", true);
      if (!ids.insert(topic.id + "/" + choice.id).second)
        r.Error("duplicate choice `" + choice.id + "`", &entry);
      choice.name = r.Str(entry, "name", true);
      for (const std::string& p : r.List(entry.Find("patterns"), "patterns")) {
        choice.patterns.push_back(r.Pattern("(?i)(" + p + ")", entry.Find("patterns")));
      }
      // A command is a pattern, or {pattern, prefilter} (SecretPattern::prefilter).
      const YamlNode* commands = entry.Find("commands");
      if (commands && !commands->IsSequence()) r.Error("`commands` must be a list", commands);
      const bool listed = commands && commands->IsSequence();
      std::set<std::string> seen;
      for (size_t c = 0; listed && c < commands->children.size(); ++c) {
        const YamlNode& command = commands->children[c];
        std::string pattern = command.value;
        std::string prefilter;
        if (command.IsMapping()) {
          pattern = r.Str(command, "pattern", true);
          prefilter = r.Str(command, "prefilter");
          if (!prefilter.empty()) r.Pattern(prefilter, command.Find("prefilter"));
          if (pattern.empty()) continue;
        } else if (!command.IsScalar()) {
          r.Error("`commands` items must be patterns or {pattern, prefilter}", &command);
          continue;
        }
        if (!seen.insert(pattern).second)
          r.Error("duplicate `" + pattern + "` in commands", &command);
        choice.commands.push_back(r.Pattern("(" + pattern + ")", &command));
        choice.command_prefilters.push_back(std::move(prefilter));
      }
      if (const YamlNode* evidence = entry.Find("evidence"))
        choice.evidence = r.List(evidence, "evidence");
      if (choice.patterns.empty()) r.Error("choice `" + choice.id + "` has no patterns", &entry);
      topic.choices.push_back(std::move(choice));
    }
    k.conflict_topics.push_back(std::move(topic));
  }
}

const std::map<std::string, Loader>& Loaders() {
  static const std::map<std::string, Loader> loaders = {
      {"rules/tools.yaml", LoadTools},        {"rules/fields.yaml", LoadFields},
      {"rules/models.yaml", LoadModels},      {"rules/colors.yaml", LoadColors},
      {"rules/hooks.yaml", LoadHooks},        {"rules/agents.yaml", LoadAgents},
      {"rules/sections.yaml", LoadSections},  {"rules/secrets.yaml", LoadSecrets},
      {"rules/conflicts.yaml", LoadConflicts}};
  return loaders;
}

}  // namespace

Knowledge LoadKnowledge(const std::vector<std::pair<std::string, std::string>>& files,
                        std::vector<KnowledgeError>& errors, PatternCheck check) {
  Knowledge k;
  std::set<std::string> seen;
  for (const auto& [path, contents] : files) {
    const auto loader = Loaders().find(path);
    if (loader == Loaders().end()) continue;  // knowledge for later stages
    seen.insert(path);
    Reader reader(path, errors, check);
    const YamlParse parse = ParseYaml(contents);
    if (!parse.ok || !parse.root || !parse.root->IsMapping()) {
      reader.Error("does not parse as a YAML mapping: " + parse.error);
      continue;
    }
    for (const YamlDuplicateKey& dup : parse.duplicate_keys)
      reader.Error("duplicate key `" + dup.key + "`");
    if (const YamlNode* version = parse.root->Find("checked_against"))
      k.checked_against[path] = version->value;
    loader->second(k, *parse.root, reader);
  }
  for (const auto& [path, loader] : Loaders()) {
    if (!seen.count(path)) errors.push_back({path, "knowledge file is missing", {}});
  }
  return k;
}

void ExtendKnowledge(Knowledge& k, const YamlNode& extension, std::vector<KnowledgeError>& errors) {
  Reader reader("knowledge", errors, PatternCheck::kNow);
  if (!extension.IsMapping()) return reader.Error("`knowledge` must be a mapping", &extension);
  for (size_t i = 0; i < extension.MapSize(); ++i) {
    const std::string& key = extension.Key(i).value;
    if (key != "tools" && key != "conflicts" && key != "secrets" && key != "section-profiles") {
      reader.Error(
          "`" + key +
              "` is not a knowledge extension (tools, conflicts, secrets, section-profiles)",
          &extension.Key(i));
    }
  }
  for (const std::string& name : reader.List(extension.Find("tools"), "tools")) {
    if (k.FindTool(name)) continue;
    ToolInfo tool;
    tool.name = name;
    tool.note = "declared in the configuration";
    k.tools.push_back(tool);
  }
  // The other extensions have the shape of the knowledge files: reuse their loaders on a
  // wrapper mapping and append what they read.
  const auto extend = [&](const char* key, const char* wrapper_key, Loader loader) {
    const YamlNode* list = extension.Find(key);
    if (!list) return;
    YamlNode wrapper;
    wrapper.kind = YamlKind::kMapping;
    YamlNode name;
    name.kind = YamlKind::kScalar;
    name.value = wrapper_key;
    wrapper.children = {name, *list};
    if (std::string_view(key) == "secrets") {  // the loader also expects `dangerous`
      YamlNode dangerous_key = name;
      dangerous_key.value = "dangerous";
      YamlNode empty;
      empty.kind = YamlKind::kSequence;
      wrapper.children.push_back(dangerous_key);
      wrapper.children.push_back(empty);
    }
    Knowledge added;
    loader(added, wrapper, reader);
    k.conflict_topics.insert(k.conflict_topics.end(), added.conflict_topics.begin(),
                             added.conflict_topics.end());
    k.secrets.insert(k.secrets.end(), added.secrets.begin(), added.secrets.end());
    k.section_profiles.insert(k.section_profiles.end(), added.section_profiles.begin(),
                              added.section_profiles.end());
  };
  extend("conflicts", "topics", LoadConflicts);
  extend("secrets", "secrets", LoadSecrets);
  extend("section-profiles", "profiles", LoadSections);
  BuildSets(k);
}

// Builds the one-pass sets from the patterns (after loading, and after a config extends them).
void BuildSets(Knowledge& k) {
  k.tool_index.clear();
  k.tool_lower_index.clear();
  for (size_t i = 0; i < k.tools.size(); ++i) {
    k.tool_index.emplace(k.tools[i].name, i);
    k.tool_lower_index.emplace(Lower(k.tools[i].name), i);
  }
  // Names differing only in case would make the lowercase index smaller: fall back to scans.
  if (k.tool_lower_index.size() != k.tools.size()) k.tool_lower_index.clear();
  k.mcp_range = k.mcp_pattern && k.mcp_pattern->get().ok() &&
                k.mcp_pattern->get().PossibleMatchRange(&k.mcp_min, &k.mcp_max, 16);
  auto scan = std::make_shared<PatternSet>();
  auto mentions = std::make_shared<PatternSet>();
  for (SecretPattern& s : k.secrets)
    s.scan = scan->Add(s.prefilter.empty() ? s.pattern->pattern() : s.prefilter);
  for (DangerPattern& d : k.dangerous) d.scan = d.in_config ? -1 : scan->Add(d.pattern->pattern());
  for (ConflictTopic& topic : k.conflict_topics) {
    for (ConflictChoice& choice : topic.choices) {
      choice.pattern_scan.clear();
      choice.command_scan.clear();
      choice.mention_scan.clear();
      for (const auto& p : choice.patterns) {
        choice.pattern_scan.push_back(scan->Add(p->pattern()));
        choice.mention_scan.push_back(mentions->Add(p->pattern()));
      }
      for (size_t i = 0; i < choice.commands.size(); ++i)
        choice.command_scan.push_back(scan->Add(choice.CommandScan(i)));
    }
  }
  k.line_pattern_base = static_cast<int>(scan->size());
  k.line_pattern_count = static_cast<int>(LinePatterns().size());
  for (const std::string& pattern : LinePatterns()) scan->Add(pattern);
  scan->Compile();
  k.scan = std::move(scan);
  mentions->Compile();
  k.mention_scan = std::move(mentions);
}

const Knowledge& EmbeddedKnowledge() {
  static const Knowledge knowledge = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const EmbeddedFile& file : EmbeddedFiles()) {
      if (file.path.substr(0, 6) == "rules/") files.emplace_back(file.path, file.data);
    }
    std::vector<KnowledgeError> errors;
    // Its patterns compile on first use; tests/knowledge_test.cpp compiles every one.
    Knowledge k = LoadKnowledge(files, errors, PatternCheck::kOnUse);
    BuildSets(k);
    if (!errors.empty()) {
      throw std::runtime_error("embedded knowledge is broken: " + errors[0].file + ": " +
                               errors[0].message);
    }
    return k;
  }();
  return knowledge;
}

}  // namespace agentlint
