#include "engine/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "checks/registry.h"
#include "core/text.h"
#include "core/yaml.h"

namespace agentlint {

namespace fs = std::filesystem;

std::string FindConfig(const std::string& start, ConfigSearch* search) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  ConfigSearch local;
  if (!search) search = &local;
  if (!search->cwd) search->cwd = fs::current_path(ec).string();
  std::vector<std::string> searched;  // folders that give what the search finds
  std::string result;
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (const auto known = search->found.find(dir.string()); known != search->found.end()) {
      result = known->second;
      break;
    }
    searched.push_back(dir.string());
    const fs::path candidate = dir / ".agentlint.yaml";
    // Shown relative to the working directory when it is below it, as linted paths are.
    if (fs::is_regular_file(candidate, ec)) {
      result = candidate.lexically_proximate(*search->cwd).generic_string();
      break;
    }
    if (dir == dir.parent_path()) break;
  }
  for (std::string& folder : searched) search->found.emplace(std::move(folder), result);
  return result;
}

bool Excluded(const Config& config, const std::string& file) {
  if (config.exclude.empty()) return false;
  const std::string relative = RelativeToConfig(config, file);
  for (const Glob& glob : config.exclude) {
    if (glob.Matches(relative)) return true;
  }
  return false;
}

std::string RelativeToConfig(const Config& config, const std::string& file) {
  std::error_code ec;
  const fs::path relative =
      fs::absolute(file, ec).lexically_normal().lexically_relative(config.dir);
  const std::string out = relative.generic_string();
  return out.rfind("..", 0) == 0 ? "" : out;
}

namespace {

class Checker {
 public:
  Checker(Config& config, const SourceFile& source) : config_(config), source_(source) {}

  void Problem(Span span, std::string message, std::string help) {
    static const RuleInfo& rule = *FindRule("invalid-config");
    Diagnostic d;
    d.rule = &rule;
    d.severity = rule.severity;
    d.location = MakeLocation(source_, span);
    SetLineText(d, source_);
    d.message = std::move(message);
    d.help = InternHelp(std::move(help));
    config_.problems.push_back(std::move(d));
  }

