#include "engine/linter.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <latch>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "checks/common.h"
#include "checks/registry.h"
#include "core/check.h"
#include "core/claude.h"
#include "core/knowledge.h"
#include "core/memory.h"
#include "core/project.h"
#include "engine/config.h"
#include "engine/parallel.h"
#include "engine/suppression.h"

namespace agentlint {

AgentDoc LoadDocument(const DiscoveredFile& file, const LintOptions& options, bool parse_body) {
  FileOrigin origin = file.origin;
  std::string text;
  if (const auto it = options.unsaved.find(file.path); it != options.unsaved.end()) {
    text = it->second;
    if (text.size() > options.max_file_bytes)
      origin.read_error = "the text is " + std::to_string(text.size()) +
                          " bytes, over the limit of " + std::to_string(options.max_file_bytes);
  } else if (origin.over_file_limit) {
    // Not read at all: input-limit-exceeded reports it.
  } else {
    // One open and fstat: not a regular file, over the limit, or unreadable is the read error.
    std::string error;
    if (!ReadFileBytes(file.path, text, error, options.max_file_bytes)) origin.read_error = error;
  }
  return AgentDoc(SourceFile(file.path, std::move(text)), origin, options.limits, parse_body);
}

bool SelectorMatches(std::string_view selector, const RuleInfo& rule) {
  return selector == "all" || selector == rule.id || selector == rule.name ||
         selector == CategoryName(rule.category);
}

std::vector<std::string> UnknownSelectors(const LintOptions& options) {
  std::vector<std::string> unknown;
  for (const auto* list : {&options.select, &options.extend_select, &options.ignore}) {
    for (const std::string& selector : *list) {
      bool known = false;
      for (const RuleInfo& rule : AllRules()) known |= SelectorMatches(selector, rule);
      if (!known) unknown.push_back(selector);
    }
  }
  return unknown;
}

namespace {

bool Enabled(const RuleInfo& rule, const LintOptions& options) {
  const auto named = [&](const std::vector<std::string>& list) {
    for (const std::string& selector : list) {
      if (SelectorMatches(selector, rule)) return true;
    }
    return false;
  };
  if (rule.id == "AL901") return true;
  if (named(options.ignore)) return false;
  if (named(options.extend_select)) return true;
  return options.select.empty() ? rule.default_on : named(options.select);
}

// What every check and summarizer of one file shares, computed once: the knowledge in force,
// what Claude Code makes of the file, and the body's prose index.
struct SharedFileFacts {
  const Knowledge& knowledge;
  std::optional<ClaudeAgent> claude;
  std::vector<ProseLine> prose;
  ScanResult knowledge_scan;  // one regex pass over the file, instead of one per rule

