#include "lsp/server.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/source.h"
#include "core/version.h"
#include "engine/fix.h"
#include "lsp/protocol.h"

namespace agentlint::lsp {

namespace {

namespace fs = std::filesystem;

// JSON-RPC error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

constexpr const char* kFixAllKind = "source.fixAll.agentlint";

struct OpenDocument {
  std::string uri;   // as the client wrote it: diagnostics are published under the same string
  std::string path;  // absolute
  std::string text;
  std::vector<Diagnostic> findings;  // of the last lint of `text`
};

std::string Absolute(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

bool IsConfig(const std::string& path) { return fs::path(path).filename() == ".agentlint.yaml"; }

// "AL103 unknown-tool"
std::string RuleLabel(const RuleInfo& rule) {
  return std::string(rule.id) + " " + std::string(rule.name);
}

int LspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 2;
}

class Server {
 public:
  Server(std::ostream& out, const LintOptions& options) : out_(out), options_(options) {
    options_.jobs = 1;
  }

  // Handles one message; returns false when the server must stop (`exit`).
  bool Handle(const std::string& body) {
    Json message = Json::parse(body, nullptr, false);
    if (message.is_discarded()) {
      Reply(nullptr, kParseError, "the message is not JSON");
      return true;
    }
    if (!message.is_object()) {
      Reply(nullptr, kInvalidRequest, "a message is a JSON object");
      return true;
    }
    const Json id = message.contains("id") ? message["id"] : Json();
    const auto method_it = message.find("method");
    if (method_it == message.end() || !method_it->is_string()) {
      if (message.contains("id")) return true;  // a response to one of our requests
      Reply(nullptr, kInvalidRequest, "a request needs a method");
      return true;
    }
    const std::string method = *method_it;
    const Json params = message.contains("params") ? message["params"] : Json::object();
    const bool request = message.contains("id");
    try {
      return Dispatch(method, params, id, request);
    } catch (const std::exception& e) {
      // A bad message (a missing field, a wrong type) never ends the server.
      if (request) Reply(id, kInternalError, method + ": " + e.what());
      Log(method + ": " + e.what());
      return true;
    }
  }

  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  bool Dispatch(const std::string& method, const Json& params, const Json& id, bool request) {
    if (method == "exit") return false;
    if (method == "initialize") {
      initialized_ = true;
      const Json::json_pointer dynamic(
          "/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration");
      watch_dynamically_ = params.is_object() && params.contains(dynamic) &&
                           params[dynamic].is_boolean() && params[dynamic].get<bool>();
      Result(id, Capabilities());
      return true;
    }
    if (!initialized_) {
      if (request) Reply(id, kServerNotInitialized, "initialize comes first");
      return true;
    }
    if (method == "initialized") {
      if (watch_dynamically_) WatchFiles();
    } else if (method == "shutdown") {
      shutdown_ = true;
      Result(id, nullptr);
    } else if (method == "textDocument/didOpen") {
      const Json& doc = params.at("textDocument");
      const std::string uri = doc.at("uri");
      const std::string path = PathFromUri(uri);
      if (path.empty()) return true;  // not a file on this machine
      docs_[uri] = {uri, Absolute(path), doc.at("text").get<std::string>(), {}};
      Changed(uri);
    } else if (method == "textDocument/didChange") {
      const auto it = docs_.find(params.at("textDocument").at("uri").get<std::string>());
      if (it == docs_.end()) return true;
      for (const Json& change : params.at("contentChanges")) ApplyChange(it->second.text, change);
      Changed(it->first);
    } else if (method == "textDocument/didSave") {
      const auto it = docs_.find(params.at("textDocument").at("uri").get<std::string>());
      if (it != docs_.end() && IsConfig(it->second.path)) LintAll("");
    } else if (method == "textDocument/didClose") {
      const std::string uri = params.at("textDocument").at("uri");
      if (docs_.erase(uri)) Publish(uri, Json::array());
      LintAll("");  // its siblings now read it from disk again
    } else if (method == "workspace/didChangeWatchedFiles" ||
               method == "workspace/didChangeConfiguration") {
      LintAll("");  // a config or a sibling changed on disk
    } else if (method == "textDocument/codeAction") {
      Result(id, CodeActions(params));
    } else if (method == "textDocument/hover") {
      Result(id, Hover(params));
    } else if (request) {
      Reply(id, kMethodNotFound, "agentlint does not handle " + method);
    }
    // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing.
    return true;
  }