  std::vector<std::string> Strings(const YamlNode& node, std::string_view key) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      for (const std::string& part : Split(node.value)) out.push_back(part);
    } else if (node.IsSequence()) {
      for (const YamlNode& item : node.children) {
        if (item.IsScalar()) {
          out.push_back(item.value);
        } else {
          Problem(item.span, "`" + std::string(key) + "` items must be strings", "");
        }
      }
    } else {
      Problem(node.span, "`" + std::string(key) + "` must be a list",
              "write `" + std::string(key) + ": [a, b]`");
    }
    return out;
  }

  std::vector<std::string> RuleList(const YamlNode& node, std::string_view key) {
    std::vector<std::string> out = Strings(node, key);
    for (size_t i = 0; i < out.size(); ++i) CheckRuleName(ItemSpan(node, i), out[i]);
    return out;
  }

  void CheckRuleName(Span span, const std::string& name) {
    if (name == "all") return;
    for (const RuleInfo& rule : AllRules()) {
      if (rule.id == name || rule.name == name || CategoryName(rule.category) == name) return;
    }
    std::vector<std::string> words;
    for (const RuleInfo& rule : AllRules()) {
      words.emplace_back(rule.id);
      words.emplace_back(rule.name);
    }
    const std::string guess = ClosestMatch(name, words);
    Problem(span, "`" + name + "` is not a rule, a rule name or a category",
            guess.empty() ? "`agentlint rules` lists them" : "did you mean `" + guess + "`?");
  }

  void ReadSelection(const YamlNode& map, RuleSelection& out) {
    if (const YamlNode* n = map.Find("select")) out.select = RuleList(*n, "select");
    if (const YamlNode* n = map.Find("extend-select"))
      out.extend_select = RuleList(*n, "extend-select");
    if (const YamlNode* n = map.Find("ignore")) out.ignore = RuleList(*n, "ignore");
    if (const YamlNode* n = map.Find("severity")) {
      if (!n->IsMapping())
        return Problem(n->span, "`severity` must map rules to error, warning or info", "");
      for (size_t i = 0; i < n->MapSize(); ++i) {
        CheckRuleName(n->Key(i).span, n->Key(i).value);
        const auto level = ParseSeverity(n->Value(i).value);
        if (!level) {
          Problem(n->Value(i).span, "`" + n->Value(i).value + "` is not a severity",
                  "use error, warning or info");
          continue;
        }
        out.severity[n->Key(i).value] = *level;
      }
    }
  }

  // Compiles a glob; a malformed one is a finding at its position (and matches nothing).
  Glob MakeGlob(const YamlNode& node) {
    Glob glob(node.value);
    if (!glob.ok())
      Problem(node.span, "`" + node.value + "` is not a usable glob: " + glob.error(),
              "`*` matches within a folder, `**` across folders, `?` one character");
    return glob;
  }

  std::vector<Glob> Globs(const YamlNode& node, std::string_view key) {
    std::vector<Glob> out;
    if (node.IsScalar()) return {MakeGlob(node)};
    if (!node.IsSequence()) {
      Problem(node.span, "`" + std::string(key) + "` must be a list of globs", "");
      return out;
    }
    for (const YamlNode& item : node.children) {
      if (item.IsScalar()) {
        out.push_back(MakeGlob(item));
      } else {
        Problem(item.span, "`" + std::string(key) + "` items must be strings", "");
      }
    }
    return out;
  }

  void CheckKeys(const YamlNode& map, const std::vector<std::string>& allowed) {
    for (size_t i = 0; i < map.MapSize(); ++i) {
      const YamlNode& key = map.Key(i);
      if (Contains(allowed, key.value)) continue;
      const std::string guess = ClosestMatch(key.value, allowed);
      Problem(key.span, "`" + key.value + "` is not a configuration key",
              guess.empty() ? "see docs/configuration.md" : "did you mean `" + guess + "`?");
    }
  }

 private:
  static std::vector<std::string> Split(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = text.find(',', start);
      if (comma == std::string_view::npos) comma = text.size();
      const std::string_view part = Trim(text.substr(start, comma - start));
      if (!part.empty()) out.emplace_back(part);
      start = comma + 1;
    }
    return out;
  }
  static Span ItemSpan(const YamlNode& node, size_t i) {
    return node.IsSequence() && i < node.children.size() ? node.children[i].span : node.span;
  }

  Config& config_;
  const SourceFile& source_;
};

// `options: {body-too-long: {max-characters: N}, overlapping-descriptions: {min-similarity: X}}`
void ReadOptions(const YamlNode& node, Checker& check, Config& config) {
  if (!node.IsMapping())
    return check.Problem(node.span, "`options` must map rules to their options", "");
  // The value of `values[key]` when it is a number in [min, max].
  const auto number = [](const YamlNode& values, const char* key, double min,
                         double max) -> std::optional<double> {
    const YamlNode* value = values.Find(key);
    if (!value || !value->IsScalar()) return std::nullopt;
    const std::optional<double> parsed = ParseNumber(value->value);
    if (!parsed || *parsed < min || *parsed > max) return std::nullopt;
    return parsed;
  };
  for (size_t i = 0; i < node.MapSize(); ++i) {
    const std::string& rule = node.Key(i).value;
    const YamlNode& values = node.Value(i);
    if (rule == "body-too-long") {
      if (const auto max = number(values, "max-characters", 1, 1e12)) {
        config.max_body_characters = static_cast<size_t>(*max);
        continue;
      }
    } else if (rule == "overlapping-descriptions") {
      if (const auto min = number(values, "min-similarity", 0.01, 1)) {
        config.description_overlap = *min;
        continue;
      }
    }
    check.Problem(node.Key(i).span, "no option of `" + rule + "` is understood here",
                  "options: body-too-long.max-characters (a whole number), "
                  "overlapping-descriptions.min-similarity (a number from 0 to 1)");
  }
}

