#!/usr/bin/python3
"""Holds agentlint's view of a project's instructions against the real Claude Code's.

Claude Code gives every subagent the project's instructions: not only `CLAUDE.md` but
`CLAUDE.local.md`, `.claude/CLAUDE.md`, the files they import, and the rule files of
`.claude/rules`, except the rules whose front matter limits them to `paths` (those are loaded only
when a matching file is read). agentlint reads the same files as parties to conflicting guidance
(AL406). Every candidate file below says "Use PostgreSQL for all storage" and carries its own
marker; the agent says "SQLite only". For two layouts (the agent beside the files, and the agent
in a nested `service/` project started there) this asks Claude Code which markers the subagent's
request holds, and holds agentlint to the same: a file is listed by `agentlint inspect` and
named by the agent's AL406 finding exactly when Claude Code gives it to the subagent. A second
agent, with `omitClaudeMd: true`, is given none of them, and `inspect` must list none.

Usage: instructions.py --claude BIN --agentlint BIN
Exit code: 0 when both layouts agree, 1 otherwise.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402
import standin  # noqa: E402

STANCE = "Use PostgreSQL for all storage."


def party(marker, front_matter=None, tail="", newline="\n", bom=""):
    text = "%s Marker %s here.%s%s" % (STANCE, marker, newline, tail)
    if front_matter is not None:
        text = newline.join(["---"] + front_matter.split("\n") + ["---", "", text])
    return bom + text


# path -> text. The marker is the path itself, so a finding's related location names it.
CANDIDATES = {
    "CLAUDE.md": party("CLAUDE.md", tail="\n@docs/main-notes.md and @../outside-notes.md\n"),
    "docs/main-notes.md": party("docs/main-notes.md"),
    "../outside-notes.md": party("../outside-notes.md"),
    "service/CLAUDE.md": party("service/CLAUDE.md",
                               tail="\n@notes/service-notes.md and @../docs/up-notes.md\n"),
    "service/notes/service-notes.md": party("service/notes/service-notes.md"),
    "docs/up-notes.md": party("docs/up-notes.md"),
    "CLAUDE.local.md": party("CLAUDE.local.md", tail="\n@docs/local-notes.md\n"),
    "docs/local-notes.md": party("docs/local-notes.md"),
    ".claude/CLAUDE.md": party(".claude/CLAUDE.md"),
    ".claude/CLAUDE.local.md": party(".claude/CLAUDE.local.md"),
    "AGENTS.md": party("AGENTS.md"),
    ".claude/rules/storage.md": party(".claude/rules/storage.md",
                                      tail="\n@../../docs/rule-notes.md\n"),
    "docs/rule-notes.md": party("docs/rule-notes.md"),
    ".claude/rules/team/deep.md": party(".claude/rules/team/deep.md"),
    ".claude/rules/.hidden.md": party(".claude/rules/.hidden.md"),
    ".claude/rules/SHOUT.MD": party(".claude/rules/SHOUT.MD"),
    ".claude/rules/notes.txt": party(".claude/rules/notes.txt"),
    ".claude/rules/described.md": party(".claude/rules/described.md", "description: storage"),
    ".claude/rules/null.md": party(".claude/rules/null.md", "paths:"),
    ".claude/rules/empty.md": party(".claude/rules/empty.md", 'paths: ""'),
    ".claude/rules/number.md": party(".claude/rules/number.md", "paths: 5"),
    ".claude/rules/mapping.md": party(".claude/rules/mapping.md", "paths: {a: b}"),
    ".claude/rules/none.md": party(".claude/rules/none.md", "paths: []"),
    ".claude/rules/all.md": party(".claude/rules/all.md", 'paths: "**"'),
    ".claude/rules/all-list.md": party(".claude/rules/all-list.md", 'paths: ["**"]'),
    ".claude/rules/all-twice.md": party(".claude/rules/all-twice.md", 'paths: "**, **"'),
    ".claude/rules/every-file.md": party(".claude/rules/every-file.md", 'paths: "**/*"'),
    ".claude/rules/star.md": party(".claude/rules/star.md", 'paths: "*"'),
    ".claude/rules/python.md": party(".claude/rules/python.md", 'paths:\n  - "src/**/*.py"',
                                     tail="\n@../../docs/scoped-notes.md\n"),
    "docs/scoped-notes.md": party("docs/scoped-notes.md"),
    ".claude/rules/mixed.md": party(".claude/rules/mixed.md", 'paths: ["**", "src/*.py"]'),
    ".claude/rules/crlf.md": party(".claude/rules/crlf.md", "paths: src/**", newline="\r\n"),
    ".claude/rules/bom.md": party(".claude/rules/bom.md", "paths: src/**", bom="\ufeff"),
    ".claude/rules/unclosed.md": "---\npaths: src/**\n\n" + party(".claude/rules/unclosed.md"),
    ".claude/rules/retried.md": party(".claude/rules/retried.md",
                                      "paths: src/**\ndescription: storage: all of it"),
    ".claude/rules/broken.md": party(".claude/rules/broken.md", "paths: [src/**"),
    ".claude/rules/not-a-mapping.md": party(".claude/rules/not-a-mapping.md", "- src/**"),
    "src/app.py": "print('hello')\n",
}

AGENT = ("---\nname: helper\ndescription: The helper agent. Use for helper tasks only.\n---\n\n"
         "You are the helper. Use SQLite only for storage.\n")
OMITTER = ("---\nname: omitter\ndescription: The omitter agent. Use for omitter tasks only.\n"
           "omitClaudeMd: true\n---\n\nYou are the omitter. Answer questions.\n")


def ask_claude(claude, start, home, markers):
    """{agent: the markers its subagent's request holds}."""
    _, requests, _ = oracle.ask(claude, start, home, ["helper", "omitter"])
    given = {}
    for request in requests:
        name = oracle.probe_of(request)
        if standin.is_subagent(request) and name in ("helper", "omitter") and name not in given:
            text = json.dumps(request)
            given[name] = {m for m in markers if "Marker %s here." % m in text}
    if len(given) != 2:
        raise RuntimeError("Claude Code did not start both subagents")
    return given


def ask_inspect(agentlint, repo, agent_path):
    """The instructions `agentlint inspect` says the agent is given."""
    done = subprocess.run([agentlint, "inspect", "--format", "json", agent_path], cwd=repo,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError("agentlint inspect failed: " + done.stderr)
    return set(json.loads(done.stdout)["instructions"])


def ask_agentlint(agentlint, repo, agent_path, markers):
    """The candidates agentlint compares the agent with: for each, a run where only that file
    takes the stance (the others keep their text, imports and front matter, without it), which
    the agent's AL406 finding names exactly when the file is a party."""
    named = set()
    for marker in markers:
        oracle.place(repo, {other: CANDIDATES[other] if other == marker else
                            CANDIDATES[other].replace(STANCE, "Storage notes.")
                            for other in markers})
        done = subprocess.run([agentlint, "--no-config", "--format", "json", "."], cwd=repo,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError("agentlint failed: " + done.stderr)
        for d in json.loads(done.stdout)["diagnostics"]:
            if d["rule"] == "AL406" and d["path"] == agent_path:
                named.update(r["path"] for r in d.get("related", []))
    return named


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claude", required=True)
    parser.add_argument("--agentlint", required=True)
    args = parser.parse_args()
    failures = 0
    markers = [path for path in CANDIDATES if path != "src/app.py"]
    for layout in ("agent beside them", "agent in service/"):
        work = tempfile.mkdtemp(prefix="agentlint-instructions-")
        try:
            repo = os.path.join(work, "repo")
            home = os.path.join(work, "home")
            os.makedirs(home)
            agent_dir = "service/" if layout == "agent in service/" else ""
            files = dict(CANDIDATES)
            files[agent_dir + ".claude/agents/helper.md"] = AGENT
            files[agent_dir + ".claude/agents/omitter.md"] = OMITTER
            oracle.place(repo, files)
            oracle.git_init(repo)
            asked = ask_claude(args.claude, os.path.join(repo, agent_dir), home, markers)
            given = asked["helper"]
            listed = ask_inspect(args.agentlint, repo, agent_dir + ".claude/agents/helper.md")
            named = ask_agentlint(args.agentlint, repo, agent_dir + ".claude/agents/helper.md",
                                  markers)
            for marker in markers:
                ok = (marker in given) == (marker in named) == (marker in listed)
                failures += not ok
                print("%-20s %-32s Claude Code: %-9s agentlint: %-9s %-10s %s"
                      % (layout, marker, "given" if marker in given else "not given",
                         "party" if marker in named else "not party",
                         "listed" if marker in listed else "not listed", "ok" if ok else "DIFFERS"))
            omitted = ask_inspect(args.agentlint, repo, agent_dir + ".claude/agents/omitter.md")
            ok = not asked["omitter"] and not omitted
            failures += not ok
            print("%-20s %-32s Claude Code: given %d, agentlint inspect: %d  %s"
                  % (layout, "omitClaudeMd: true", len(asked["omitter"]), len(omitted),
                     "ok" if ok else "DIFFERS"))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
