#include "checks/common.h"

#include "core/text.h"

namespace agentlint {

ToolRef ResolveTool(const Knowledge& knowledge, std::string_view name, bool disallowed_list) {
  ToolRef ref;
  if (name.empty()) {
    ref.kind = ToolRef::kEmpty;
    return ref;
  }
  if (name == "*") {
    ref.kind = ToolRef::kWildcard;
    return ref;
  }
  if (const ToolInfo* tool = knowledge.FindTool(name)) {
    ref.kind = ToolRef::kBuiltin;
    ref.tool = tool;
    return ref;
  }
  const size_t paren = name.find('(');
  if (paren != std::string_view::npos && paren > 0 && name.back() == ')') {
    const ToolInfo* tool = knowledge.FindTool(Trim(name.substr(0, paren)));
    if (tool) {
      ref.kind = tool->name == "Agent" || tool->name == "Task" ? ToolRef::kAgentTypes
                                                               : ToolRef::kSpecifier;
      ref.tool = tool;
      return ref;
    }
  }
  if (name == "mcp__*") {
    ref.kind = disallowed_list ? ToolRef::kMcp : ToolRef::kMalformedMcp;
    return ref;
  }
  if (knowledge.IsMcpReference(name)) {
    ref.kind = ToolRef::kMcp;
    return ref;
  }
  if (Lower(name.substr(0, 3)) == "mcp" || name.find('/') != std::string_view::npos) {
    ref.kind = ToolRef::kMalformedMcp;
    return ref;
  }
  if (const ToolInfo* tool = knowledge.FindToolIgnoringCase(name)) {
    ref.kind = ToolRef::kWrongCase;
    ref.tool = tool;
    return ref;
  }
  return ref;
}

bool GrantsSomething(const ToolRef& ref, const AgentDoc& doc) {
  switch (ref.kind) {
    case ToolRef::kWildcard:
    case ToolRef::kAgentTypes:
    case ToolRef::kMcp:
      return true;
    case ToolRef::kBuiltin:
    case ToolRef::kSpecifier: {
      const ToolInfo& tool = *ref.tool;
      if (tool.status == ToolStatus::kRemoved || tool.status == ToolStatus::kRenamed) return false;
      if (tool.subagents == SubagentAvailability::kNever) return false;
      if (tool.subagents == SubagentAvailability::kPlanModeOnly) {
        const YamlNode* mode = ScalarField(doc, "permissionMode");
        return mode && mode->value == "plan";
      }
      return true;
    }
    default:
      return false;
  }
}

std::string CanonicalToolName(const Knowledge& knowledge, const ToolEntry& entry,
                              bool strip_specifier) {
  const ToolRef ref = ResolveTool(knowledge, entry.name, false);
  const bool whole_tool = ref.kind == ToolRef::kBuiltin || ref.kind == ToolRef::kWrongCase ||
                          (ref.kind == ToolRef::kSpecifier && strip_specifier);
  if (!ref.tool || !whole_tool) return entry.name;
  return ref.tool->status == ToolStatus::kAlias ? ref.tool->replacement : ref.tool->name;
}

const YamlNode* ScalarField(const AgentDoc& doc, std::string_view key) {
  const YamlNode* node = doc.Field(key);
  return node && node->IsScalar() ? node : nullptr;
}

std::string FieldTypoOf(const Knowledge& knowledge, const std::string& key) {
  // allowed-tools is reported by allowed-tools-in-agent, not as a typo of `tools`.
  if (knowledge.FindField(key) || knowledge.foreign_keys.count(key) || key == "allowed-tools" ||
      key == "allowedTools") {
    return "";
  }
  std::vector<std::string> names;
  for (const FieldInfo& field : knowledge.fields) {
    if (Contains(field.typos, key)) return field.name;
    names.push_back(field.name);
  }
  return ClosestMatch(key, names);
}

Fix CrlfToLf(const SourceFile& source) {
  Fix fix{"convert CRLF line endings to LF", {}, true};
  const std::string_view text = source.text();
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\r' && text[i + 1] == '\n') fix.edits.push_back({{i, i + 1}, ""});
  }
  return fix;
}

TextEdit RemoveToolEntry(const ToolList& list, size_t index, std::string_view text) {
  const Span span = list.entries[index].span;
  if (list.node && list.node->IsSequence() && !list.node->flow) {
    // A block list item: remove its whole line.
    size_t begin = text.rfind('\n', span.begin);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    size_t end = text.find('\n', span.end);
    end = end == std::string_view::npos ? text.size() : end + 1;
    return {{begin, end}, ""};
  }
  if (index > 0) return {{list.entries[index - 1].span.end, span.end}, ""};
  // The first entry: remove it and the separator after it.
  const size_t next = list.entries.size() > 1 ? list.entries[1].span.begin : span.end;
  return {{span.begin, next}, ""};
}

}  // namespace agentlint
