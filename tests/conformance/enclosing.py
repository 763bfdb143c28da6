#!/usr/bin/python3
"""Holds agentlint's view of nested projects against the real Claude Code's.

A repository with `.claude/agents` at its root and in `service/`: Claude Code started in
`service/` loads the agents of both folders (the closest winning a name), up to the git
repository's root and not beyond. For three layouts (git at the root; `service/` a git repository
of its own; no git at all) this asks Claude Code which agents it registers and which of two
same-named agents a subagent starts as, and holds agentlint to the same: a handoff from the
service's agent to the root's reviewer is unknown (AL403) exactly when Claude Code does not
register the reviewer, the service's `helper` is reported as shadowing the root's (AL402) exactly
when Claude Code loads both and starts the service's, and, with git at the root, the helper's
"SQLite only" is reported against the root's CLAUDE.md (AL406) exactly when Claude Code gives the
subagent that CLAUDE.md.

Usage: enclosing.py --claude BIN --agentlint BIN
Exit code: 0 when every layout agrees, 1 otherwise.
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


def agent(name, body):
    return ("---\nname: %s\ndescription: The %s agent. Use for %s tasks only.\n---\n\n%s\n"
            % (name, name, name, body))


def skill(name):
    return ("---\nname: %s\ndescription: A skill for tests. Use when testing.\n---\n\n"
            "SKILLBODY %s.\n" % (name, name))


FILES = {
    ".claude/agents/reviewer.md": agent("reviewer", "You are the ROOT reviewer. Review code."),
    ".claude/agents/helper.md": agent("helper", "You are the ROOT helper. Answer questions."),
    "service/.claude/agents/writer.md": agent(
        "writer", 'You write code. Then use the Agent tool with subagent_type: "reviewer".'),
    "service/.claude/agents/helper.md": agent("helper", "You are the SERVICE helper. SQLite only."),
    # Claude Code gives a subagent the CLAUDE.md of every folder above where it started.
    "CLAUDE.md": "# Repository\n\nUse PostgreSQL for all storage.\n",
    # and the skills of the folders above, up to the git root, as for agents.
    ".claude/skills/review-style/SKILL.md": skill("review-style"),
    "service/.claude/skills/deploy/SKILL.md": skill("deploy"),
    "service/.claude/agents/deployer.md": (
        "---\nname: deployer\ndescription: The deployer agent. Use for deployer tasks only.\n"
        "skills: deploy, review-style\n---\n\nYou deploy the service.\n"),
}


def ask_claude(claude, repo, home):
    """(registered agent names, the helper a subagent started as: 'ROOT', 'SERVICE' or None,
    whether that subagent was given the root's CLAUDE.md, whether the deployer was given the
    root's skill)."""
    probe = [oracle.SENTINEL, "reviewer", "helper", "deployer"]
    _, requests, calls = oracle.ask(claude, os.path.join(repo, "service"), home, probe)
    registered = oracle.registry(oracle.call_results(requests, calls).get(oracle.SENTINEL, ""))
    helper = None
    instructions = False
    root_skill = False
    for request in requests:
        if standin.is_subagent(request) and oracle.probe_of(request) == "deployer":
            root_skill = "SKILLBODY review-style" in json.dumps(request)
        if standin.is_subagent(request) and oracle.probe_of(request) == "helper":
            system = " ".join(oracle._strings(request.get("system", "")))
            helper = "SERVICE" if "SERVICE helper" in system else "ROOT" if "ROOT" in system else None
            instructions = "Use PostgreSQL for all storage" in json.dumps(request)
    return registered, helper, instructions, root_skill


def ask_agentlint(agentlint, repo, args):
    """{rule: number of its findings} on the service's files."""
    done = subprocess.run([agentlint, "--no-config", "--format", "json"] + args, cwd=repo,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts = {}
    for d in json.loads(done.stdout)["diagnostics"]:
        if d["path"].startswith("service/"):
            counts[d["rule"]] = counts.get(d["rule"], 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claude", required=True)
    parser.add_argument("--agentlint", required=True)
    args = parser.parse_args()
    failures = 0
    for layout in ("git at the root", "service a git repository of its own", "no git"):
        work = tempfile.mkdtemp(prefix="agentlint-enclosing-")
        try:
            repo = os.path.join(work, "repo")
            home = os.path.join(work, "home")
            os.makedirs(home)
            oracle.place(repo, FILES)
            if layout != "no git":
                oracle.git_init(repo)
            if layout == "service a git repository of its own":
                oracle.git_init(os.path.join(repo, "service"))
            registered, helper, instructions, root_skill = ask_claude(args.claude, repo, home)
            loads_root = "reviewer" in registered
            shadowed = loads_root and helper == "SERVICE"
            runs = [["."]]
            if layout != "no git":  # named alone, files read their enclosing projects' in a repository
                runs.append(["service/.claude/agents/writer.md", "service/.claude/agents/helper.md",
                             "service/.claude/agents/deployer.md"])
            for run in runs:
                counts = ask_agentlint(args.agentlint, repo, run)
                unknown = counts.get("AL403", 0) > 0
                reported_shadow = counts.get("AL402", 0) > 0
                ok = unknown == (not loads_root) and reported_shadow == shadowed
                # The deployer's `review-style`, a skill of the root: unknown (AL405) exactly when
                # Claude Code does not give it (no git: the skills above are not read, as above).
                if layout != "no git":
                    ok = ok and (counts.get("AL405", 0) > 0) == (not root_skill)
                # The root's CLAUDE.md is a party to the service helper's SQLite: agentlint reads
                # the CLAUDE.md of the folders above a project up to its git root only (it lints
                # the repository, not the machine), so the other layouts are not compared.
                conflict = counts.get("AL406", 0) > 0
                if layout == "git at the root":
                    ok = ok and conflict == instructions
                failures += not ok
                print("%-36s %-5s Claude Code: root agents %s, helper %s, root CLAUDE.md %s, root "
                      "skill %s; agentlint: AL403 %d, AL402 %d, AL406 %d, AL405 %d  %s"
                      % (layout, "." if run == ["."] else "named", "loaded" if loads_root else
                         "not loaded", helper, "given" if instructions else "not given",
                         "given" if root_skill else "not given", counts.get("AL403", 0),
                         counts.get("AL402", 0), counts.get("AL406", 0), counts.get("AL405", 0),
                         "ok" if ok else "DIFFERS"))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