  Json Capabilities() const {
    return {{"capabilities",
             {{"textDocumentSync",
               {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}},
              {"hoverProvider", true}}},
            {"serverInfo", {{"name", "agentlint"}, {"version", kVersion}}}};
  }

  void WatchFiles() {
    const Json watchers = Json::array({{{"globPattern", "**/.agentlint.yaml"}},
                                       {{"globPattern", "**/*.md"}},
                                       {{"globPattern", "**/CLAUDE.md"}}});
    WriteMessage(out_, {{"jsonrpc", "2.0"},
                        {"id", "agentlint-watch"},
                        {"method", "client/registerCapability"},
                        {"params",
                         {{"registrations",
                           {{{"id", "agentlint-watch"},
                             {"method", "workspace/didChangeWatchedFiles"},
                             {"registerOptions", {{"watchers", watchers}}}}}}}}});
  }

  // A full-text change, or a range change for clients that send them anyway.
  static void ApplyChange(std::string& text, const Json& change) {
    const std::string replacement = change.at("text");
    if (!change.contains("range")) {
      text = replacement;
      return;
    }
    const LineIndex index(text);
    const size_t begin = index.Offset(change["range"].at("start"));
    const size_t end = std::max(begin, index.Offset(change["range"].at("end")));
    text.replace(begin, end - begin, replacement);
  }

  // The buffer at `uri` changed: lint it again with the other open buffers (their project
  // findings may change with it), and publish its diagnostics first. A saved or edited
  // configuration re-lints everything.
  void Changed(const std::string& uri) { LintAll(uri); }

  // Lints every open agent buffer in one run per configuration file (`first` is published
  // first): the folder's other agents are read once for all of them, not once per buffer; each
  // buffer gets what a run naming it alone gives (a run takes its project-wide options from its
  // first file's configuration), and a configuration that cannot be read stops its own run only.
  void LintAll(const std::string& first) {
    ConfigSet configs;
    std::vector<std::pair<std::string, std::vector<OpenDocument*>>> runs;  // by config path
    for (auto& [uri, doc] : docs_) {
      if (IsConfig(doc.path)) continue;
      const std::string& config = configs.PathFor(doc.path, options_);
      auto run =
          std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return r.first == config; });
      if (run == runs.end()) run = runs.insert(runs.end(), {config, {}});
      run->second.push_back(&doc);
    }
    const LintOptions options = OptionsWithBuffers();
    std::vector<std::string> errors;
    for (auto& [config, open] : runs) {
      std::map<std::string, OpenDocument*> by_path;
      std::vector<std::string> paths;
      for (OpenDocument* doc : open) {
        doc->findings.clear();
        by_path.emplace(doc->path, doc);
        paths.push_back(doc->path);
      }
      LintResult result = agentlint::Lint(paths, options);
      for (Diagnostic& d : result.diagnostics) {
        const auto it = by_path.find(d.location.path.str());
        if (it != by_path.end()) it->second->findings.push_back(std::move(d));
      }
      errors.insert(errors.end(), result.errors.begin(), result.errors.end());
    }
    for (const std::string& error : errors) {
      if (error != last_error_) ShowMessage(error);
      last_error_ = error;
    }
    if (errors.empty()) last_error_.clear();
    const auto changed = docs_.find(first);
    if (changed != docs_.end() && !IsConfig(changed->second.path)) Publish(changed->second);
    for (const auto& [uri, doc] : docs_) {
      if (uri != first && !IsConfig(doc.path)) Publish(doc);
    }
  }

