// libFuzzer target for the configuration: bytes -> `.agentlint.yaml` -> its checks, its globs
// (matched against ordinary and pathological paths), its knowledge extension (user regular
// expressions compiled into the checks) and the per-file options -> linting two agents of one
// project with them -> every output format. Any crash, leak, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/project.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "output/text.h"

namespace {

const char* kAgents[] = {
    "---\nname: db\ndescription: Database work. Use for migrations.\ntools: Read, Bash\n---\n"
    "You are a database agent. Use PostgreSQL with SQLAlchemy; run `alembic upgrade head`.\n",
    "---\nname: api\ndescription: API work. Use for endpoints.\ntools: Read, Edit\n---\n"
    "You are an API agent. SQLite only, with the Peewee ORM. key acme_abcdefgh here.\n",
};

const char* kPaths[] = {
    "/work/.claude/agents/db.md",
    "/work/.claude/agents/legacy/old/api.md",
    "/work/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md",
    "/work/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/a/b/c/d/e/f/g/h/i/j/k.md",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace agentlint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const std::optional<Config> config = ParseConfig("/work/.agentlint.yaml", text, error);
  if (!config) return 0;
  volatile size_t sink = DescribeConfig(*config).size();
  for (const char* path : kPaths) sink = sink + Excluded(*config, path);
  LintOptions cli;
  cli.extend_select = {"all"};
  std::vector<AgentDoc> docs;
  docs.reserve(2);
  LintResult result;
  for (size_t i = 0; i < 2; ++i) {
    const LintOptions options = EffectiveOptions(cli, &*config, kPaths[i]);
    FileOrigin origin;
    origin.agent_location = true;
    origin.scope = "/work/.claude/agents";
    origin.scope_is_agent_root = true;
    docs.emplace_back(SourceFile(kPaths[i], kAgents[i]), origin, options.limits);
    std::vector<Diagnostic> found = CheckDocument(docs.back(), options);
    result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
  }
  const LintOptions project_options = EffectiveOptions(cli, &*config, kPaths[0]);
  const Project project({Summarize(docs[0], project_options), Summarize(docs[1], project_options)});
  for (const std::vector<Diagnostic>& list : CheckProject(project, project_options))
    result.diagnostics.insert(result.diagnostics.end(), list.begin(), list.end());
  result.diagnostics.insert(result.diagnostics.end(), config->problems.begin(),
                            config->problems.end());
  SortAndDeduplicate(result.diagnostics);
  sink = sink + RenderText(result, {false, false}).size();
  (void)sink;
  return 0;
}
