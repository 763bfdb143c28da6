#include "output/markdown.h"

#include "output/graph.h"
#include "output/text.h"

namespace agentlint {

namespace {

// Table cells may not hold `|` or line breaks.
std::string TableCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const LintResult& result) {
  std::string out = "## agentlint\n\n";
  const std::string files = Plural(result.files_linted, "agent file");
  if (result.diagnostics.empty()) {
    out += "No problems found in " + files + ".\n";
  } else {
    out += "Found " + CountSummary(result) + " in " + files + ".\n\n";
    out += "| Rule | Name | Severity | Findings | Fixable |\n| --- | --- | --- | ---: | ---: |\n";
    for (const RuleCount& row : CountByRule(result)) {
      out += "| " + TableCell(row.rule->id) + " | " + TableCell(row.rule->name) + " | " +
             SeverityName(row.severity) + " | " + std::to_string(row.count) + " | " +
             std::to_string(row.safe) + " |\n";
    }
  }
  if (!result.agents.empty()) {
    out +=
        "\n### Agents\n\nHandoffs between agents; missing agents and conflicting guidance in "
        "red.\n\n```mermaid\n" +
        RenderGraph(result, "mermaid") + "```\n";
  }
  return out;
}

}  // namespace agentlint