  LintOptions OptionsWithBuffers() const {
    LintOptions options = options_;
    for (const auto& [uri, doc] : docs_) {
      if (!IsConfig(doc.path)) options.unsaved[doc.path] = doc.text;
    }
    return options;
  }

  void Publish(const OpenDocument& doc) {
    const LineIndex index(doc.text);
    Json diagnostics = Json::array();
    for (const Diagnostic& d : doc.findings) diagnostics.push_back(ToLsp(d, index));
    Publish(doc.uri, std::move(diagnostics));
  }

  Json ToLsp(const Diagnostic& d, const LineIndex& index) const {
    Json out = {
        {"range", index.Range(d.location.span.begin, d.location.span.end)},
        {"severity", LspSeverity(d.severity)},
        {"code", d.rule->id},
        {"codeDescription", {{"href", std::string(kHomepage) + "/blob/main/" + d.rule->DocPath()}}},
        {"source", "agentlint"},
        {"message", d.message + (d.help.empty() ? "" : "\nhelp: " + d.help.str()) + " [" +
                        RuleLabel(*d.rule) + "]"}};
    Json related = Json::array();
    for (const RelatedLocation& r : d.related) {
      const std::string path = Absolute(r.location.path);
      const std::string text = TextOf(path);
      related.push_back(
          {{"location",
            {{"uri", UriOf(path)},
             {"range", LineIndex(text).Range(r.location.span.begin, r.location.span.end)}}},
           {"message", r.message}});
    }
    if (!related.empty()) out["relatedInformation"] = std::move(related);
    return out;
  }

  // An open buffer's text, or the file's on disk (for related locations in other files).
  std::string TextOf(const std::string& path) const {
    for (const auto& [uri, doc] : docs_) {
      if (doc.path == path) return doc.text;
    }
    std::string text;
    std::string error;
    if (!ReadFileBytes(path, text, error, options_.max_file_bytes)) text.clear();
    return text;
  }

  std::string UriOf(const std::string& path) const {
    for (const auto& [uri, doc] : docs_) {
      if (doc.path == path) return uri;
    }
    return UriFromPath(path);
  }

  Json CodeActions(const Json& params) {
    const std::string uri = params.at("textDocument").at("uri");
    Json actions = Json::array();
    const auto it = docs_.find(uri);
    if (it == docs_.end()) return actions;
    const OpenDocument& doc = it->second;
    const LineIndex index(doc.text);
    const size_t begin = index.Offset(params.at("range").at("start"));
    const size_t end = index.Offset(params.at("range").at("end"));
    std::vector<std::string> only;
    if (params.contains("context") && params["context"].contains("only"))
      only = params["context"]["only"].get<std::vector<std::string>>();
    const auto wanted = [&](const std::string& kind) {
      if (only.empty()) return true;
      return std::any_of(only.begin(), only.end(), [&](const std::string& prefix) {
        return kind == prefix || kind.rfind(prefix + ".", 0) == 0;
      });
    };
    Json safe = Json::array();
    Json unsafe = Json::array();
    if (wanted("quickfix")) {
      for (const Diagnostic& d : doc.findings) {
        if (!d.fix || d.fix->edits.empty()) continue;
        // The finding's span touches the asked range (an empty range: the cursor).
        if (d.location.span.end < begin || d.location.span.begin > end) continue;
        Json edits = Json::array();
        for (const TextEdit& e : d.fix->edits)
          edits.push_back(
              {{"range", index.Range(e.span.begin, e.span.end)}, {"newText", e.replacement}});
        Json action = {{"title", d.fix->description + " (" + RuleLabel(*d.rule) +
                                     (d.fix->safe ? ")" : ", unsafe)")},
                       {"kind", "quickfix"},
                       {"diagnostics", Json::array({ToLsp(d, index)})},
                       {"isPreferred", d.fix->safe},
                       {"edit", {{"changes", {{doc.uri, std::move(edits)}}}}}};
        (d.fix->safe ? safe : unsafe).push_back(std::move(action));
      }
    }
    for (Json& action : safe) actions.push_back(std::move(action));
    for (Json& action : unsafe) actions.push_back(std::move(action));
    if (wanted(kFixAllKind)) {
      // What `agentlint --fix` would write for this buffer, as one edit of the whole text.
      const LintOptions options = OptionsWithBuffers();
      const Discovery discovery = Discover({doc.path}, {doc.path});
      if (!discovery.files.empty()) {
        ConfigSet configs;
        const FileFix fixed =
            FixFile(discovery.files.front(),
                    EffectiveOptions(options, configs.For(doc.path, options), doc.path), {});
        if (fixed.fixed > 0 && fixed.after != doc.text) {
          actions.push_back({{"title", "Fix all safe agentlint problems"},
                             {"kind", kFixAllKind},
                             {"edit",
                              {{"changes",
                                {{doc.uri, Json::array({{{"range", index.Range(0, doc.text.size())},
                                                         {"newText", fixed.after}}})}}}}}});
        }
      }
    }
    return actions;
  }