  SharedFileFacts(const AgentDoc& doc, const LintOptions& options)
      : knowledge(KnowledgeOf(options)), prose(ProseIndex(doc.body(), doc.source().text())) {
    if (doc.dialect() == Dialect::kClaude) claude = ResolveClaudeAgent(doc, knowledge);
    if (knowledge.scan) knowledge_scan = knowledge.scan->Scan(doc.source().text());
  }
  // From what a sibling's reading already found (its body parsed since).
  SharedFileFacts(const AgentDoc& doc, const LintOptions& options,
                  std::optional<ClaudeAgent> resolved, ScanResult scan)
      : knowledge(KnowledgeOf(options)),
        claude(std::move(resolved)),
        prose(ProseIndex(doc.body(), doc.source().text())),
        knowledge_scan(std::move(scan)) {}
  FileContext Context(const AgentDoc& doc, const LintOptions& options) const {
    return {doc, knowledge, options.checks, claude ? &*claude : nullptr, &prose, &knowledge_scan};
  }
  static const Knowledge& KnowledgeOf(const LintOptions& options) {
    return options.checks.knowledge ? *options.checks.knowledge : EmbeddedKnowledge();
  }
};

std::vector<Diagnostic> RunChecks(const FileContext& ctx, const LintOptions& options) {
  const AgentDoc& doc = ctx.doc;
  std::vector<Diagnostic> out;
  for (const RuleInfo& rule : AllRules()) {
    if (!Enabled(rule, options) || rule.project_check) continue;
    if (rule.scope == RuleScope::kClaudeOnly && doc.dialect() != Dialect::kClaude) continue;
    if (!doc.origin().read_error.empty() && rule.id != "AL001") continue;
    if (doc.origin().over_file_limit && rule.id != "AL012") continue;
    // Without a closed front-matter block no loader reads the file as an agent, and the fake
    // front matter would read as body text (`---` under a line makes a heading): only the
    // input rules speak.
    if (!doc.front_matter().closed && rule.category != Category::kInput) continue;
    Reporter reporter(rule, doc, out);
    try {
      rule.check(ctx, reporter);
    } catch (const std::exception& e) {
      Reporter internal(*FindRule("internal-error"), doc, out);
      internal.Report({0, 0}, "rule " + std::string(rule.id) + " failed: " + e.what(),
                      "please report this with the file attached");
    }
  }
  return out;
}

// Which summarizers a run calls: those of the project rules it runs, each function once (two
// rules may read the same evidence: choice-not-in-repository reads conflicting-guidance's
// stances). A file that is not linted (a sibling) gives only evidence compared across files.
struct SummaryPlan {
  bool any = true;  // false: no project rule runs, so no file is summarized and no sibling read
  std::vector<Summarizer> linted;
  std::vector<Summarizer> sibling;
};

// `on`: by index in AllRules(), the project rules the run runs; nullptr: all of them.
SummaryPlan PlanSummaries(const std::vector<bool>* on) {
  SummaryPlan plan;
  const auto add = [](std::vector<Summarizer>& to, Summarizer s) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  };
  const std::vector<RuleInfo>& rules = AllRules();
  if (on) plan.any = std::find(on->begin(), on->end(), true) != on->end();
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& rule = rules[i];
    if (!rule.summarize || rule.summarize == &SummarizeNothing) continue;
    if (on && !(*on)[i]) continue;
    add(plan.linted, rule.summarize);
    if (rule.evidence == RuleInfo::EvidenceUse::kAcrossFiles) add(plan.sibling, rule.summarize);
  }
  return plan;
}

// `sibling`: the file is not linted, so only evidence compared across files is taken.
AgentSummary RunSummarizers(const FileContext& ctx, const SummaryPlan& plan, bool sibling = false) {
  const AgentDoc& doc = ctx.doc;
  AgentSummary summary = SummarizeIdentity(doc, ctx.claude);
  if (!doc.origin().read_error.empty() || doc.origin().over_file_limit) return summary;
  for (Summarizer summarize : sibling ? plan.sibling : plan.linted) {
    try {
      summarize(ctx, summary);
    } catch (const std::exception&) {
      // The rule's evidence from this file is lost; its project check still runs on the rest.
    }
  }
  return summary;
}

}  // namespace

std::vector<Diagnostic> CheckDocument(const AgentDoc& doc, const LintOptions& options) {
  const SharedFileFacts facts(doc, options);
  return RunChecks(facts.Context(doc, options), options);
}

AgentSummary Summarize(const AgentDoc& doc, const LintOptions& options) {
  const SharedFileFacts facts(doc, options);
  return RunSummarizers(facts.Context(doc, options), PlanSummaries(nullptr));
}

void SortAndDeduplicate(std::vector<Diagnostic>& diagnostics) {
  // Lint hands its findings over sorted file by file, out of order only where a config's own
  // findings come last: checking costs a comparison each, sorting moves each finding a dozen
  // times.
  if (!std::is_sorted(diagnostics.begin(), diagnostics.end(), DiagnosticLess))
    std::stable_sort(diagnostics.begin(), diagnostics.end(), DiagnosticLess);
  const auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.rule == b.rule && a.location.path == b.location.path &&
           a.location.span.begin == b.location.span.begin &&
           a.location.span.end == b.location.span.end && a.message == b.message;
  };
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(), same), diagnostics.end());
}