// `limits: {file-bytes, front-matter-bytes, yaml-depth, markdown-depth, table-cells, files,
// code-frame-width}`
void ReadLimits(const YamlNode& node, Checker& check, Config& config) {
  if (!node.IsMapping()) return check.Problem(node.span, "`limits` must be a mapping", "");
  const std::map<std::string, std::optional<size_t>*> keys = {
      {"file-bytes", &config.limit_file_bytes},
      {"front-matter-bytes", &config.limit_front_matter_bytes},
      {"yaml-depth", &config.limit_yaml_depth},
      {"markdown-depth", &config.limit_markdown_depth},
      {"table-cells", &config.limit_table_cells},
      {"files", &config.limit_files},
      {"code-frame-width", &config.limit_frame_width}};
  for (size_t i = 0; i < node.MapSize(); ++i) {
    const auto key = keys.find(node.Key(i).value);
    const std::optional<uint64_t> value = ParseWholeNumber(node.Value(i).value);
    // Up to 2^30: positions and columns stay far inside their types.
    if (key == keys.end() || !value || *value == 0 || *value > (uint64_t{1} << 30)) {
      check.Problem(
          node.Key(i).span,
          "`limits." + node.Key(i).value + "` is not a limit, or not a positive whole number",
          "limits: file-bytes, front-matter-bytes, yaml-depth, markdown-depth, table-cells, "
          "files, code-frame-width");
      continue;
    }
    *key->second = static_cast<size_t>(*value);
  }
}

}  // namespace

std::optional<Config> LoadConfig(const std::string& path, std::string& error) {
  // A configuration is a screenful of YAML; a huge one is a mistake or hostile.
  constexpr std::uintmax_t kMaxConfigBytes = 1024 * 1024;
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > kMaxConfigBytes) {
    error = path + ": the config is over 1 MiB; it was not read";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the config " + path;
    return std::nullopt;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseConfig(path, text, error);
}

