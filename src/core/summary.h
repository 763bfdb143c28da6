// What the project checks need of one agent file, kept after its parsed document is freed: who
// it is (path, scope, name, description, whether Claude Code loads it) and the evidence each
// project rule takes from it (references to other agents, skills, paths, what it prescribes),
// with every place already resolved for reporting. The engine builds it once per file, for the
// files it lints and for their siblings alike; each project rule fills its own part.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace agentlint {

// A place in a file, resolved for a finding: position and the source line the output shows.
struct Anchor {
  Location location;
  SharedString line_text;
  size_t line_text_offset = 0;
  bool line_text_cut = false;
};
// `with_line`: false for a file that is not linted (a sibling of a named file, the project's
// instructions): its places are only ever shown as related locations, which print no source line.
Anchor MakeAnchor(const SourceFile& source, Span span, bool with_line = true);

// A name another agent, a skill or a file is referred to by, and where.
struct Reference {
  std::string name;
  std::string how;  // "the body hands off to", "`tools` allows spawning", ...
  Anchor at;
  bool marked = false;  // mentions: written as "the x agent" (an agent, whatever its shape)
};

// What one agent says about one conflict topic (rules/conflicts.yaml): the choices it
// prescribes, rules out, or requires exclusively, each with its first evidence.
struct Evidence {
  size_t choice = 0;
  Anchor at;
  std::string text;  // the words as written, for "`a.md` prescribes PostgreSQL"
};
struct Stance {
  std::vector<Evidence> prescribed;
  std::vector<Evidence> ruled_out;
  std::vector<Evidence> exclusive;
  // Prescribed for another party (in a handoff to it, notes for it): accepted in the project, so
  // an agent prescribing it does not contradict this one.
  std::vector<Evidence> delegated;
  const Evidence* Prescribes(size_t choice) const;
  bool Delegates(size_t choice) const;
  const Evidence* RulesOut(size_t choice) const;
};

struct AgentSummary {
  std::string path;
  FileOrigin origin;
  Dialect dialect = Dialect::kClaude;
  bool front_matter_closed = false;
  std::string name;  // `name` as written; "" when absent or not text
  std::optional<Anchor> name_at;
  std::string agent_name;  // the name Claude Code knows it by: `name`, or the file stem
  std::string description;
  std::optional<Anchor> description_at;
  bool loads = false;  // Claude Code registers it (core/claude)
  std::string model;   // the model it runs as ("inherit", "sonnet", or as written); "" unknown
  // The tools a spawned subagent gets; -1: every tool (no `tools`), or not resolved (a sibling
  // outside a run that keeps its summaries: ClaudeDetail::kIdentity).
  int tool_count = -1;

  // Filled by the project rules' summarizers (checks/project/*.cpp).
  std::vector<Reference> references;  // handoffs, `subagent_type`, `Agent(x)`
  std::vector<Reference> mentions;    // @mentions and "delegate to x" in prose
  std::vector<Reference> skills;      // `skills` entries
  std::vector<Reference> paths;       // repository paths named in inline code
  std::vector<Stance> stances;  // by conflict topic, in the knowledge's order; none past the last
                                // topic it takes a stance on
};

// The identity part of a summary (everything above the rules' evidence).
// `claude`: what Claude Code makes of the file (core/claude), nullptr for other tools' files.
struct ClaudeAgent;
AgentSummary SummarizeIdentity(const AgentDoc& doc, const ClaudeAgent* claude);

}  // namespace agentlint
