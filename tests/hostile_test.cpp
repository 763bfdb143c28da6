// Hostile inputs mixed into a folder of good agents: every good agent is still reported
// correctly, nothing crashes or hangs, and the exit code is 0, 1 or 2.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "test_util.h"

using namespace agentlint::test;
namespace fs = std::filesystem;

namespace {

// Runs agentlint with a hang guard: `timeout` kills it after `seconds` (exit code 124).
int RunAgentlint(const std::string& args, std::string& out, int seconds = 120) {
  const std::string command = "timeout " + std::to_string(seconds) + " '" +
                              std::string(AGENTLINT_BINARY) + "' " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const char* kGood =
    "---\nname: good-%d\ndescription: A good agent. Use for tests.\ntools: Read, Bassh\n---\n"
    "You are a good agent with a typo in its tools.\n";

}  // namespace

TEST_CASE("hostile: a folder of good agents mixed with hostile files") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  for (int i = 0; i < 3; ++i) {
    char text[256];
    std::snprintf(text, sizeof text, kGood, i);
    WriteFile(agents / ("good-" + std::to_string(i) + ".md"), text);
  }
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) % 256);
  WriteFile(agents / "binary.md", binary);
  WriteFile(agents / "empty.md", "");
  WriteFile(agents / "latin1.md", "---\nname: caf\xe9\ndescription: x\n---\nbody \xff\xfe text\n");
  // 50 MB: over the size limit, read never.
  {
    std::ofstream big(agents / "big.md", std::ios::binary);
    big << "---\nname: big\ndescription: big\n---\n";
    const std::string line(1023, 'x');
    for (int i = 0; i < 50 * 1024; ++i) big << line << '\n';
  }
  WriteFile(agents / "deep.md",
            "---\nname: deep\ndescription: deep\nx: " + std::string(100000, '[') +
                std::string(100000, ']') + "\n---\nYou are deeply nested here.\n");
  WriteFile(agents / "deep-block.md", [] {
    std::string s = "---\nname: deep-block\ndescription: deep\n";
    for (int i = 0; i < 5000; ++i)
      s += std::string(static_cast<size_t>(i) * 2 % 4000, ' ') + "k" + std::to_string(i) + ":\n";
    return s + "---\nYou are deeply nested here.\n";
  }());
  std::string bomb =
      "---\nname: bomb\ndescription: alias bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'z'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k)
      bomb += std::string(k ? ", " : "") + "*" + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  WriteFile(agents / "bomb.md", bomb + "---\nYou are an alias bomb.\n");
  WriteFile(agents / "long-line.md", "---\nname: long-line\ndescription: long\ntools: Read, " +
                                         std::string(200000, 'Z') +
                                         "\n---\nYou are a long line.\n");
  REQUIRE(::mkfifo((agents / "fifo.md").c_str(), 0600) == 0);
  fs::create_directory_symlink(agents, agents / "loop");
  TempDir outside;
  WriteFile(outside.path() / "secret.md",
            "---\nname: outside\ndescription: outside\n---\nOutside the tree.\n");
  fs::create_symlink(outside.path() / "secret.md", agents / "outside.md");
  fs::create_directories(agents / "dir.md");
  WriteFile(agents / "unreadable.md", "---\nname: locked\ndescription: locked\n---\nLocked.\n");
  ::chmod((agents / "unreadable.md").c_str(), 0);

  std::string out;
  const int code = RunAgentlint(
      "--format json '" + tmp.path().string() + "' '" + (agents / "fifo.md").string() + "'", out);
  CHECK((code == 0 || code == 1 || code == 2));
  CHECK(code == 2);  // the FIFO named on the command line is a usage error; the rest still runs
  const size_t json = out.find('{');
  REQUIRE(json != std::string::npos);
  CHECK(JsonChecker(out.substr(json)).Valid());
  for (int i = 0; i < 3; ++i) {
    CHECK(HasFinding(out, {.path = "good-" + std::to_string(i) + ".md", .line = 4, .column = 14}));
  }
  CHECK(HasFinding(out, {.path = "big.md",
                         .line = 1,
                         .column = 1,
                         .end_line = 1,
                         .end_column = 1,
                         .rule = "AL001",
                         .offset = 0,
                         .end_offset = 0}));
  CHECK(out.find("\"rule\": \"AL012\"") != std::string::npos);  // too deep
  CHECK(out.find("latin1.md") != std::string::npos);
  CHECK(out.find("outside.md") == std::string::npos);  // not followed out of the tree
  CHECK(out.find("Outside the tree") == std::string::npos);
  CHECK(out.find("fifo.md: not a regular file") != std::string::npos);
}

