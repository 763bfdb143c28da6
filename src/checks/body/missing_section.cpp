#include <re2/re2.h>

#include <cstdint>

#include "checks/common.h"

namespace agentlint {

namespace {

// The normalised heading titles of a body, with where each word starts: built once per file,
// then every heading is compared with every phrase of every profile's kinds.
struct Titles {
  struct Title {
    std::string_view text;
    std::vector<uint32_t> starts;  // the start of the title, and each place after a space
    uint32_t initials = 0;         // FirstLetterBit of each word: most phrases skip the title
  };
  std::vector<Title> titles;
  uint32_t initials = 0;  // of every title's words

  explicit Titles(const Body& body) {
    for (const Heading& heading : body.headings) {
      Title title{heading.normalized, {}};
      for (size_t i = 0; i < title.text.size() && i <= UINT32_MAX; ++i) {
        if (i != 0 && title.text[i - 1] != ' ') continue;
        title.starts.push_back(static_cast<uint32_t>(i));
        title.initials |= FirstLetterBit(title.text[i]);
      }
      initials |= title.initials;
      titles.push_back(std::move(title));
    }
  }
  // A bit per lower-case ASCII letter; every other byte shares the last one.
  static uint32_t FirstLetterBit(char c) {
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
  }
};

// True when `phrase` occurs in `title` as whole words: at a word start, and ending at the end of
// the title or before a space.
bool HasWords(const Titles::Title& title, std::string_view phrase) {
  if (phrase.empty() || phrase.size() > title.text.size()) return false;
  if ((title.initials & Titles::FirstLetterBit(phrase[0])) == 0) return false;
  for (const uint32_t at : title.starts) {
    if (at + phrase.size() > title.text.size()) break;
    if (title.text[at] != phrase[0]) continue;
    const size_t end = at + phrase.size();
    if (title.text.compare(at, phrase.size(), phrase) == 0 &&
        (end == title.text.size() || title.text[end] == ' '))
      return true;
  }
  return false;
}

// How many of the first prose blocks a role sentence may hide in.
constexpr size_t kProseBlocksForRole = 3;

bool KindPresent(const AgentDoc& doc, const Titles& titles, const SectionKind& kind) {
  for (const std::string& phrase : kind.headings) {
    if (phrase.empty() || (titles.initials & Titles::FirstLetterBit(phrase[0])) == 0) continue;
    for (const Titles::Title& title : titles.titles) {
      if (HasWords(title, phrase)) return true;
    }
  }
  if (!kind.prose) return false;
  const Body& body = doc.body();
  for (size_t i = 0; i < body.prose.size() && i < kProseBlocksForRole; ++i) {
    const Span span = body.prose[i].span;
    const std::string_view text = doc.source().text().substr(span.begin, span.end - span.begin);
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kind.prose->get()))
      return true;
  }
  return false;
}

std::vector<const SectionKind*> Missing(const AgentDoc& doc, const Titles& titles,
                                        const SectionProfile& profile) {
  std::vector<const SectionKind*> missing;
  for (const SectionKind& kind : profile.require) {
    if (!KindPresent(doc, titles, kind)) missing.push_back(&kind);
  }
  return missing;
}

// The profile this file follows best, when it clearly follows one: at least three kinds and
// three quarters of them present.
// nullptr when it follows none, or follows one completely.
const SectionProfile* DetectProfile(const AgentDoc& doc, const Titles& titles,
                                    const Knowledge& knowledge) {
  const SectionProfile* best = nullptr;
  double best_ratio = 0;
  for (const SectionProfile& profile : knowledge.section_profiles) {
    const size_t total = profile.require.size();
    const size_t present = total - Missing(doc, titles, profile).size();
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
  const Titles titles(doc.body());
  const SectionProfile* profile = choice == "auto" ? DetectProfile(doc, titles, ctx.knowledge)
                                                   : ctx.knowledge.FindProfile(choice);
  if (!profile) return;
  const Body& body = doc.body();
  const Span where = body.headings.empty() ? doc.front_matter().close_fence : body.headings[0].span;
  for (const SectionKind* kind : Missing(doc, titles, *profile)) {
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