  Json Hover(const Json& params) const {
    const auto it = docs_.find(params.at("textDocument").at("uri").get<std::string>());
    if (it == docs_.end()) return nullptr;
    const OpenDocument& doc = it->second;
    const LineIndex index(doc.text);
    const size_t at = index.Offset(params.at("position"));
    std::string text;
    size_t begin = doc.text.size();
    size_t end = 0;
    std::vector<const RuleInfo*> shown;
    for (const Diagnostic& d : doc.findings) {
      const Span& span = d.location.span;
      const bool inside = span.empty() ? at == span.begin : at >= span.begin && at < span.end;
      if (!inside || std::find(shown.begin(), shown.end(), d.rule) != shown.end()) continue;
      shown.push_back(d.rule);
      begin = std::min(begin, span.begin);
      end = std::max(end, span.end);
      if (!text.empty()) text += "\n\n---\n\n";
      text += std::string(FindEmbedded(d.rule->DocPath()));
    }
    if (text.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", text}}},
            {"range", index.Range(begin, end)}};
  }

  void Publish(const std::string& uri, Json diagnostics) {
    WriteMessage(out_, {{"jsonrpc", "2.0"},
                        {"method", "textDocument/publishDiagnostics"},
                        {"params", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}}}});
  }

  void Result(const Json& id, Json result) {
    WriteMessage(out_, {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }

  void Reply(const Json& id, int code, const std::string& message) {
    WriteMessage(
        out_, {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  void Log(const std::string& message) {
    WriteMessage(out_, {{"jsonrpc", "2.0"},
                        {"method", "window/logMessage"},
                        {"params", {{"type", 1}, {"message", "agentlint: " + message}}}});
  }

  void ShowMessage(const std::string& message) {
    WriteMessage(out_, {{"jsonrpc", "2.0"},
                        {"method", "window/showMessage"},
                        {"params", {{"type", 2}, {"message", "agentlint: " + message}}}});
  }

  std::ostream& out_;
  LintOptions options_;
  std::map<std::string, OpenDocument> docs_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_dynamically_ = false;
  std::string last_error_;
};

}  // namespace

int Serve(std::istream& in, std::ostream& out, const LintOptions& options) {
  Server server(out, options);
  std::string body;
  for (;;) {
    switch (ReadMessage(in, body)) {
      case ReadStatus::kEnd:
        return server.exit_code();
      case ReadStatus::kBadHeader:
        continue;  // headers without a usable length: skip them, read the next message
      case ReadStatus::kMessage:
        if (!server.Handle(body)) return server.exit_code();
    }
  }
}

}  // namespace agentlint::lsp
