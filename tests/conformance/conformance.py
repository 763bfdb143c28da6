#!/usr/bin/python3
"""Holds agentlint's verdicts against the real Claude Code's, file by file.

For a set of agent files (the fixtures, or any folder), it places them in scratch projects
(`.claude/agents/<folder>/<file>`, so that every agent name in one project is unique), asks
Claude Code what it makes of each (oracle.py), asks `agentlint inspect --format json` the same
question about the same file in the same place, and compares: loads, name, description as shown
to the main model, listed, spawns, model sent and the tools the subagent gets; and the fields:
those whose value Claude Code's debug log says it drops as invalid, and the keys it says it does
not recognize, against `inspect`'s `invalid_fields` and `unknown_fields` ("fields") and against
the fields agentlint's findings name ("field findings"); and the `skills` entries it does not
find, against AL405, in project fixtures that have a `.claude/skills` folder ("skills"). A
fixture folder with Claude Code settings (`.claude/settings.json`) is a project of its own, its
settings placed beside its agents.

Differences that depend on the machine rather than on agentlint are named in KNOWN and not
counted: MCP tools (no MCP server is connected in a scratch project) and `isolation: worktree`
(the scratch repository has no remote branch). Everything else is a failure.

Usage:
  conformance.py --claude BIN --agentlint BIN --fixtures SOURCE_DIR      (the CTest)
  conformance.py --claude BIN --agentlint BIN --root DIR [--table]       (any folder; --table
                                                    prints the agreement per column)
Exit code: 0 when every compared field agrees, 1 otherwise.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

# The model a session runs on here: a name no alias resolves to, so that an agent that
# inherits it is told apart from one that names a model.
MAIN_MODEL = "claude-conformance-main"
COLUMNS = ["loads", "name", "description", "spawns", "model", "tools", "fields", "field findings",
           "skills", "verdict"]
# The fields whose dropped values Claude Code's debug log names ("has invalid effort 'none'").
LOGGED = {"permissionMode", "memory", "effort", "isolation", "background", "maxTurns",
          "autoCompactWindow"}
# The rules whose findings say that Claude Code drops a field's value, or does not know a key;
# and those that say it ignores an entry of `hooks` or `mcpServers` (which the log names too).
VALUE_RULES = {"AL108", "AL114", "AL115"}
ENTRY_RULES = {"AL116": "hooks", "AL117": "mcpServers"}
KEY_RULES = {"AL109", "AL110", "AL503"}
# What every agentlint finding says when Claude Code does not load the agent (checks/common.h).
NOT_LOADED = "Claude Code does not load this agent"
# Fixture folders that are not Claude Code agents.
# The names agentlint looks at in .claude/agents: `.md`, and the Markdown Claude Code never loads
# (`a.MD`, `a.markdown`, `a.txt`: AL015).
AGENT_NAME = re.compile(r"\.(?i:md|markdown|mdown|mkdn?|mdx|txt)$")
SKIP = re.compile(r"(^|/)(dialects|plugin)/|SKILL\.md$|\.fixed\.md$|(^|/)\.(opencode|kiro|github|gemini)/")


# A fixture folder with Claude Code settings beside its `.claude/agents` is a project of its own.
SETTINGS = (".claude/settings.json", ".claude/settings.local.json")


def own_project(root, prefix):
    return any(os.path.isfile(os.path.join(root, prefix, name)) for name in SETTINGS)


def fixture_files(source):
    """{(project, path in .claude/agents): bytes}: every Claude Code fixture, one project per
    multi-file case under fixtures/project and per folder with settings, the rest in shared
    projects."""
    root = os.path.join(source, "fixtures")
    files = {}
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root)
            if not AGENT_NAME.search(name) or SKIP.search(rel):
                continue
            marker = rel.find(".claude/agents/")
            if marker >= 0 and (rel.startswith("project/") or own_project(root, rel[:marker])):
                files[(rel[:marker], rel[marker + len(".claude/agents/"):])] = open(full, "rb").read()
            else:
                slug = os.path.dirname(rel).replace("/", "__") or "top"
                files[("", slug + "/" + name)] = open(full, "rb").read()
    return files


def fixture_extra(source):
    """{project: {path in the project: bytes}}: the `.claude/skills` files of the multi-file
    project fixtures and the Claude Code settings of any fixture project, placed beside their
    agents."""
    root = os.path.join(source, "fixtures")
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), root)
            marker = rel.find(".claude/skills/") if rel.startswith("project/") else -1
            if marker < 0 and rel.endswith(SETTINGS):
                marker = rel.rfind(".claude/")
            if marker >= 0:
                out.setdefault(rel[:marker], {})[rel[marker:]] = \
                    open(os.path.join(folder, name), "rb").read()
    return out


def batches(files):
    """Splits {path: bytes} into lists of paths whose candidate names never collide."""
    out = []
    for path in sorted(files):
        names = set(oracle.name_key(n) for n in oracle.candidate_names(path, files[path]))
        for batch in out:
            if not names & batch["names"] and len(batch["paths"]) < 150:
                batch["paths"].append(path)
                batch["names"] |= names
                break
        else:
            out.append({"paths": [path], "names": set(names)})
    return [b["paths"] for b in out]


def lint(agentlint, project):
    """{path under .claude/agents: [diagnostics]} of `agentlint --format json` on the project,
    every finding (inline suppressions are not read: a fixture may silence one on purpose)."""
    done = subprocess.run([agentlint, "--no-config", "--no-inline-config", "--format", "json",
                           "."], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    found = {}
    for d in json.loads(done.stdout)["diagnostics"]:
        path = d["path"]
        if path.startswith(".claude/agents/"):
            found.setdefault(path[len(".claude/agents/"):], []).append(d)
    return found


def logged_fields(invalid, unknown, entries=()):
    """What the fields columns compare: the logged fields whose value is dropped (and, for the
    findings, `hooks` or `mcpServers` when an entry of them is), and the keys that are not
    fields."""
    return {"invalid": sorted(set(invalid) & LOGGED | set(entries)),
            "unknown": sorted(set(unknown))}


def field_findings(findings):
    """(dropped values, unknown keys) as agentlint's findings name them: the field in backticks
    at the start of a value or key finding; every key in backticks of a foreign-field finding
    (`keys `a` (...), `b` (...) are not Claude Code fields`)."""
    invalid, unknown, entries = set(), set(), set()
    for d in findings:
        first = re.match(r"`([^`]+)`", d["message"])
        if d["rule"] in ENTRY_RULES and NOT_LOADED not in d["message"]:
            entries.add(ENTRY_RULES[d["rule"]])
        elif d["rule"] in VALUE_RULES and first:
            invalid.add(first.group(1))
        elif d["rule"] == "AL110":
            unknown.update(re.findall(r"`([^`]+)`", d["message"]))
        elif d["rule"] in KEY_RULES and first:
            unknown.add(first.group(1))
    return invalid, unknown, entries


def inspect(agentlint, project, path):
    done = subprocess.run([agentlint, "inspect", "--format", "json",
                           os.path.join(".claude", "agents", path)], cwd=project,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        return {"error": done.stderr.decode("utf-8", "replace").strip()}
    return json.loads(done.stdout)


def model_of(verdict_model, inspected):
    """The oracle's model id, and the id agentlint says the file's model is sent as (an agent
    that inherits gets the session's model)."""
    return verdict_model, inspected.get("model_id") or MAIN_MODEL


def known(path, data, column, verdict, inspected):
    """A reason when a difference depends on this machine, not on agentlint; else None."""
    text = data.decode("utf-8", "replace")
    if re.search(r"\bmcp__", text) and column in ("spawns", "tools"):
        return "MCP servers are not connected in a scratch project"
    if re.search(r"^isolation:\s*worktree", text, re.M) and column in ("spawns", "model", "tools"):
        return "worktree isolation needs a repository with a base branch"
    if inspected.get("why_not", "") and "agentlint's limits" in inspected.get("why_not", ""):
        return "over agentlint's input limits, which it does not read (AL012)"
    if (column == "loads" and not verdict["loads"] and not text.startswith("---") and
            "readme" in os.path.basename(path).lower()):
        return "documentation without front matter: agentlint skips it, Claude Code ignores it"
    return None


def missing_skills(findings):
    """The skills AL405 says do not exist."""
    return sorted(m.group(1) for d in findings if d["rule"] == "AL405"
                  for m in [re.match(r"skill `([^`]+)` does not exist", d["message"])] if m)


def compare(files, verdicts, inspected, findings, skills=False):
    """Rows of (path, column, claude, agentlint, reason or None) for every compared field. The
    `verdict` column holds the linter to the same standard: a finding says the agent does not load
    exactly when Claude Code does not load it."""
    rows = []
    for path in sorted(files):
        v, a = verdicts[path], inspected[path]
        said = any(NOT_LOADED in d["message"] for d in findings.get(path, []))
        claude_drops = not v["loads"]
        reason = None
        if said != claude_drops:
            reason = known(path, files[path], "loads", v, a) or "DIFFERS"
        rows.append((path, "verdict", "not loaded" if claude_drops else "loads",
                     "says not loaded" if said else "says nothing of loading", reason))
        if "error" in a:
            rows.append((path, "loads", v["loads"], "inspect failed: " + a["error"], "DIFFERS"))
            continue
        pairs = [("loads", v["loads"], a.get("loads"))]
        if v["loads"] and a.get("loads"):
            pairs.append(("name", v["name"], a.get("name")))
            if v["listed"]:
                pairs.append(("description", v["description"], a.get("description")))
            pairs.append(("spawns", v["spawns"], a.get("spawns")))
            if v["spawns"] and a.get("spawns"):
                pairs.append(("model",) + model_of(v["model"], a))
                tools = lambda ts: sorted(t for t in (ts or []) if not t.startswith("mcp__"))
                pairs.append(("tools", tools(v["tools"]), tools(a.get("tools"))))
        if v["loads"] and a.get("loads") and v["unknown"] is not None:
            # Claude Code names the first five unknown keys in the order written and counts
            # the rest; agentlint's are compared whole, so only when the log names them all.
            pairs.append(("fields", logged_fields(v["invalid"], v["unknown"]),
                          logged_fields(a.get("invalid_fields", []), a.get("unknown_fields", []))))
            invalid, unknown, entries = field_findings(findings.get(path, []))
            ignored = {"mcpServers"} & set(v["invalid"])
            if v["hooks_ignored"]:
                ignored.add("hooks")
            pairs.append(("field findings", logged_fields(v["invalid"], v["unknown"], ignored),
                          logged_fields(invalid, unknown, entries)))
        if skills and v["loads"]:
            # Only where the project has a .claude/skills folder: without one, AL405 takes the
            # skills to be the user's. A `plugin:skill` entry needs that plugin installed.
            pairs.append(("skills", [n for n in v["skills_missing"] if ":" not in n],
                          missing_skills(findings.get(path, []))))
        for column, claude, ours in pairs:
            reason = None
            if claude != ours:
                reason = known(path, files[path], column, v, a) or "DIFFERS"
            rows.append((path, column, claude, ours, reason))
    return rows


def run_project(claude, agentlint, files, extra=None):
    """Runs the oracle on one project's files (and its other files, extra) and inspects each in
    place."""
    work = tempfile.mkdtemp(prefix="agentlint-conformance-")
    verdicts = oracle.run(claude, files, keep_project=work, extra=extra)
    project = os.path.join(work, "project")
    inspected = {path: inspect(agentlint, project, path) for path in files}
    findings = lint(agentlint, project)
    subprocess.run(["rm", "-rf", work])
    return verdicts, inspected, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claude", required=True)
    parser.add_argument("--agentlint", required=True)
    parser.add_argument("--fixtures")
    parser.add_argument("--root")
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--json", help="write every row here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="Claude Code runs at once (default: one per core)")
    args = parser.parse_args()
    args.claude = os.path.abspath(args.claude)
    args.agentlint = os.path.abspath(args.agentlint)
    oracle.EXTRA_ARGS = ["--model", MAIN_MODEL]
    projects = {}
    extras = fixture_extra(args.fixtures) if args.fixtures else {}
    if args.fixtures:
        for (project, path), data in fixture_files(args.fixtures).items():
            projects.setdefault(project, {})[path] = data
    if args.root:
        for folder, _, names in os.walk(args.root):
            for name in names:
                if AGENT_NAME.search(name):
                    full = os.path.join(folder, name)
                    projects.setdefault("", {})[os.path.relpath(full, args.root)] = \
                        open(full, "rb").read()
    jobs = []  # (project, {path: bytes}), each run in its own scratch project
    for project, files in sorted(projects.items()):
        groups = [sorted(files)] if project else batches(files)
        jobs += [(project, {p: files[p] for p in group}) for group in groups]

    def one(job):
        project, subset = job
        extra = extras.get(project)
        skills = any(".claude/skills/" in path for path in extra or ())
        verdicts, inspected, findings = run_project(args.claude, args.agentlint, subset, extra)
        return [(os.path.join(project, r[0]),) + r[1:]
                for r in compare(subset, verdicts, inspected, findings, skills)]

    # Each job waits mostly on its own Claude Code process (own HOME, own stand-in on its own
    # port): several run at once; rows keep the jobs' order, so the report is the same.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = [row for rows_of_job in pool.map(one, jobs) for row in rows_of_job]
    differ = [r for r in rows if r[4] == "DIFFERS"]
    env = [r for r in rows if r[4] not in (None, "DIFFERS")]
    for path, column, claude, ours, reason in differ:
        print("DIFFERS %s [%s]\n  claude:    %r\n  agentlint: %r" % (path, column, claude, ours))
    for path, column, claude, ours, reason in env:
        print("known   %s [%s]: %s" % (path, column, reason))
    if args.table:
        print("\n| column | compared | agree | agreement |\n|---|---:|---:|---:|")
        for column in COLUMNS:
            mine = [r for r in rows if r[1] == column and r[4] in (None, "DIFFERS")]
            agree = sum(r[4] is None for r in mine)
            print("| %s | %d | %d | %.2f %% |" % (column, len(mine), agree,
                                                  100.0 * agree / len(mine) if mine else 100.0))
    if args.json:
        json.dump([list(r) for r in rows], open(args.json, "w"), indent=1, default=str)
    files_checked = len({r[0] for r in rows})
    print("%d files, %d fields compared, %d differ, %d depend on this machine" %
          (files_checked, len(rows), len(differ), len(env)))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
