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
  // One sweep over the body, skipping each comment (they are sorted), until enough is seen.
  size_t visible = 0;
  auto comment = body.html_comments.begin();
  for (size_t i = body.span.begin; i < body.span.end && visible < kMinimumInstructions; ++i) {
    while (comment != body.html_comments.end() && comment->end <= i) ++comment;
    if (comment != body.html_comments.end() && i >= comment->begin) {
      i = comment->end - 1;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(text[i]))) ++visible;
  }
  if (visible >= kMinimumInstructions) return;
  out.Report(doc.front_matter().close_fence,
             visible == 0 ? "the body is empty: the agent has no instructions"
                          : "the body has almost no text: the agent has next to no instructions",
             "the body is the agent's whole system prompt; say who it is, what it does, how, and "
             "what it returns");
}

}  // namespace agentlint
