#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

// A role statement among the first prose blocks: "You are ...", "As a senior reviewer, you ...".
constexpr size_t kOpeningBlocks = 3;

namespace {
const Regex kRole(R"((?i)\b(you are|you're|your role|your job|as an? [^,.]{1,40}, you)\b)");
}  // namespace

void CheckNoRoleStatement(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!doc.front_matter().closed) return;
  const Body& body = doc.body();
  for (size_t i = 0; i < body.prose.size() && i < kOpeningBlocks; ++i) {
    const Span span = body.prose[i].span;
    const std::string_view text = doc.source().text().substr(span.begin, span.end - span.begin);
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kRole)) return;
  }
  const Span where = body.prose.empty() ? doc.front_matter().close_fence : body.prose[0].span;
  out.Report(where, "the body does not open with a role statement such as \"You are ...\"",
             "start with one or two sentences in the second person saying who the agent is and "
             "what it is for");
}

}  // namespace agentlint
