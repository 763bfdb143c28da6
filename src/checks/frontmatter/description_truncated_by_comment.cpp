#include "checks/common.h"

namespace agentlint {

void CheckDescriptionTruncatedByComment(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const YamlNode* description = ScalarField(doc, "description");
  if (!description || description->style != ScalarStyle::kPlain || doc.tolerant_yaml()) return;
  // The plain value ends before ` #`; what follows on its line became a comment.
  const int line = doc.source().Locate(description->span.end).line;
  const size_t line_end = doc.source().LineContentEnd(line);
  const std::string_view rest =
      doc.source().text().substr(description->span.end, line_end - description->span.end);
  const size_t hash = rest.find('#');
  if (hash == std::string_view::npos || rest.find_first_not_of(" \t") != hash || hash == 0) return;
  const Span comment{description->span.end + hash, line_end};
  out.Report(comment, "` #` starts a YAML comment, so the description is cut here",
             "quote the description or use `description: |` to keep the text after `#`");
}

}  // namespace agentlint
