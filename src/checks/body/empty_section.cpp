#include "checks/common.h"

namespace agentlint {

void CheckEmptySection(const FileContext& ctx, Reporter& out) {
  const Body& body = ctx.doc.body();
  const std::string_view text = ctx.doc.source().text();
  for (size_t i = 0; i < body.headings.size(); ++i) {
    const Heading& heading = body.headings[i];
    const bool last = i + 1 == body.headings.size();
    if (!last && body.headings[i + 1].level > heading.level) continue;  // a subsection follows
    const size_t begin = heading.span.end;
    const size_t end = last ? body.span.end : body.headings[i + 1].span.begin;
    bool blank = true;
    for (size_t k = begin; k < end && blank; ++k) {
      bool in_comment = false;
      for (const Span& comment : body.html_comments)
        in_comment |= k >= comment.begin && k < comment.end;
      blank = in_comment || std::isspace(static_cast<unsigned char>(text[k]));
    }
    if (!blank || last) continue;  // a last, empty heading is rare and usually a stub on purpose
    out.Report(heading.span, "the section `" + heading.title + "` is empty",
               "write its content, or remove the heading");
  }
}

}  // namespace agentlint
