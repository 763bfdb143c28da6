#!/usr/bin/python3
"""Holds agentlint's view of plugin agents against the real Claude Code's.

Every fixture plugin (a folder with `.claude-plugin/plugin.json` and `agents/`) is given to
Claude Code with `--plugin-dir`, in a scratch project of its own. For each of its agents, Claude
Code is asked whether it registers `<plugin>:<name>` and which tools the subagent gets, and its
debug log says which fields it ignores because the agent comes from a plugin ("sets
permissionMode, which is ignored for plugin agents") and which values it drops as invalid.
agentlint must agree: `inspect` on the agent in its plugin (loads, tools, ignored_fields,
invalid_fields), and AL129 plugin-ignored-field reported on exactly the fields Claude Code
ignores.

Usage: plugins.py --claude BIN --agentlint BIN --fixtures SOURCE_DIR   (the CTest)
       plugins.py --claude BIN --agentlint BIN --root DIR   (every `plugins/<name>/agents` folder
                  under DIR, given a `plugin.json` named <name>: the corpus's plugins)
Exit code: 0 when every plugin agent agrees, 1 otherwise.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance  # noqa: E402
import oracle  # noqa: E402
import standin  # noqa: E402


def plugins(root, manifest):
    """Every plugin folder with agents under root: with manifest, those that have a
    `.claude-plugin/plugin.json`; without, every `plugins/<name>` folder that has `agents/`."""
    for folder, names, _ in sorted(os.walk(root)):
        names.sort()
        if not os.path.isdir(os.path.join(folder, "agents")):
            continue
        if (os.path.isfile(os.path.join(folder, ".claude-plugin", "plugin.json")) if manifest
                else os.path.basename(os.path.dirname(folder)) == "plugins"):
            yield folder


def agent_files(agents):
    """The files under a plugin's agents/ that may be agents, as paths below it: `.md` in any
    case (`.MD` loads from a plugin, `.markdown` does not, and both are compared), in subfolders
    too; a linked folder is not entered (Claude Code does not follow it), a linked file is
    listed."""
    out = []
    for folder, _, names in os.walk(agents):
        for n in names:
            if conformance.AGENT_NAME.search(n):
                out.append(os.path.relpath(os.path.join(folder, n), agents))
    return sorted(out)


def claude_view(claude, plugin, work):
    """{file name: {"loads", "tools", "ignored", "invalid"}} as Claude Code sees the plugin's
    agents."""
    prefix = json.load(open(os.path.join(plugin, ".claude-plugin", "plugin.json")))["name"] + ":"
    agents = os.path.join(plugin, "agents")
    files = {n: open(os.path.join(agents, n), "rb").read() for n in agent_files(agents)}
    # A subfolder of agents/ is part of the id: `agents/review/x.md` is `<plugin>:review:x`.
    names = {n: [prefix + "".join(p + ":" for p in os.path.dirname(n).split("/") if p) + c
                 for c in oracle.candidate_names(n, data)] for n, data in files.items()}
    project, home = os.path.join(work, "project"), os.path.join(work, "home")
    os.makedirs(project)
    os.makedirs(home)
    oracle.git_init(project)
    probe = [oracle.SENTINEL] + [c for n in sorted(files) for c in names[n]]
    # Passed to this run only: several plugins are asked about at once, on other threads.
    done, requests, calls = oracle.ask(claude, project, home, probe,
                                       args=["--plugin-dir", plugin])
    registered = oracle.registry(oracle.call_results(requests, calls).get(oracle.SENTINEL, ""))
    if not registered:
        raise RuntimeError("Claude Code listed no agents:\n" +
                           done.stdout.decode("utf-8", "replace")[-2000:])
    spawned = {}
    for request in requests:
        if standin.is_subagent(request):
            spawned.setdefault(oracle.probe_of(request), request)
    logged = oracle.field_log(home)
    out = {}
    for n in sorted(files):
        name = next((c for c in names[n] if c in registered), None)
        log = logged.get(os.path.join(agents, n), {})
        out[n] = {"loads": name is not None, "id": name,
                  "tools": oracle.subagent_tools(spawned[name]) if name in spawned else None,
                  "ignored": sorted(log.get("plugin_ignored", ())),
                  "invalid": sorted(set(log.get("invalid", ())) & conformance.LOGGED)}
    return out


def agentlint_view(agentlint, plugin):
    """The same, as `agentlint inspect` and AL129's findings say it."""
    findings = {}
    done = subprocess.run([agentlint, "--no-config", "--no-inline-config", "--format", "json",
                           "."], cwd=plugin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for d in json.loads(done.stdout)["diagnostics"]:
        m = re.match(r"plugin agents ignore `([^`]+)`", d["message"])
        if d["rule"] == "AL129" and m:
            findings.setdefault(os.path.basename(d["path"]), set()).add(m.group(1))
    out = {}
    agents = os.path.join(plugin, "agents")
    for n in agent_files(agents):
        inspected = json.loads(subprocess.run(
            [agentlint, "inspect", "--format", "json", os.path.join("agents", n)], cwd=plugin,
            stdout=subprocess.PIPE, check=True).stdout)
        out[n] = {"loads": inspected["loads"],
                  "id": inspected.get("registered_as") if inspected["loads"] else None,
                  "tools": inspected["tools"] if inspected["spawns"] else None,
                  "ignored": sorted(inspected["ignored_fields"]),
                  "invalid": sorted(set(inspected.get("invalid_fields", [])) & conformance.LOGGED),
                  "AL129": sorted(findings.get(n, ()))}
    return out


def check(claude, agentlint, source, root):
    """Lines that say where Claude Code and agentlint differ on one plugin, and the number of
    fields compared."""
    work = tempfile.mkdtemp(prefix="agentlint-plugins-")
    try:
        plugin = os.path.join(work, os.path.basename(source))
        shutil.copytree(source, plugin, symlinks=True)  # links below agents/ are not followed
        manifest = os.path.join(plugin, ".claude-plugin", "plugin.json")
        if not os.path.isfile(manifest):
            os.makedirs(os.path.dirname(manifest))
            json.dump({"name": os.path.basename(source), "version": "1.0.0"}, open(manifest, "w"))
        theirs = claude_view(claude, plugin, work)
        ours = agentlint_view(agentlint, plugin)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines, compared = [], 0
    for n in sorted(theirs):
        t, o = theirs[n], ours.get(n, {})
        pairs = [("loads", t["loads"], o.get("loads")),
                 ("id", t["id"], o.get("id")),
                 ("ignored fields", t["ignored"], o.get("ignored")),
                 ("AL129", t["ignored"], o.get("AL129")),
                 ("invalid fields", t["invalid"], o.get("invalid"))]
        if t["tools"] is not None or o.get("tools") is not None:
            pairs.append(("tools", t["tools"], o.get("tools")))
        for column, claude_says, agentlint_says in pairs:
            compared += 1
            if claude_says != agentlint_says and not (
                    column == "tools" and any(w.startswith("mcp__") for w in o.get("tools") or [])):
                lines.append("DIFFERS %s [%s]\n  claude:    %r\n  agentlint: %r" % (
                    os.path.relpath(os.path.join(source, "agents", n), root), column,
                    claude_says, agentlint_says))
    return lines, compared


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claude", required=True)
    parser.add_argument("--agentlint", required=True)
    parser.add_argument("--fixtures")
    parser.add_argument("--root")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    claude, agentlint = os.path.abspath(args.claude), os.path.abspath(args.agentlint)
    root = args.root or args.fixtures
    sources = list(plugins(args.root, False) if args.root else
                   plugins(os.path.join(args.fixtures, "fixtures"), True))
    # Each plugin gets its own scratch project, home and stand-in: several run at once, and the
    # report keeps the plugins' order.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda source: check(claude, agentlint, source, root), sources))
    for lines, _ in results:
        for line in lines:
            print(line)
    differ = sum(len(lines) for lines, _ in results)
    compared = sum(n for _, n in results)
    print("plugins: %d plugins, %d fields compared, %d differ" % (len(sources), compared, differ))
    return 1 if differ or not compared else 0


if __name__ == "__main__":
    sys.exit(main())