// Each hole of issue 10, mixed with good agents in one folder, as a user would meet them: a
// finding or a clear message, an exit code of 0, 1 or 2, the good agents still linted, and
// nothing raw reaching the terminal.
TEST_CASE("hostile: deep quotes, a backtracking glob, 26,000 keys, a bad number, control bytes") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  for (int i = 0; i < 2; ++i) {
    char text[256];
    std::snprintf(text, sizeof text, kGood, i);
    WriteFile(agents / ("good-" + std::to_string(i) + ".md"), text);
  }
  WriteFile(agents / "quotes.md", "---\nname: quotes\ndescription: Deep quotes. Use never.\n---\n" +
                                      std::string(100000, '>') + " You are quoted.\n");
  std::string keys = "---\nname: keys\ndescription: Many keys. Use never.\n";
  for (int i = 0; i < 26000; ++i) keys += "k" + std::to_string(i) + ": v\n";
  WriteFile(agents / "keys.md", keys + "---\nYou are keyed. Report what you find.\n");
  WriteFile(agents / "escape.md",
            "---\nname: escape\ndescription: Escapes. Use never.\ntools: Read, Ba\x1b[31msh\x07\n"
            "---\nYou are \x1b]0;owned\x07 here. Report what you find.\n");
  // A path the glob has to work hard on, and a config with a bad number and a bad glob.
  const fs::path nested = agents / std::string(40, 'a');
  WriteFile(nested / (std::string(60, 'a') + ".md"),
            "---\nname: nested\ndescription: Nested. Use never.\n---\nYou are nested here.\n");
  WriteFile(tmp.path() / ".agentlint.yaml",
            "exclude: [\"**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\", \"[oops\"]\n"
            "knowledge:\n  secrets:\n    - id: acme\n      description: an ACME key\n"
            "      pattern: '(acme_[a-z]{8})'\n      min_entropy: lots\n");

  std::string out;
  const int code = RunAgentlint("--color never '" + tmp.path().string() + "'", out);
  CHECK(code == 2);  // the config is wrong: a usage error, reported with everything else
  CHECK(out.find(".agentlint.yaml:7:20: error: `min_entropy` must be a number from 0 to 8") !=
        std::string::npos);
  CHECK(out.find("`[oops` is not a usable glob") != std::string::npos);
  CHECK(out.find("internal error") == std::string::npos);
  for (int i = 0; i < 2; ++i) {
    CHECK(out.find("good-" + std::to_string(i) + ".md:4:14: error: `Bassh`") != std::string::npos);
  }
  CHECK(out.find("quotes.md:5:65: error: the body nests block quotes and lists 100000 levels "
                 "deep, over the limit of 64") != std::string::npos);
  CHECK(out.find("keys.md:4:1: info: keys `k0`") != std::string::npos);
  CHECK(out.find("and 25990 more are not Claude Code fields") != std::string::npos);
  CHECK(out.find(std::string(60, 'a') + ".md:4:1:") != std::string::npos);  // linted: no match
  // Control bytes are shown escaped, in messages and code frames, and never sent raw.
  CHECK(out.find("`Ba\\x1b[31msh\\x07` is not a Claude Code tool") != std::string::npos);
  CHECK(out.find(" | tools: Read, Ba\\x1b[31msh\\x07") != std::string::npos);
  CHECK(out.find("escape.md:6:9: warning: invisible character U+001B (control character)") !=
        std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
}

// Found by fuzz_config: a secret pattern from the configuration that can match nothing (`|...`)
// made the secret scan loop forever on every file.
TEST_CASE("hostile: a configured secret pattern that matches the empty string ends") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  WriteFile(agents / "a.md",
            "---\nname: a\ndescription: Deploys. Use after merges.\ntools: Read, Bassh\n---\n"
            "You deploy with the key acme_qzxwvkjh here.\n");
  WriteFile(tmp.path() / ".agentlint.yaml",
            "knowledge:\n  secrets:\n    - id: acme\n      description: an ACME key\n"
            "      pattern: '|(acme_[a-z]{8})'\n      min_entropy: 1\n");
  std::string out;
  const int code = RunAgentlint("--color never '" + tmp.path().string() + "'", out, 30);
  CHECK(code == 1);
  CHECK(out.find("a.md:4:14: error: `Bassh`") != std::string::npos);
}

