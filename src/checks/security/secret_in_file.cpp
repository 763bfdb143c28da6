#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "checks/common.h"
#include "core/text.h"

namespace agentlint {

namespace {

double Entropy(std::string_view value) {
  int counts[256] = {};
  for (char c : value) ++counts[static_cast<unsigned char>(c)];
  double bits = 0;
  for (int count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / static_cast<double>(value.size());
    bits -= p * std::log2(p);
  }
  return bits;
}

bool Placeholder(const Knowledge& knowledge, std::string_view value) {
  const std::string lower = Lower(value);
  for (const std::string& word : knowledge.secret_placeholders) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// `scheme://user:password@host`: the password (`span`) of a URL to a local service that is a
// well-known default or the user name again.
bool LocalDefault(const Knowledge& knowledge, std::string_view text, Span span) {
  const size_t scheme = text.rfind("://", span.begin);
  if (scheme == std::string_view::npos || span.begin == 0 || text[span.begin - 1] != ':' ||
      span.end >= text.size() || text[span.end] != '@')
    return false;
  const std::string_view user = text.substr(scheme + 3, span.begin - 1 - (scheme + 3));
  const std::string_view password = text.substr(span.begin, span.end - span.begin);
  size_t host_end = span.end + 1;
  if (host_end < text.size() && text[host_end] == '[') {  // [::1]
    host_end = text.find(']', host_end);
    if (host_end == std::string_view::npos) return false;
    ++host_end;
  } else {
    while (host_end < text.size() && text[host_end] != ':' && text[host_end] != '/' &&
           !std::isspace(static_cast<unsigned char>(text[host_end])) && text[host_end] != '`' &&
           text[host_end] != '"' && text[host_end] != '\'')
      ++host_end;
  }
  const std::string host = Lower(text.substr(span.end + 1, host_end - span.end - 1));
  return Contains(knowledge.local_hosts, host) &&
         (password == user || Contains(knowledge.local_default_passwords, Lower(password)));
}

// "sk-a…(51 characters)": enough to find it, never the secret itself.
std::string Redacted(std::string_view value) {
  return std::string(value.substr(0, std::min<size_t>(4, value.size() / 4))) + "…(" +
         std::to_string(value.size()) + " characters)";
}

}  // namespace

void CheckSecretInFile(const FileContext& ctx, Reporter& out) {
  const std::string_view text = ctx.doc.source().text();
  struct Secret {
    Span span;
    std::string message;
  };
  std::vector<Secret> found;
  for (const SecretPattern& secret : ctx.knowledge.secrets) {
    // The engine's one pass over the file saw which patterns occur; only those run again.
    if (ctx.knowledge_scan && !ctx.knowledge_scan->MayContain(secret.scan)) continue;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece group;
    const char* consumed = input.data();
    while (RE2::FindAndConsume(&input, secret.pattern->get(), &group)) {
      // A pattern that can match nothing (a configuration's `|x`) consumes nothing: step on, or
      // the loop would never end.
      if (input.data() == consumed) {
        if (input.empty()) break;
        input.remove_prefix(1);
      }
      consumed = input.data();
      if (group.data() == nullptr || group.empty()) continue;  // the group took no part
      const Span span{static_cast<size_t>(group.data() - text.data()),
                      static_cast<size_t>(group.data() - text.data()) + group.size()};
      const std::string_view shown(group.data(), group.size());
      if (Placeholder(ctx.knowledge, shown) || Entropy(shown) < secret.min_entropy ||
          LocalDefault(ctx.knowledge, text, span))
        continue;
      bool seen = false;
      for (const Secret& other : found)
        seen |= span.begin < other.span.end && other.span.begin < span.end;
      if (seen) continue;
      found.push_back(
          {span, secret.description + " is committed in this file: `" + Redacted(shown) + "`"});
    }
  }
  // Reported once all are found: the code frame of each finding must not print any secret of
  // its line, its own or another's, beyond the first four characters of each.
  for (const Secret& secret : found) {
    Diagnostic& d =
        out.Report(secret.span, secret.message,
                   "remove it and rotate it now; reference it from the environment "
                   "instead (`${VAR}` in Claude Code, `${{ secrets.NAME }}` in Copilot)");
    std::string masked = d.line_text;
    for (const Secret& other : found) {
      for (size_t i = std::max(other.span.begin, d.line_text_offset) + 4;
           i < other.span.end && i - d.line_text_offset < masked.size(); ++i) {
        masked[i - d.line_text_offset] = '*';
      }
    }
    d.line_text = std::move(masked);
  }
}

}  // namespace agentlint
