#include "checks/common.h"

namespace agentlint {

// Fewer visible characters than this (outside HTML comments) is not an instruction; Anthropic's
// plugin-dev validator uses the same lower bound.
constexpr size_t kMinimumInstructions = 20;

void CheckEmptyBody(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  if (!doc.front_matter().closed) return;  // without front matter the whole file is the body
  const Body& body = doc.body();
  const std::string_view text = doc.source().text();
  size_t visible = 0;
  for (size_t i = body.span.begin; i < body.span.end; ++i) {
    bool in_comment = false;
    for (const Span& comment : body.html_comments)
      in_comment |= i >= comment.begin && i < comment.end;
    if (!in_comment && !std::isspace(static_cast<unsigned char>(text[i]))) ++visible;
  }
  if (visible >= kMinimumInstructions) return;
  out.Report(doc.front_matter().close_fence,
             visible == 0 ? "the body is empty: the agent has no instructions"
                          : "the body has almost no text: the agent has next to no instructions",
             "the body is the agent's whole system prompt; say who it is, what it does, how, and "
             "what it returns");
}

}  // namespace agentlint