std::optional<Config> ParseConfig(const std::string& path, const std::string& text,
                                  std::string& error) {
  const YamlParse parse = ParseYaml(text);
  const SourceFile source(path, text);
  if (!parse.ok) {
    const LineCol at = source.Locate(parse.error_offset);
    error = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
            ": the config is not valid YAML: " + parse.error;
    return std::nullopt;
  }
  Config config;
  config.path = path;
  std::error_code ec;
  config.dir = fs::absolute(path, ec).parent_path().lexically_normal().string();
  if (parse.root->IsNull()) return config;
  if (!parse.root->IsMapping()) {
    error = path + ": the config must be a mapping of keys to values";
    return std::nullopt;
  }
  const YamlNode& root = *parse.root;
  Checker check(config, source);
  check.CheckKeys(root, {"select", "extend-select", "ignore", "severity", "fail-on",
                         "section-profile", "known-agents", "exclude", "overrides", "knowledge",
                         "options", "project-scope", "limits", "claude-code-version"});
  if (const YamlNode* n = root.Find("limits")) ReadLimits(*n, check, config);
  if (const YamlNode* n = root.Find("knowledge")) {
    config.knowledge = std::make_shared<Knowledge>(EmbeddedKnowledge());
    std::vector<KnowledgeError> errors;
    ExtendKnowledge(*config.knowledge, *n, errors);
    for (const KnowledgeError& e : errors)
      check.Problem(e.span.empty() ? n->span : e.span, e.message, "see docs/configuration.md");
  }
  if (const YamlNode* n = root.Find("claude-code-version")) {
    // Knowledge as it was for that release: tools it did not have yet are unknown, tools
    // removed since still work.
    if (!n->IsScalar() || !CompareVersions(n->value, "0.0")) {
      check.Problem(n->span, "`claude-code-version` must be a version such as `2.1.200`", "");
    } else {
      config.claude_code_version = n->value;
      config.knowledge = std::make_shared<Knowledge>(ForClaudeCodeVersion(
          config.knowledge ? *config.knowledge : EmbeddedKnowledge(), n->value));
    }
  }
  if (const YamlNode* n = root.Find("options")) ReadOptions(*n, check, config);
  if (const YamlNode* n = root.Find("project-scope")) {
    if (n->value == "repository") {
      config.repository_scope = true;
    } else if (n->value != "folder") {
      check.Problem(n->span, "`project-scope` must be `folder` or `repository`", "");
    }
  }
  check.ReadSelection(root, config.rules);
  if (const YamlNode* n = root.Find("fail-on")) {
    config.fail_on = ParseSeverity(n->value);
    if (!config.fail_on) check.Problem(n->span, "`fail-on` must be error, warning or info", "");
  }
  if (const YamlNode* n = root.Find("section-profile")) config.section_profile = n->value;
  if (const YamlNode* n = root.Find("known-agents"))
    config.known_agents = check.Strings(*n, "known-agents");
  if (const YamlNode* n = root.Find("exclude")) config.exclude = check.Globs(*n, "exclude");
  if (const YamlNode* n = root.Find("overrides")) {
    if (!n->IsSequence()) {
      check.Problem(n->span, "`overrides` must be a list of `{files: glob, ...}`", "");
    } else {
      for (const YamlNode& item : n->children) {
        if (!item.IsMapping() || !item.Find("files") || !item.Find("files")->IsScalar()) {
          check.Problem(item.span, "each override needs `files: <glob>`", "");
          continue;
        }
        check.CheckKeys(item, {"files", "select", "extend-select", "ignore", "severity"});
        ConfigOverride override;
        override.files = check.MakeGlob(*item.Find("files"));
        check.ReadSelection(item, override.rules);
        config.overrides.push_back(std::move(override));
      }
    }
  }
  for (const YamlDuplicateKey& dup : parse.duplicate_keys) {
    check.Problem(dup.duplicate, "`" + dup.key + "` is set twice", "keep one");
  }
  return config;
}

std::string DescribeConfig(const Config& config) {
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
  };
  const auto selection = [&](const RuleSelection& r, const std::string& indent) {
    std::string out;
    out += indent + "select: " + list(r.select) + "\n";
    out += indent + "extend-select: " + list(r.extend_select) + "\n";
    out += indent + "ignore: " + list(r.ignore) + "\n";
    out += indent + "severity: {";
    size_t i = 0;
    for (const auto& [rule, level] : r.severity)
      out += std::string(i++ ? ", " : "") + rule + ": " + SeverityName(level);
    return out + "}\n";
  };
  std::string out =
      "# config: " + (config.path.empty() ? std::string("(none)") : config.path) + "\n";
  out += selection(config.rules, "");
  out += "fail-on: " + std::string(config.fail_on ? SeverityName(*config.fail_on) : "error") + "\n";
  out += "section-profile: " + config.section_profile.value_or("auto") + "\n";
  out += "known-agents: " + list(config.known_agents) + "\n";
  std::vector<std::string> exclude;
  for (const Glob& glob : config.exclude) exclude.push_back(glob.pattern());
  out += "exclude: " + list(exclude) + "\n";
  out += "project-scope: " + std::string(config.repository_scope ? "repository" : "folder") + "\n";
  if (!config.claude_code_version.empty())
    out += "claude-code-version: " + config.claude_code_version + "\n";
  if (config.knowledge) {
    out += "knowledge: " + std::to_string(config.knowledge->tools.size()) + " tools, " +
           std::to_string(config.knowledge->conflict_topics.size()) + " conflict topics, " +
           std::to_string(config.knowledge->section_profiles.size()) + " section profiles\n";
  }
  out += "overrides:\n";
  for (const ConfigOverride& o : config.overrides)
    out += "  - files: " + o.files.pattern() + "\n" + selection(o.rules, "    ");
  return EscapeControl(out, "\n");  // values come from the file: safe for the terminal
}

}  // namespace agentlint
