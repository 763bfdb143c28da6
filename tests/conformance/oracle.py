#!/usr/bin/python3
"""Asks the real Claude Code what it makes of agent files: the referee of agentlint's verdicts.

For a set of agent files it builds a scratch git repository with the files in
`.claude/agents/`, a scratch HOME, and runs `claude -p hi` against a local stand-in for the
Messages API (standin.py), offline. From what Claude Code sends it reads, per file:
  loads        whether Claude Code registers the agent (the error for a name that does not exist
               lists every registered agent, whatever the listing's budget shows)
  name         the agent type it is registered as
  listed       whether the main model is shown the agent (the listing has a size budget)
  description  the description as the main model is shown it (null when not shown)
  spawns       whether a subagent really starts when the main thread asks for it
  spawn_error  what Claude Code answered the main thread when it did not (zero tools, ...)
  model        the model the subagent's request is sent with
  tools        the tools the subagent really gets: the request's tools and the deferred tools it
               names (loaded on demand through ToolSearch)
  invalid      the fields whose value Claude Code drops, as its debug log names them ("Agent file
               ... has invalid effort 'none'"): it checks permissionMode, memory, effort,
               isolation, background, maxTurns and autoCompactWindow this way
  unknown      the keys its debug log calls not recognized ("has frontmatter keys Claude Code
               does not recognize or apply: ..."); null when the log names only the first few
               ("and 3 more"); unknown_more holds that count
  plugin_ignored  the fields a plugin agent sets that its debug log says plugins ignore
  hooks_ignored   the `hooks` entries its debug log says it ignores ("Agent 'x': hooks.Stop.0.
               hooks.0: Invalid command hook ...; entry ignored"), by their path
  skills_missing  the `skills` entries its debug log says it did not find ("Skill 'x' specified
               in frontmatter was not found")
The main thread asks for each agent by its `name` and by its file name; a name that does not
exist never arrives.

Usage:
  oracle.py --claude BIN --out REPORT.json FILE...     (files are placed by their base name)
  oracle.py --claude BIN --out REPORT.json --root DIR  (every .md under DIR, keeping sub-folders)
As a module: run(claude, files) where files maps a path under .claude/agents to bytes.
Python standard library only.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import standin  # noqa: E402

LISTING = "Available agent types for the Agent tool:\n"
LISTING_END = "\n\nWhen you launch multiple agents"
DEFERRED = "load tool schemas before calling them:\n"
PLACEHOLDERS = {"DeferredToolPlaceholder"}
SENTINEL = "agentlint-no-such-agent"
EXTRA_ARGS = []  # more arguments for `claude` (tests set --model)
BUILTIN_AGENTS = None  # filled from the registry of the first run (see registry())


def registry(error):
    """The agent names of an `Agent type 'x' not found. Available agents: a, b` error."""
    m = re.search(r"Available agents: (.*)$", error, re.S)
    return set(n.strip() for n in m.group(1).split(", ")) if m else set()


def name_key(name):
    """How the Agent tool matches a name: ignoring case, spaces and underscores as dashes."""
    return re.sub(r"[ _]", "-", name.strip().lower().lstrip("-"))


def candidate_names(path, data):
    """The names the main thread asks for: the file name, and `name:` as written (loosely read:
    quotes stripped, the line's text as is; the loader's own parse may differ, which is the
    point of asking)."""
    base = os.path.basename(path)
    names = [os.path.splitext(base)[0]]
    # A plugin agent without a name is named after its file with only a final `.md` removed
    # (`helper.agent.md` is `helper.agent`, `Shout.MD` stays `Shout.MD`).
    plain = base[:-3] if base.endswith(".md") else base
    if plain not in names:
        names.append(plain)
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---"):
        end = text.find("\n---", 3)
        for line in text[3:end if end > 0 else len(text)].split("\n"):
            m = re.match(r"^name:\s*(.*?)\s*$", line)
            if m:
                value = m.group(1)
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                if value and value not in names:
                    names.insert(0, value)
                break
    return names


def parse_listing(request, names, others=None):
    """{name: (description, tools as listed)} from the main thread's first request."""
    text = json.dumps(request)  # the listing may sit in the system prompt or a message
    text = json.loads(json.dumps(text))  # as one string with real newlines
    blob = ""
    for part in _strings(request):
        if LISTING in part:
            blob = part[part.index(LISTING) + len(LISTING):]
            # Descriptions may hold blank lines: the listing ends at the paragraph after it.
            end = blob.find(LISTING_END)
            blob = blob[:end] if end >= 0 else blob
            break
    entries = {}
    if not blob:
        return entries
    starts = []
    for name in set(names):
        for m in re.finditer(r"(?:^|\n)- " + re.escape(name) + r": ", blob):
            starts.append((m.start() + (1 if blob[m.start()] == "\n" else 0), m.end(), name))
    # Entries of agents we did not ask about (built-ins) end ours too; a description may hold
    # its own `- ` lines, so only a registered name starts an entry.
    for other in set(others or []) - set(names):
        for m in re.finditer(r"\n- " + re.escape(other) + r": ", blob):
            starts.append((m.start() + 1, None, None))
    starts.sort(key=lambda s: s[0])
    for i, (begin, text_begin, name) in enumerate(starts):
        if name is None:
            continue
        end = next((s[0] for s in starts[i + 1:] if s[0] > begin), len(blob))
        entry = blob[text_begin:end].rstrip("\n")
        m = re.match(r"^(.*) \(Tools: (.*)\)$", entry, re.S)
        entries[name] = (m.group(1), m.group(2)) if m else (entry, None)
    return entries


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def subagent_tools(request):
    tools = [t.get("name") for t in request.get("tools", []) if t.get("name") not in PLACEHOLDERS]
    for part in _strings(request.get("messages", [])):
        if DEFERRED in part:
            listed = part[part.index(DEFERRED) + len(DEFERRED):]
            for line in listed.split("\n"):
                if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", line.strip()):
                    break  # the list ends at the first line that is not a tool name
                tools.append(line.strip())
            break
    return sorted(set(tools))