// Shapes that cost time quadratic in the input before issue 10 was fixed (each took from 5 s to
// minutes at these sizes; linear now, well under a second each). The guard is a hang guard with a
// wide margin, not a timing: a quadratic regression at these sizes takes minutes. Under the
// sanitizers the sizes are a quarter (AGENTLINT_HOSTILE_SCALE): the same code paths, checked for
// memory errors, without minutes of instrumented work.
TEST_CASE("hostile: shapes that used to cost quadratic time finish, with their findings") {
  constexpr int kScale = AGENTLINT_HOSTILE_SCALE;
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  const auto agent = [&](const std::string& name, const std::string& front,
                         const std::string& body) {
    WriteFile(agents / (name + ".md"),
              "---\nname: " + name + "\ndescription: Shapes. Use never.\n" + front +
                  "---\nYou are a stress test. Report what you find.\n" + body);
  };
  std::string suppressions;  // 60,000 range suppressions, then as many enables
  for (int i = 0; i < 60000 / kScale; ++i) suppressions += "<!-- agentlint-disable AL205 -->\n";
  for (int i = 0; i < 60000 / kScale; ++i) suppressions += "<!-- agentlint-enable AL205 -->\n";
  agent("suppressions", "", suppressions);
  std::string tools = "tools: Read";  // 60,000 findings and fixes on one line (660 KB)
  for (int i = 0; i < 60000 / kScale; ++i) tools += ", MultiEdit";
  WriteFile(tmp.path() / ".agentlint.yaml", "limits: {front-matter-bytes: 1000000}\n");
  agent("fixes", tools + "\n", "");
  std::string links;  // one paragraph of 40,000 links and inline comments
  for (int i = 0; i < 40000 / kScale; ++i)
    links += "see [doc " + std::to_string(i) + "](docs/f" + std::to_string(i) + ".md) <!-- c -->\n";
  agent("links", "", links);
  std::string comments;  // a body that is almost all comments
  for (int i = 0; i < 200000 / kScale; ++i) comments += "<!-- c -->";
  agent("comments", "", comments + "\n");
  for (int i = 0; i < 300; ++i) agent("copy-" + std::to_string(i), "", "");  // same name below
  for (int i = 0; i < 300; ++i) {
    WriteFile(agents / ("twin-" + std::to_string(i) + ".md"),
              "---\nname: twin\ndescription: Twins. Use never.\n---\nYou are one of many twins "
              "here.\n");
  }
  std::string crlf = "---\r\nname: crlf\r\ndescription: Line ends. Use never.\r\n---\r\n";
  for (int i = 0; i < 200000 / kScale; ++i) crlf += "You are a line.\r\n";
  WriteFile(agents / "crlf.md", crlf);

  std::string out;
  const int code = RunAgentlint("-q --format json '" + tmp.path().string() + "'", out, 120);
  CHECK(code == 1);
  CHECK(JsonChecker(out.substr(std::min(out.size(), out.find('{')))).Valid());
  CHECK(out.find("more than 1000 suppressions in one file") != std::string::npos);
  CHECK(HasFinding(out, {.path = "twin-0.md", .line = 2}));     // duplicate names
  CHECK(out.find("\"rule\": \"AL004\"") != std::string::npos);  // CRLF
  // --fix on the 60,000 removed tools and the 200,000 CRLF line ends.
  std::string fixed;
  CHECK(RunAgentlint("-q --fix '" + (agents / "fixes.md").string() + "' '" +
                         (agents / "crlf.md").string() + "'",
                     fixed, 120) != 124);
  const std::string after = ReadFile(agents / "fixes.md");
  CHECK(after.find("tools: Read, Edit\n") != std::string::npos);
  CHECK(ReadFile(agents / "crlf.md").find('\r') == std::string::npos);
}

TEST_CASE(
    "hostile: project settings nested a million deep, or not JSON, deny nothing and crash "
    "nothing") {
  TempDir tmp;
  const fs::path agents = tmp.path() / ".claude/agents";
  WriteFile(agents / "a.md",
            "---\nname: a\ndescription: Fetches docs. Use for research.\ntools: Read, WebFetch\n"
            "---\nYou fetch the documentation pages you are asked about and summarise them.\n");
  for (const std::string& settings :
       {"{\"permissions\":{\"deny\":" + std::string(500000, '[') + std::string(500000, ']') + "}}",
        "{\"permissions\":{\"deny\":" + std::string(500000, '['), std::string("\xFF\xFE{")}) {
    WriteFile(tmp.path() / ".claude/settings.json", settings);
    std::string out;
    CHECK(RunAgentlint("--no-config '" + tmp.path().string() + "'", out) == 0);
    std::string inspected;
    CHECK(RunAgentlint("inspect '" + (agents / "a.md").string() + "'", inspected) == 0);
    CHECK(inspected.find("    + WebFetch\n") != std::string::npos);
  }
}
