#include "output/json.h"

#include <array>
#include <utility>

#include "core/check.h"
#include "core/version.h"

namespace agentlint {

namespace {

using Json = nlohmann::ordered_json;

Json Position(const Location& location) {
  return {{"path", location.path},
          {"line", location.start.line},
          {"column", location.start.column},
          {"end_line", location.end.line},
          {"end_column", location.end.column},
          {"offset", location.span.begin},
          {"end_offset", location.span.end}};
}

Json DiagnosticObject(const agentlint::Diagnostic& d) {
  Json out = Position(d.location);
  out["rule"] = d.rule->id;
  out["name"] = d.rule->name;
  out["category"] = CategoryName(d.rule->category);
  out["severity"] = SeverityName(d.severity);
  out["message"] = d.message;
  out["help"] = d.help.str();
  Json related = Json::array();
  for (const RelatedLocation& r : d.related) {
    Json one = Position(r.location);
    one["message"] = r.message;
    related.push_back(std::move(one));
  }
  out["related"] = std::move(related);
  out["fix"] = nullptr;
  if (d.fix) {
    Json edits = Json::array();
    for (const TextEdit& e : d.fix->edits)
      edits.push_back(
          {{"offset", e.span.begin}, {"end_offset", e.span.end}, {"replacement", e.replacement}});
    out["fix"] = {
        {"description", d.fix->description}, {"safe", d.fix->safe}, {"edits", std::move(edits)}};
  }
  return out;
}

}  // namespace

std::string DumpJson(const nlohmann::ordered_json& json, int indent) {
  // Text from a file may hold invalid UTF-8: it becomes U+FFFD rather than an exception.
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// Pieces of output gathered up to about 64 KiB before each write.
class Pieces {
 public:
  explicit Pieces(const std::function<void(std::string_view)>& write) : write_(write) {}
  ~Pieces() { Flush(); }
  Pieces(const Pieces&) = delete;
  Pieces& operator=(const Pieces&) = delete;

  void Add(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= kPiece) Flush();
  }
  void Flush() {
    if (!buffer_.empty()) write_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr size_t kPiece = 64 * 1024;
  const std::function<void(std::string_view)>& write_;
  std::string buffer_;
};

// Replaces every string value equal to kStreamedArray with `array`.
void PutArray(Json& json, const Json& array) {
  if (json.is_string() && json.get_ref<const std::string&>() == kStreamedArray) {
    json = array;
  } else if (json.is_structured()) {
    for (Json& child : json) PutArray(child, array);
  }
}

}  // namespace

void WriteJsonStreamed(const Json& document, size_t count, const std::function<Json(size_t)>& item,
                       const std::function<void(std::string_view)>& write) {
  const std::string text = DumpJson(document, 2) + "\n";
  const std::string token = DumpJson(Json(std::string(kStreamedArray)));
  const size_t at = text.find(token);
  if (at == std::string::npos || text.find(token, at + 1) != std::string::npos) {
    // The token is also inside another string of the document (a working folder so named):
    // the document is made whole, as before streaming.
    Json array = Json::array();
    for (size_t i = 0; i < count; ++i) array.push_back(item(i));
    Json whole = document;
    PutArray(whole, array);
    write(DumpJson(whole, 2) + "\n");
    return;
  }
  Pieces out(write);
  out.Add(std::string_view(text).substr(0, at));
  if (count == 0) {
    out.Add("[]");
  } else {
    // Items stand one level deeper than the line that holds the token.
    const size_t line = text.rfind('\n', at) + 1;  // npos + 1 == 0 on the first line
    const size_t depth = text.find_first_not_of(' ', line) - line;
    const std::string newline = "\n" + std::string(depth + 2, ' ');
    out.Add("[");
    for (size_t i = 0; i < count; ++i) {
      out.Add(i == 0 ? newline : "," + newline);
      const std::string one = DumpJson(item(i), 2);
      size_t from = 0;
      for (size_t eol = one.find('\n'); eol != std::string::npos; eol = one.find('\n', from)) {
        out.Add(std::string_view(one).substr(from, eol - from));
        out.Add(newline);
        from = eol + 1;
      }
      out.Add(std::string_view(one).substr(from));
    }
    out.Add("\n" + std::string(depth, ' ') + "]");
  }
  out.Add(std::string_view(text).substr(at + token.size()));
}

void WriteJson(const LintResult& result, const std::function<void(std::string_view)>& write) {
  std::array<size_t, 3> counts{};
  for (const agentlint::Diagnostic& d : result.diagnostics)
    ++counts[static_cast<size_t>(d.severity)];
  const Json out = {
      {"schema", "agentlint/v1"},
      {"tool", {{"name", "agentlint"}, {"version", kVersion}, {"knowledge_date", kKnowledgeDate}}},
      {"files", {{"linted", result.files_linted}, {"skipped", result.skipped.size()}}},
      {"summary", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
      {"diagnostics", std::string(kStreamedArray)}};
  WriteJsonStreamed(
      out, result.diagnostics.size(),
      [&](size_t i) { return DiagnosticObject(result.diagnostics[i]); }, write);
}

std::string RenderJson(const LintResult& result) {
  std::string out;
  WriteJson(result, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace agentlint
