#include <re2/re2.h>

#include "checks/common.h"

namespace agentlint {

namespace {

// True when `phrase` occurs in `title` as whole words (no allocation: this runs for every
// heading, kind and profile).
bool HasWords(std::string_view title, std::string_view phrase) {
  if (phrase.empty() || phrase.size() > title.size()) return false;
  // Only word starts can begin a match: the start of the title and each place after a space.
  for (size_t at = 0; at + phrase.size() <= title.size();) {
    const size_t end = at + phrase.size();
    if (title.compare(at, phrase.size(), phrase) == 0 && (end == title.size() || title[end] == ' '))
      return true;
    const size_t space = title.find(' ', at);
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  return false;
}

bool HeadingCounts(const std::string& normalized, const SectionKind& kind) {
  for (const std::string& phrase : kind.headings) {
    if (HasWords(normalized, phrase)) return true;
  }
  return false;
}

// How many of the first prose blocks a role sentence may hide in.
constexpr size_t kProseBlocksForRole = 3;

bool KindPresent(const AgentDoc& doc, const SectionKind& kind) {
  const Body& body = doc.body();
  for (const Heading& heading : body.headings) {
    if (HeadingCounts(heading.normalized, kind)) return true;
  }
  if (!kind.prose) return false;
  for (size_t i = 0; i < body.prose.size() && i < kProseBlocksForRole; ++i) {
    const Span span = body.prose[i].span;
    const std::string_view text = doc.source().text().substr(span.begin, span.end - span.begin);
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kind.prose)) return true;
  }
  return false;
}

std::vector<const SectionKind*> Missing(const AgentDoc& doc, const SectionProfile& profile) {
  std::vector<const SectionKind*> missing;
  for (const SectionKind& kind : profile.require) {
    if (!KindPresent(doc, kind)) missing.push_back(&kind);
  }
  return missing;
}

// The profile this file follows best, when it clearly follows one: at least three kinds and
// three quarters of them present.
// nullptr when it follows none, or follows one completely.
const SectionProfile* DetectProfile(const AgentDoc& doc, const Knowledge& knowledge) {
  const SectionProfile* best = nullptr;
  double best_ratio = 0;
  for (const SectionProfile& profile : knowledge.section_profiles) {
    const size_t total = profile.require.size();
    const size_t present = total - Missing(doc, profile).size();
    const double ratio = total == 0 ? 0 : static_cast<double>(present) / static_cast<double>(total);
    if (ratio == 1.0) return nullptr;  // complete in some house style
    if (present >= 3 && ratio >= 0.75 && ratio > best_ratio) {
      best = &profile;
      best_ratio = ratio;
    }
  }
  return best;
}

}  // namespace

void CheckMissingSection(const FileContext& ctx, Reporter& out) {
  const AgentDoc& doc = ctx.doc;
  const std::string& choice = ctx.options.section_profile;
  if (choice == "none" || !doc.front_matter().closed) return;
  const SectionProfile* profile =
      choice == "auto" ? DetectProfile(doc, ctx.knowledge) : ctx.knowledge.FindProfile(choice);
  if (!profile) return;
  const Body& body = doc.body();
  const Span where = body.headings.empty() ? doc.front_matter().close_fence : body.headings[0].span;
  for (const SectionKind* kind : Missing(doc, *profile)) {
    std::vector<std::string> examples(
        kind->headings.begin(),
        kind->headings.begin() + std::min<size_t>(3, kind->headings.size()));
    std::string list;
    for (size_t i = 0; i < examples.size(); ++i)
      list += (i ? ", " : "") + std::string("`") + examples[i] + "`";
    out.Report(where, "no " + kind->kind + " section (section profile `" + profile->name + "`)",
               "add a section headed " + list +
                   (kind->prose ? ", or a \"You are ...\" sentence" : "") +
                   "; choose another profile with --section-profile");
  }
}

}  // namespace agentlint