std::vector<std::vector<Diagnostic>> CheckProject(const Project& project,
                                                  const LintOptions& options) {
  const ProjectContext ctx{
      project, options.checks.knowledge ? *options.checks.knowledge : EmbeddedKnowledge(),
      options.checks};
  std::vector<const RuleInfo*> rules;
  for (const RuleInfo& rule : AllRules()) {
    if (rule.project_check && Enabled(rule, options)) rules.push_back(&rule);
  }
  // The rules are independent readers of the summaries: they run side by side (-j), each into
  // its own list. The lists are not joined: a big folder's findings would be held twice.
  std::vector<std::vector<Diagnostic>> found(rules.size());
  ForEachParallel(rules.size(), options.jobs, [&](size_t i) {
    const RuleInfo& rule = *rules[i];
    ProjectReporter reporter(rule, found[i]);
    try {
      rule.project_check(ctx, reporter);
    } catch (const std::exception& e) {
      // Reported on the first agent of the run (at its start): the rule failed for all of them.
      if (!project.agents().empty()) {
        Anchor at;
        at.location.path = project.agents().front().path;
        ProjectReporter(*FindRule("internal-error"), found[i])
            .Report(at, "rule " + std::string(rule.id) + " failed: " + e.what(),
                    "please report this with the files attached");
      }
    }
  });
  return found;
}

// Applies one file's inline suppressions to its own findings (`mine`), then reports the unused
// and invalid ones into it, at the places its suppressions hold.
void ApplyFileSuppressions(Suppressions& suppressions, std::vector<Diagnostic>& mine,
                           const LintOptions& options) {
  if (suppressions.empty()) return;
  ApplySuppressions(suppressions, mine);
  const RuleInfo& unused = *FindRule("unused-suppression");
  const RuleInfo& invalid = *FindRule("invalid-suppression");
  if (Enabled(invalid, options)) {
    ProjectReporter reporter(invalid, mine);
    for (const SuppressionProblem& p : suppressions.problems)
      reporter.Report(p.at, p.message, p.help);
  }
  if (Enabled(unused, options)) {
    ProjectReporter reporter(unused, mine);
    for (const Suppression& s : suppressions.items) {
      for (size_t i = 0; i < s.rules.size(); ++i) {
        const RuleInfo* rule = FindRule(s.rules[i]);
        if (s.used[i] || !rule || !Enabled(*rule, options)) continue;
        reporter.Report(s.rule_at[i], "no `" + s.rules[i] + "` finding here to suppress",
                        "remove it from the suppression");
      }
    }
  }
}

