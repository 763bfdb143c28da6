// The parser's floor: what reading and parsing the same files with libcmark-gfm (the four GFM
// extensions agentlint attaches) costs, with nothing else. bench/bench.py runs it next to
// agentlint; agentlint's single-threaded CPU time is measured against this.
// Usage: cmark_floor FILE...   (or: cmark_floor --list FILE, one path per line)
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--list" && i + 1 < argc) {
      std::ifstream list(argv[++i]);
      for (std::string line; std::getline(list, line);) paths.push_back(line);
    } else {
      paths.push_back(arg);
    }
  }
  cmark_gfm_core_extensions_ensure_registered();
  size_t nodes = 0;
  for (const std::string& path : paths) {
    // Read as agentlint reads: one buffer of the file's size (iostream iterators would cost a
    // tenth of the parse and flatter every ratio against this floor).
    std::string text;
    if (FILE* file = std::fopen(path.c_str(), "rb")) {
      char buffer[65536];
      for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
      std::fclose(file);
    }
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    nodes += root != nullptr;
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  std::cout << paths.size() << " files parsed\n";
  return nodes == paths.size() ? 0 : 1;
}