def probe_of(request):
    for part in _strings(request.get("messages", [])):
        m = re.search(re.escape(standin.PROBE) + r"(.+)$", part, re.M)
        if m:
            return m.group(1).strip()
    return None


def call_results(requests, calls):
    """{name asked for: the text of its Agent call's result} from the main thread's requests."""
    results = {}
    for request in requests:
        for message in request.get("messages", []):
            content = message.get("content")
            for block in content if isinstance(content, list) else []:
                if isinstance(block, dict) and block.get("type") == "tool_result":
                    name = calls.get(block.get("tool_use_id"))
                    if name is not None and name not in results:
                        results[name] = " ".join(_strings(block.get("content")))
    return results


def body_of(data):
    """The prompt part of an agent file (after its front matter), for telling twins apart."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    m = re.match(r"^\ufeff?---\n.*?\n---[ \t]*\n(.*)$", text, re.S)
    return (m.group(1) if m else text).strip()


# What `claude --debug` logs of an agent file's front matter (in HOME/.claude/debug/).
LOG_LINE = re.compile(r"[Aa]gent file (/.+?\.md) (?:has invalid (\w+)|has (?:a frontmatter key|"
                      r"frontmatter keys) Claude Code does not recognize or apply: (.*)|sets (\w+), "
                      r"which is ignored for plugin agents)")


# The hooks entries it ignores, and the skills it does not find, are logged by agent name.
HOOK_LINE = re.compile(r"Agent '([^']+)': hooks\.(\S+): .*; entry ignored")
SKILL_LINE = re.compile(r"\[Agent: ([^\]]+)\] Warning: Skill '([^']+)' specified in frontmatter "
                        r"was not found")


def field_log(home):
    """{absolute file path: {"invalid": set, "unknown": [keys], "unknown_more": int,
    "plugin_ignored": set}, and by agent name {"hooks_ignored": set of entry paths,
    "skills_missing": set}} from the debug logs of a run."""
    out = {}
    folder = os.path.join(home, ".claude", "debug")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        for line in open(os.path.join(folder, name), encoding="utf-8", errors="replace"):
            for kind, found in (("hooks_ignored", HOOK_LINE.search(line)),
                                ("skills_missing", SKILL_LINE.search(line))):
                if found:
                    out.setdefault(found.group(1), {}).setdefault(kind, set()).add(found.group(2))
            if "[Agent: " in line or "Agent '" in line:
                continue
            m = LOG_LINE.search(line)
            if not m:
                continue
            entry = out.setdefault(m.group(1), {"invalid": set(), "unknown": [],
                                                "unknown_more": 0, "plugin_ignored": set()})
            if m.group(2):
                entry["invalid"].add(m.group(2))
            elif m.group(4):
                entry["plugin_ignored"].add(m.group(4))
            else:
                listed = re.sub(r' \(did you mean "[^"]*"\?\)', "", m.group(3).rstrip())
                more = re.search(r" and (\d+) more$", listed)
                entry["unknown_more"] = int(more.group(1)) if more else 0
                entry["unknown"] = re.findall(r'"((?:[^"\\]|\\.)*)"', listed)
    return out


def place(folder, files):
    """Writes {path under folder: text or bytes}, byte for byte (text as UTF-8, line ends as
    written), making the folders on the way."""
    for path, data in files.items():
        target = os.path.join(folder, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)


def git_init(folder):
    """A scratch git repository with one empty commit."""
    subprocess.run(["git", "init", "-q", folder], check=True)
    subprocess.run(["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@t",
                    "commit", "-q", "--allow-empty", "-m", "scratch"], check=True)


def ask(claude, cwd, home, probe, timeout=300, args=()):
    """Runs `claude -p hi` (and args) in cwd with a scratch HOME against a stand-in that asks for
    each name of `probe` in turn. Returns (the finished process, the requests it sent, {tool call
    id: the agent name it asked for})."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "CLAUDE"))}
    with standin.StandIn(probe) as api:
        env.update({"HOME": home, "ANTHROPIC_BASE_URL": api.url,
                    "ANTHROPIC_API_KEY": "sk-ant-agentlint-conformance",
                    "DISABLE_TELEMETRY": "1", "DISABLE_AUTOUPDATER": "1",
                    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"})
        done = subprocess.run([claude, "-p", "hi", "--debug"] + EXTRA_ARGS + list(args), cwd=cwd,
                              env=env, timeout=timeout,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        return done, list(api.requests), dict(api.calls)


def run(claude, files, timeout=300, keep=None, keep_project=None, extra=None):
    """files: {path under .claude/agents: bytes}; extra: {path in the project: bytes}, other
    files (skills). Returns {path: verdict}. With keep_project (a folder), the scratch project is
    made there and left for the caller."""
    work = keep_project or tempfile.mkdtemp(prefix="agentlint-oracle-")
    try:
        project = os.path.join(work, "project")
        home = os.path.join(work, "home")
        os.makedirs(home)
        agents = os.path.join(project, ".claude", "agents")
        place(agents, files)
        place(project, extra or {})
        git_init(project)
        names = {path: candidate_names(path, data) for path, data in files.items()}
        # A name no agent has comes first: its error lists every agent Claude Code registered,
        # whatever the listing's budget shows.
        probe = [SENTINEL]
        for path in sorted(files):
            probe += [n for n in names[path] if n not in probe]
        done, requests, calls = ask(claude, project, home, probe, timeout)
        if keep:
            json.dump(requests, open(keep, "w"), indent=1)
        main = next((r for r in requests if not standin.is_subagent(r) and
                     any(t.get("name") == "Agent" for t in r.get("tools", []))), None)
        if main is None and not any(not standin.is_subagent(r) for r in requests):
            raise RuntimeError("Claude Code sent no main-thread request:\n" +
                               done.stdout.decode("utf-8", "replace")[-2000:])
        # A main thread without the Agent tool (the project's settings deny it) registers
        # nothing and starts no agent.
        main = main or {"tools": []}
        all_names = [n for ns in names.values() for n in ns]
        results = call_results(requests, calls)
        registered = registry(results.get(SENTINEL, ""))
        listing = parse_listing(main, all_names, registered)
        spawned = {}
        for request in requests:
            if standin.is_subagent(request):
                name = probe_of(request)
                if name is not None and name not in spawned:
                    spawned[name] = request
        # Twins (two files with one name): the one whose prompt the subagent got is the one that
        # loaded.
        claimed = {}
        # The registry is exact; the Agent tool also spawns an agent asked for in another case,
        # so a spawn counts for a file only when its own name is registered.
        for path in sorted(files):
            name = next((n for n in names[path] if n in registered), None)
            if name is None:
                continue
            request = spawned.get(name)
            system = " ".join(_strings(request.get("system", ""))) if request else ""
            if name not in claimed or (request and body_of(files[path]) in system):
                claimed[name] = path
        logged = field_log(home)
        verdicts = {}
        for path in sorted(files):
            name = next((n for n in names[path] if n in registered), None)
            if name is not None and claimed.get(name) != path:
                name = None  # shadowed by a twin
            shown = next((n for n in names[path] if n in listing), None) if name else None
            request = spawned.get(name) if name else None
            verdicts[path] = {
                "loads": name is not None,
                "name": name,
                "listed": shown is not None,
                "description": listing[shown][0] if shown else None,
                "spawns": request is not None,
                "spawn_error": None if request or not name else results.get(name),
                "model": request.get("model") if request else None,
                "tools": subagent_tools(request) if request else None,
            }
            log = logged.get(os.path.join(agents, path), {})
            verdicts[path]["invalid"] = sorted(log.get("invalid", ()))
            verdicts[path]["unknown"] = None if log.get("unknown_more") else \
                sorted(log.get("unknown", []))
            verdicts[path]["unknown_more"] = log.get("unknown_more", 0)
            verdicts[path]["plugin_ignored"] = sorted(log.get("plugin_ignored", ()))
            for kind in ("hooks_ignored", "skills_missing"):
                verdicts[path][kind] = sorted(logged.get(name, {}).get(kind, ()) if name else ())
        return verdicts
    finally:
        if not keep_project:
            shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claude", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--root")
    parser.add_argument("--keep-requests")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = {}
    if args.root:
        for folder, _, names in os.walk(args.root):
            for name in names:
                if name.endswith(".md"):
                    full = os.path.join(folder, name)
                    files[os.path.relpath(full, args.root)] = open(full, "rb").read()
    for path in args.files:
        files[os.path.basename(path)] = open(path, "rb").read()
    verdicts = run(os.path.abspath(args.claude), files, keep=args.keep_requests)
    json.dump(verdicts, open(args.out, "w"), indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