namespace {

void Append(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

LintOptions EffectiveOptions(const LintOptions& cli, const Config* config,
                             const std::string& file) {
  if (!config) return cli;
  LintOptions out = cli;
  RuleSelection rules = config->rules;
  for (const ConfigOverride& o : config->overrides) {
    if (!o.files.Matches(RelativeToConfig(*config, file))) continue;
    if (!o.rules.select.empty()) rules.select = o.rules.select;
    Append(rules.extend_select, o.rules.extend_select);
    Append(rules.ignore, o.rules.ignore);
    for (const auto& [rule, level] : o.rules.severity) rules.severity[rule] = level;
  }
  if (out.select.empty()) out.select = rules.select;
  out.extend_select = rules.extend_select;
  Append(out.extend_select, cli.extend_select);
  out.ignore = rules.ignore;
  Append(out.ignore, cli.ignore);
  out.severity = rules.severity;
  if (cli.checks.section_profile == "auto" && config->section_profile) {
    out.checks.section_profile = *config->section_profile;
  }
  Append(out.checks.known_agents, config->known_agents);
  if (config->knowledge) out.checks.knowledge = config->knowledge.get();
  if (config->max_body_characters) out.checks.max_body_characters = *config->max_body_characters;
  if (config->description_overlap) out.checks.description_overlap = *config->description_overlap;
  if (config->limit_file_bytes) out.max_file_bytes = *config->limit_file_bytes;
  if (config->limit_front_matter_bytes)
    out.limits.max_front_matter_bytes = *config->limit_front_matter_bytes;
  if (config->limit_yaml_depth)
    out.limits.max_yaml_depth = static_cast<int>(std::min<size_t>(*config->limit_yaml_depth, 1000));
  if (config->limit_markdown_depth)
    out.limits.markdown.max_depth =
        static_cast<int>(std::min<size_t>(*config->limit_markdown_depth, 1000));
  if (config->limit_table_cells)
    out.limits.markdown.max_table_cells =
        static_cast<int>(std::min<size_t>(*config->limit_table_cells, 1000));
  if (config->limit_files) out.max_files = *config->limit_files;
  return out;
}

namespace {

void ApplySeverity(Diagnostic& d, const LintOptions& options) {
  for (const auto& [rule, level] : options.severity) {
    if (rule == d.rule->id || rule == d.rule->name || rule == CategoryName(d.rule->category) ||
        rule == "all") {
      d.severity = level;
    }
  }
}

}  // namespace

const std::string& ConfigSet::PathFor(const std::string& file, const LintOptions& options) {
  static const std::string kNone;
  if (!options.use_config) return kNone;
  // The nearest config of a folder is looked up once per folder. The key is the folder as the
  // path spells it, up to its last `/` ("" for the working folder, "/" for the root): a folder
  // spelt two ways is looked up twice, and is never taken for another.
  const size_t slash = file.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : file.substr(0, slash + 1);
  auto found = nearest_.find(dir);
  if (found == nearest_.end()) {
    found = nearest_
                .emplace(dir, options.config_path.empty() ? FindConfig(file, &search_)
                                                          : options.config_path)
                .first;
  }
  return found->second;
}

const Config* ConfigSet::For(const std::string& file, const LintOptions& options) {
  const std::string& path = PathFor(file, options);
  if (path.empty()) return nullptr;
  auto it = configs_.find(path);
  if (it == configs_.end()) {
    std::string error;
    std::optional<Config> config = LoadConfig(path, error);
    if (!config) errors_.push_back(error);
    it = configs_.emplace(path, std::move(config)).first;
  }
  return it->second ? &*it->second : nullptr;
}

namespace {

// One file's part of a run: its own findings (when it is linted), its summary for the project
// checks, and its suppressions (to apply to project findings later). The parsed document is
// not kept: it is freed as soon as these are taken from it.
struct FileResult {
  std::vector<Diagnostic> diagnostics;
  std::optional<AgentSummary> summary;
  std::optional<Suppressions> suppressions;
};

// What the run keeps of a file's result until the merge: its findings and its directives. Its
// summary goes straight into its slot of the run's summaries, so that no file's summary is ever
// held twice (in its result, then in the list the project checks take).
struct FileFindings {
  std::vector<Diagnostic> diagnostics;
  std::optional<Suppressions> suppressions;
};

// Every suppression directive starts so; the file's one regex pass tells whether it has any.
// (Registered before main, like every ScanPattern, so the pass includes it.)
const ScanPattern kDirective("agentlint-");

FileResult ProcessFile(const DiscoveredFile& file, const LintOptions& options,
                       const LintOptions& own, const SummaryPlan& plan) {
  FileResult out;
  const AgentDoc doc = LoadDocument(file, options);
  const SharedFileFacts facts(doc, own);  // once, for checks and summary
  out.diagnostics = RunChecks(facts.Context(doc, own), own);
  out.diagnostics.shrink_to_fit();  // kept until the run ends: no room to spare
  if (own.inline_config) {
    out.suppressions = Suppressions{};
    if (Saw(facts.Context(doc, own), kDirective)) {
      out.suppressions = ParseSuppressions(doc);
      AnchorSuppressions(*out.suppressions, doc.source());
    }
  }
  if (plan.any && doc.origin().read_error.empty())
    out.summary = RunSummarizers(facts.Context(doc, options), plan);
  return out;
}

// The patterns by which a file may take a stance on one of the `wanted` conflict topics: the
// knowledge's one-pass set holds them among all its others, and a pass with these alone says
// the same of them (a set reports each of its patterns on its own) with a far smaller
// automaton, which stays in the processor's cache. nullptr when a wanted choice has a pattern
// the one pass does not hold (then every file may).
std::unique_ptr<PatternSet> StanceGate(const Knowledge& knowledge,
                                       const std::vector<bool>& wanted) {
  auto gate = std::make_unique<PatternSet>();
  for (size_t t = 0; t < wanted.size() && t < knowledge.conflict_topics.size(); ++t) {
    if (!wanted[t]) continue;
    for (const ConflictChoice& choice : knowledge.conflict_topics[t].choices) {
      if (choice.pattern_scan.size() < choice.patterns.size() ||
          choice.command_scan.size() < choice.commands.size())
        return nullptr;
      for (const auto& pattern : choice.patterns) gate->Add(pattern->pattern());
      for (size_t i = 0; i < choice.commands.size(); ++i) gate->Add(choice.CommandScan(i));
    }
  }
  gate->Compile();
  return gate;
}

// A sibling of the linted files costs a summary, not a lint: its front matter gives its identity,
// and its body is parsed only when it may take a stance on a conflict topic that a linted file
// takes one on (`wanted`), the only evidence of a sibling that findings on linted files use.
FileResult ProcessSibling(const DiscoveredFile& file, const LintOptions& options,
                          const SummaryPlan& plan, const std::vector<bool>& wanted,
                          const PatternSet* stance_gate) {
  FileResult out;
  AgentDoc doc = LoadDocument(file, options, /*parse_body=*/false);
  if (!doc.origin().read_error.empty()) return out;
  const Knowledge& knowledge = SharedFileFacts::KnowledgeOf(options);
  // Its tools matter only to `agentlint graph`, which keeps the summaries.
  const ClaudeDetail detail =
      options.keep_summaries ? ClaudeDetail::kFull : ClaudeDetail::kIdentity;
  std::optional<ClaudeAgent> claude;
  if (doc.dialect() == Dialect::kClaude) claude = ResolveClaudeAgent(doc, knowledge, detail);
  // A sibling that can take none of the wanted stances gives its identity alone.
  const auto identity_only = [&] {
    out.summary = SummarizeIdentity(doc, claude ? &*claude : nullptr);
    return std::move(out);
  };
  const bool any_wanted = std::find(wanted.begin(), wanted.end(), true) != wanted.end();
  if (!any_wanted || !doc.origin().scope_is_agent_root || doc.origin().over_file_limit)
    return identity_only();
  // Most siblings mention no wanted topic: the gate's smaller pass tells, and only the others
  // take the knowledge's whole pass (which their summarizers read).
  if (stance_gate && stance_gate->Scan(doc.source().text()).FoundNothing()) return identity_only();
  ScanResult scan;
  if (knowledge.scan) scan = knowledge.scan->Scan(doc.source().text());
  bool may_occur = false;
  for (size_t t = 0; t < wanted.size() && t < knowledge.conflict_topics.size(); ++t)
    may_occur = may_occur || (wanted[t] && knowledge.conflict_topics[t].MayOccurIn(scan));
  if (!may_occur) return identity_only();
  doc.ParseBody(options.limits);
  const SharedFileFacts facts(doc, options, std::move(claude), std::move(scan));
  FileContext ctx = facts.Context(doc, options);
  ctx.stance_topics = &wanted;
  out.summary = RunSummarizers(ctx, plan, /*sibling=*/true);
  return out;
}

}  // namespace

// The heap the warm-up thread makes present before it loads the knowledge and builds its
// automaton (about 1 MiB; core/memory.h, and nothing unless the run asked for it). The loops
// below ask for theirs step by step (ForEachParallel's tasks too), and for a big block just
// before it is reserved.
constexpr size_t kPrefaultWarm = 1 << 20;

LintResult Lint(const std::vector<std::string>& paths, const LintOptions& cli) {
  // With more than one thread, the knowledge (its tables and the one-pass automaton) is made
  // while the files are discovered: a run that names one file pays mostly for discovery. Then
  // the same thread compiles the code's fixed regexes while the first files are checked (until
  // the run ends): a run that names one file would otherwise compile them one by one inside
  // that file's checks, its other thread idle.
  std::latch knowledge_ready(1);
  std::jthread warm;
  if (cli.jobs > 1 && !cli.checks.knowledge) {
    warm = std::jthread([&knowledge_ready](std::stop_token stop) {
      try {
        PrefaultHeap(kPrefaultWarm);
        const Knowledge& k = EmbeddedKnowledge();
        if (k.scan) k.scan->Scan("");
      } catch (const std::exception&) {
        // Reported again, on this thread, where the knowledge is first needed.
      }
      knowledge_ready.count_down();
      CompileRegexes([&stop] { return stop.stop_requested(); });
    });
  } else {
    knowledge_ready.count_down();
  }
  LintResult result;
  std::vector<std::string> unsaved;
  for (const auto& [path, text] : cli.unsaved) unsaved.push_back(path);
  Discovery discovery = Discover(paths, unsaved);
  result.errors = std::move(discovery.errors);
  result.skipped = std::move(discovery.skipped);
  ConfigSet configs;
  // Files the config excludes are not linted, and not loaded as siblings either.
  std::vector<DiscoveredFile> files;
  for (DiscoveredFile& file : discovery.files) {
    const Config* config = configs.For(file.path, cli);
    if (config && Excluded(*config, file.path)) {
      result.skipped.push_back(file.path);
      continue;
    }
    if (config && config->repository_scope) {
      // `project-scope: repository`: every agent under the config's folder is one scope.
      file.origin.scope = config->dir;
      file.origin.scope_is_agent_root = true;
    }
    files.push_back(std::move(file));
  }
  const Config* first = paths.empty() ? nullptr : configs.For(paths.front(), cli);
  // A config that cannot be read stops the run before anything is linted without it.
  if (!configs.errors().empty()) {
    result.errors.insert(result.errors.end(), configs.errors().begin(), configs.errors().end());
    result.diagnostics.clear();
    result.stopped = true;
    return result;
  }
  // The project's own instructions (CLAUDE.md and its imports), read like siblings.
  for (DiscoveredFile& party : ProjectInstructions(files)) files.push_back(std::move(party));
  const size_t max_files = first && first->limit_files ? *first->limit_files : cli.max_files;
  for (size_t i = max_files; i < files.size(); ++i) files[i].origin.over_file_limit = true;
  const LintOptions options = EffectiveOptions(cli, first, paths.empty() ? "" : paths.front());
  // Options per linted file first (configs are read once, on this thread).
  // Files under one configuration without per-file overrides share one set of options.
  std::map<std::string, const LintOptions*> file_options;
  std::deque<LintOptions> distinct_options;
  std::map<const Config*, const LintOptions*> by_config;
  for (const DiscoveredFile& file : files) {
    if (!file.origin.reported) continue;  // a sibling, read for the project checks only
    const Config* config = configs.For(file.path, cli);
    const bool shared = !config || config->overrides.empty();
    const auto known = shared ? by_config.find(config) : by_config.end();
    if (known != by_config.end()) {
      file_options.emplace(file.path, known->second);
      continue;
    }
    const LintOptions* own =
        &distinct_options.emplace_back(EffectiveOptions(cli, config, file.path));
    if (shared) by_config.emplace(config, own);
    file_options.emplace(file.path, own);
  }
  // The project rules run when some linted file's options enable them (the findings are then
  // kept for those files alone); the others, and the summarizers only they read, do not run.
  // `agentlint graph` keeps every summary: all of them run.
  const std::vector<RuleInfo>& rules = AllRules();
  std::vector<bool> project_on(rules.size(), false);
  LintOptions project_options = options;
  project_options.select.clear();
  project_options.extend_select.clear();
  project_options.ignore.clear();
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].project_check) continue;
    project_on[r] = cli.keep_summaries ||
                    std::any_of(distinct_options.begin(), distinct_options.end(),
                                [&](const LintOptions& own) { return Enabled(rules[r], own); });
    if (project_on[r]) project_options.select.emplace_back(rules[r].id);
  }
  const SummaryPlan plan = PlanSummaries(&project_on);
  // Then each linted file is read, parsed, checked and summarized in parallel, into its own
  // slot, and its document freed; then the siblings, for what the linted files' project
  // findings need of them. Results are merged in discovery order, so output never depends on -j.
  const size_t count = files.size();
  const size_t summary_slots = plan.any ? count : 0;  // no project rule: no file is summarized
  PrefaultHeap(count * (sizeof(FileFindings) + 1) + summary_slots * sizeof(AgentSummary) +
               kPrefaultStep);
  std::vector<FileFindings> results(count);
  std::vector<AgentSummary> summaries(summary_slots);
  std::vector<char> summarized(count, 0);  // not vector<bool>: tasks write their own slots
  const auto keep = [&](size_t i, FileResult r) {
    results[i] = {std::move(r.diagnostics), std::move(r.suppressions)};
    if (!r.summary) return;
    summaries[i] = std::move(*r.summary);
    summarized[i] = 1;
  };
  std::vector<size_t> linted;
  std::vector<size_t> siblings;  // not read at all when no project rule runs
  for (size_t i = 0; i < count; ++i) {
    if (file_options.count(files[i].path))
      linted.push_back(i);
    else if (plan.any)
      siblings.push_back(i);
  }
  // Until the knowledge is ready, this thread compiles fixed regexes too (the other thread goes
  // on with those left once the knowledge is made).
  CompileRegexes([&knowledge_ready] { return knowledge_ready.try_wait(); });
  knowledge_ready.wait();
  ForEachParallel(linted, cli.jobs, [&](size_t i) {
    keep(i, ProcessFile(files[i], options, *file_options.at(files[i].path), plan));
  });
  std::vector<bool> wanted;  // the conflict topics a linted file takes a stance on
  for (size_t i : linted) {
    if (!summarized[i]) continue;
    const std::vector<Stance>& stances = summaries[i].stances;
    wanted.resize(std::max(wanted.size(), stances.size()));
    for (size_t t = 0; t < stances.size(); ++t) {
      const Stance& s = stances[t];
      if (!s.prescribed.empty() || !s.ruled_out.empty() || !s.exclusive.empty()) wanted[t] = true;
    }
  }
  const bool any_wanted = std::find(wanted.begin(), wanted.end(), true) != wanted.end();
  const std::unique_ptr<PatternSet> stance_gate =
      any_wanted && !siblings.empty() ? StanceGate(SharedFileFacts::KnowledgeOf(options), wanted)
                                      : nullptr;
  ForEachParallel(siblings, cli.jobs, [&](size_t i) {
    keep(i, ProcessSibling(files[i], options, plan, wanted, stance_gate.get()));
  });
  std::map<std::string, std::vector<Diagnostic>> by_file;  // the linted files' findings
  std::map<std::string, Suppressions> suppressions;
  size_t summary_count = 0;  // the summaries, closed up in discovery order
  for (size_t i = 0; i < count; ++i) {
    PrefaultHeapStep();
    FileFindings& r = results[i];
    if (files[i].origin.reported) {
      ++result.files_linted;
      // Only files with findings or directives take a place in these maps (a file's unused
      // directives are findings too: it needs its place in `by_file` for them).
      const bool directives = r.suppressions && !r.suppressions->empty();
      if (!r.diagnostics.empty() || directives) {
        auto& mine = by_file[files[i].path];
        if (mine.empty()) {
          mine = std::move(r.diagnostics);  // the file's array itself: its findings held once
        } else {
          std::move(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(mine));
        }
      }
      if (directives) suppressions.emplace(files[i].path, std::move(*r.suppressions));
    }
    if (summarized[i]) {
      if (summary_count != i) summaries[summary_count] = std::move(summaries[i]);
      ++summary_count;
    }
  }
  summaries.resize(summary_count);
  std::vector<FileFindings>().swap(results);  // their memory, not only their contents
  // Project rules run once over the summaries; a finding is kept when its file is linted and
  // its file's options enable the rule.
  if (cli.keep_summaries) result.agents = summaries;
  if (!project_options.select.empty()) {
    // The summaries are freed before the findings are shared out (the project is a temporary).
    for (std::vector<Diagnostic>& list :
         CheckProject(Project(std::move(summaries)), project_options)) {
      for (Diagnostic& d : list) {
        const auto it = file_options.find(d.location.path);
        if (it != file_options.end() && Enabled(*d.rule, *it->second))
          by_file[d.location.path].push_back(std::move(d));
      }
      std::vector<Diagnostic>().swap(list);
    }
  }
  size_t total = 0;
  for (const auto& entry : by_file) total += entry.second.size();
  PrefaultHeap(total * sizeof(Diagnostic) + kPrefaultStep);
  result.diagnostics.reserve(total);
  for (auto& [path, mine] : by_file) {
    const LintOptions& own = *file_options.at(path);
    for (Diagnostic& d : mine) ApplySeverity(d, own);
    if (const auto s = suppressions.find(path); s != suppressions.end())
      ApplyFileSuppressions(s->second, mine, own);
    // `by_file` goes through the paths in order: each file's findings sorted on their own put
    // the whole run in order (SortAndDeduplicate then only checks it).
    std::stable_sort(mine.begin(), mine.end(), DiagnosticLess);
    std::move(mine.begin(), mine.end(), std::back_inserter(result.diagnostics));
    std::vector<Diagnostic>().swap(mine);  // each finding is held once, not twice
  }
  for (const auto& [path, config] : configs.all()) {
    if (!config) continue;
    for (const Diagnostic& d : config->problems) result.diagnostics.push_back(d);
  }
  SortAndDeduplicate(result.diagnostics);
  return result;
}

}  // namespace agentlint
