#include "checks/common.h"

namespace agentlint {

// Characters. Anthropic's guidance puts good system prompts well under 10,000 characters, and
// GitHub Copilot cuts agent prompts at 30,000.
constexpr size_t kLongBody = 20000;

void CheckBodyTooLong(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const Span body = doc.body().span;
  size_t characters = 0;
  for (size_t i = body.begin; i < body.end; ++i) {
    characters += (static_cast<unsigned char>(doc.source().text()[i]) & 0xC0) != 0x80;
  }
  if (characters <= kLongBody || !doc.front_matter().closed) return;
  out.Report(doc.front_matter().close_fence,
             "the body is " + std::to_string(characters) +
                 " characters long; every delegation pays for it",
             "keep the system prompt focused (under " + std::to_string(kLongBody) +
                 " characters); move reference material into skills or files the agent reads");
}

}  // namespace agentlint
