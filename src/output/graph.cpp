#include "output/graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "core/project.h"

namespace agentlint {

namespace {

struct Node {
  std::string id;
  std::string label;     // lines joined by "\n"
  bool missing = false;  // an agent that does not exist, or whose file Claude Code does not load
};

struct Edge {
  std::string from;
  std::string to;
  std::string label;  // "" for a handoff; the topic for a conflict
  bool conflict = false;
  bool operator<(const Edge& o) const {
    return std::tie(from, to, label, conflict) < std::tie(o.from, o.to, o.label, o.conflict);
  }
};

// The name an unknown-agent finding is about: the quoted text just before ", but" ("the body
// hands off to `x`, but ...", "`subagent_type` names `x`, but ..."), or "".
std::string MissingName(const std::string& message) {
  const size_t close = message.find("`, but ");
  if (close == std::string::npos || close == 0) return "";
  const size_t open = message.rfind('`', close - 1);
  return open == std::string::npos ? "" : message.substr(open + 1, close - open - 1);
}

struct Graph {
  std::vector<Node> nodes;  // agents (by path), then missing agents (by name)
  std::set<Edge> edges;
};

Graph Build(const LintResult& result) {
  Graph g;
  std::map<std::string, std::string> by_path;                          // path -> node id
  std::map<std::pair<std::string, std::string>, std::string> by_name;  // scope, name -> node id
  std::vector<const AgentSummary*> agents;
  for (const AgentSummary& a : result.agents) {
    if (!a.origin.instructions) agents.push_back(&a);
  }
  std::sort(agents.begin(), agents.end(),
            [](const AgentSummary* a, const AgentSummary* b) { return a->path < b->path; });
  for (const AgentSummary* a : agents) {
    Node node;
    node.id = "a" + std::to_string(g.nodes.size());
    const std::string tools = a->tool_count < 0 ? "all tools"
                                                : std::to_string(a->tool_count) +
                                                      (a->tool_count == 1 ? " tool" : " tools");
    node.missing = a->dialect == Dialect::kClaude && !a->loads;
    node.label = a->agent_name + "\n" +
                 (node.missing ? std::string("(not loaded)")
                               : (a->model.empty() ? "?" : a->model) + " · " + tools);
    by_path[a->path] = node.id;
    by_name.emplace(std::make_pair(a->origin.scope, a->agent_name), node.id);
    g.nodes.push_back(node);
  }
  const Project project(result.agents);  // for the projects enclosing nested ones
  const auto target = [&](const AgentSummary& from, const std::string& name) -> std::string {
    const auto it = by_name.find({from.origin.scope, name});
    if (it != by_name.end()) return it->second;
    // Claude Code started in a nested project loads the enclosing projects' agents too; of two
    // with the name, the closest (the deepest scope) wins.
    const AgentSummary* closest = nullptr;
    for (const AgentSummary* outer : project.EnclosingAgentsOf(from.origin.scope)) {
      if (outer->agent_name == name &&
          (!closest || outer->origin.scope.size() > closest->origin.scope.size()))
        closest = outer;
    }
    return closest ? by_path[closest->path] : "";
  };
  // Handoffs to agents that exist.
  for (const AgentSummary* a : agents) {
    for (const auto* list : {&a->references, &a->mentions}) {
      for (const Reference& r : *list) {
        const std::string to = target(*a, r.name);
        if (!to.empty() && to != by_path[a->path])
          g.edges.insert({by_path[a->path], to, "", false});
      }
    }
  }
  // Missing agents and conflicts, from the findings.
  std::map<std::string, std::string> missing;           // name -> node id
  std::map<std::string, const AgentSummary*> agent_at;  // path -> agent
  for (const AgentSummary* a : agents) agent_at[a->path] = a;
  for (const Diagnostic& d : result.diagnostics) {
    const auto from = by_path.find(d.location.path);
    if (from == by_path.end()) continue;
    const std::string_view rule = d.rule->id;
    if (rule == "AL403" || rule == "AL404") {
      const std::string name = MissingName(d.message);
      // An agent whose file Claude Code does not load has its node (drawn as missing), and the
      // handoff's edge is already there.
      if (name.empty() || !target(*agent_at.at(d.location.path), name).empty()) continue;
      auto [it, added] = missing.emplace(name, "m" + std::to_string(missing.size()));
      if (added) g.nodes.push_back({it->second, name + "\n(missing)", true});
      g.edges.insert({from->second, it->second, "", false});
    } else if (rule == "AL406") {
      const std::string prefix = "conflicting guidance on the ";
      if (d.message.rfind(prefix, 0) != 0) continue;
      const std::string topic =
          d.message.substr(prefix.size(), d.message.find(':') - prefix.size());
      for (const RelatedLocation& related : d.related) {
        const auto other = by_path.find(related.location.path);
        if (other == by_path.end()) continue;  // CLAUDE.md: not an agent node
        const auto [a, b] = std::minmax(from->second, other->second);
        g.edges.insert({a, b, topic, true});
      }
    }
  }
  return g;
}

std::string Escape(std::string_view text, bool dot) {
  std::string out;
  for (char c : text) {
    if (c == '"') {
      out += dot ? "\\\"" : "#quot;";
    } else if (c == '\n') {
      out += dot ? "\\n" : "<br/>";
    } else {
      out += c;
    }
  }
  return out;
}

// The ids of the nodes drawn as missing.
std::set<std::string> MissingIds(const Graph& g) {
  std::set<std::string> ids;
  for (const Node& n : g.nodes) {
    if (n.missing) ids.insert(n.id);
  }
  return ids;
}

std::string Mermaid(const Graph& g) {
  const std::set<std::string> missing = MissingIds(g);
  std::ostringstream out;
  out << "graph LR\n";
  for (const Node& n : g.nodes)
    out << "  " << n.id << "[\"" << Escape(n.label, false) << "\"]"
        << (n.missing ? ":::missing" : "") << "\n";
  size_t index = 0;
  std::vector<size_t> red;
  for (const Edge& e : g.edges) {
    if (e.conflict) {
      out << "  " << e.from << " <-->|\"" << Escape(e.label, false) << "\"| " << e.to << "\n";
      red.push_back(index);
    } else {
      const bool to_missing = missing.count(e.to) > 0;
      out << "  " << e.from << (to_missing ? " -.-> " : " --> ") << e.to << "\n";
      if (to_missing) red.push_back(index);
    }
    ++index;
  }
  out << "  classDef missing stroke:#d00,stroke-dasharray:5 5,color:#d00\n";
  for (size_t i : red) out << "  linkStyle " << i << " stroke:#d00\n";
  return out.str();
}

std::string Dot(const Graph& g) {
  const std::set<std::string> missing = MissingIds(g);
  std::ostringstream out;
  out << "digraph agents {\n  rankdir=LR;\n  node [shape=box];\n";
  for (const Node& n : g.nodes) {
    out << "  " << n.id << " [label=\"" << Escape(n.label, true) << "\""
        << (n.missing ? ", color=red, fontcolor=red, style=dashed" : "") << "];\n";
  }
  for (const Edge& e : g.edges) {
    out << "  " << e.from << " -> " << e.to;
    if (e.conflict) {
      out << " [label=\"" << Escape(e.label, true) << "\", color=red, fontcolor=red, dir=both]";
    } else if (missing.count(e.to) > 0) {
      out << " [color=red, style=dashed]";
    }
    out << ";\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace

std::string RenderGraph(const LintResult& result, std::string_view format) {
  const Graph g = Build(result);
  return format == "dot" ? Dot(g) : Mermaid(g);
}

}  // namespace agentlint
