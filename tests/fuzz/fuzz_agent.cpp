// libFuzzer target: bytes -> an agent file -> parsing, every per-file check, the project checks,
// suppressions, fixes, inspect and every output format. Any crash, leak, hang or sanitizer report
// is a bug. Inputs go up to 1 MiB (deep nesting and wide tables need room); agent.dict holds
// YAML and Markdown tokens.
// Build: cmake --preset fuzz && cmake --build --preset fuzz; run: build/fuzz/tests/fuzz_agent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/project.h"
#include "engine/fix.h"
#include "engine/inspect.h"
#include "engine/linter.h"
#include "engine/suppression.h"
#include "output/github.h"
#include "output/inspect.h"
#include "output/json.h"
#include "output/sarif.h"
#include "output/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace agentlint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  FileOrigin origin;
  origin.named = true;
  origin.agent_location = true;
  origin.scope = ".claude/agents";
  origin.scope_is_agent_root = true;
  const AgentDoc doc(SourceFile(".claude/agents/fuzz.md", text), origin);
  LintOptions options;
  options.extend_select = {"all"};
  LintResult result;
  result.diagnostics = CheckDocument(doc, options);
  const Project project({Summarize(doc, options), Summarize(doc, options)});
  for (const std::vector<Diagnostic>& list : CheckProject(project, options))
    result.diagnostics.insert(result.diagnostics.end(), list.begin(), list.end());
  Suppressions suppressions = ParseSuppressions(doc);
  ApplySuppressions(suppressions, result.diagnostics);
  SortAndDeduplicate(result.diagnostics);
  result.files_linted = 1;
  std::string fixed(text);
  ApplyEdits(fixed, result.diagnostics, {true});
  volatile size_t sink = RenderText(result, {true, false}).size() + RenderJson(result).size() +
                         RenderSarif(result).size() + RenderGithub(result).size() +
                         UnifiedDiff("fuzz.md", text, fixed).size() +
                         InspectionText(Inspect(doc)).size();
  (void)sink;
  return 0;
}
