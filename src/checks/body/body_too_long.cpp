#include "checks/common.h"

namespace agentlint {

// The default threshold (options: body-too-long.max-characters) is 20,000 characters:
// Anthropic's guidance puts good system prompts well under 10,000, and GitHub Copilot cuts
// agent prompts at 30,000.
void CheckBodyTooLong(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const Span body = doc.body().span;
  const size_t limit = ctx.options.max_body_characters;
  // A body of no more bytes than the limit has no more characters either: most are not counted.
  if (body.end - body.begin <= limit) return;
  const std::string_view text = doc.source().text();
  size_t characters = 0;
  for (size_t i = body.begin; i < body.end; ++i) {
    characters += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  if (characters <= limit || !doc.front_matter().closed) return;
  out.Report(doc.front_matter().close_fence,
             "the body is " + std::to_string(characters) +
                 " characters long; every delegation pays for it",
             "keep the system prompt focused (under " + std::to_string(limit) +
                 " characters); move reference material into skills or files the agent reads");
}

}  // namespace agentlint
