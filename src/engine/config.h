// `.agentlint.yaml`: rule selection, severities, the failure level, section profile, agents
// defined elsewhere, excluded paths and per-glob overrides. Found upward from each linted file
// (the nearest wins) or given with --config; command-line options win over it. The config is
// linted itself: unknown keys and rule names are findings with their position.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/glob.h"
#include "core/knowledge.h"

namespace agentlint {

struct RuleSelection {
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;  // rule id or name -> severity
};

struct ConfigOverride {
  Glob files{""};  // relative to the config's folder
  RuleSelection rules;
};

struct Config {
  std::string path;  // the file, "" for none
  std::string dir;   // its folder: globs are relative to it
  RuleSelection rules;
  std::optional<Severity> fail_on;
  std::optional<std::string> section_profile;
  std::vector<std::string> known_agents;
  std::vector<Glob> exclude;
  std::vector<ConfigOverride> overrides;
  std::shared_ptr<Knowledge> knowledge;  // the embedded knowledge plus `knowledge:`, when given
  std::string claude_code_version;       // `claude-code-version`: the release the team runs
  std::optional<size_t> max_body_characters;
  std::optional<double> description_overlap;
  bool repository_scope = false;
  // `limits:`; unset ones keep the defaults.
  std::optional<size_t> limit_file_bytes, limit_front_matter_bytes, limit_yaml_depth,
      limit_markdown_depth, limit_table_cells, limit_files, limit_frame_width;
  std::vector<Diagnostic> problems;  // findings about the config file itself
};

// Reads and checks a config file. A file that does not parse returns nullopt and says why.
std::optional<Config> LoadConfig(const std::string& path, std::string& error);
// The same from text already read (`path` names it in messages and sets the glob folder).
std::optional<Config> ParseConfig(const std::string& path, const std::string& text,
                                  std::string& error);

// The nearest `.agentlint.yaml` in `start` or a folder above it, or "".
// A run that asks for many files passes one `ConfigSearch`: each folder is then looked in once,
// and the search from a new folder stops at the first folder searched before.
struct ConfigSearch {
  std::map<std::string, std::string> found;  // absolute folder -> what the search from it gave
  std::optional<std::string> cwd;
};
std::string FindConfig(const std::string& start, ConfigSearch* search = nullptr);

// True when one of the config's `exclude` globs matches `file`.
bool Excluded(const Config& config, const std::string& file);

// The config's path-relative view of `file` ("" when the file is outside the config's folder).
std::string RelativeToConfig(const Config& config, const std::string& file);

// The config as YAML, for `agentlint config`.
std::string DescribeConfig(const Config& config);

}  // namespace agentlint
