// The list of every rule agentlint has, built from checks.def, in id order.
#pragma once

#include <string_view>
#include <vector>

#include "core/check.h"

namespace agentlint {

const std::vector<RuleInfo>& AllRules();
// By id (`AL103`) or name (`unknown-tool`); nullptr when there is none.
const RuleInfo* FindRule(std::string_view id_or_name);
// The summarizer of project rules that need nothing beyond a summary's identity.
void SummarizeNothing(const FileContext&, AgentSummary&);

}  // namespace agentlint
