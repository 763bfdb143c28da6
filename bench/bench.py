#!/usr/bin/env python3
"""agentlint's speed and memory next to its floors and its Node peer, printed, never asserted.

  bench/bench.py [DIR]      DIR: a folder of agent files (default: ../shared/corpus)

One run prints, on three layouts of DIR's files (as they are; all flattened into one
`.claude/agents`; one file named inside that flattened folder):
  cat               reading the bytes (the I/O floor)
  cmark_floor       reading and parsing every file with libcmark-gfm and agentlint's four GFM
                    extensions, nothing else (the parser's floor; build/release/cmark_floor)
  agentlint -j1     and -jN (N = --jobs, default: the machine's cores)
  cclint            @carlrannaberg/cclint from npm (installed into build/bench-tools), on its own
                    layout (one `.claude/agents`); skipped with --no-peer or without npm
with wall time, CPU time and peak memory of each, and the ratios the targets are stated in. Then
the scaling series: 500 ... 5,000 files in one folder (DIR's files replicated, each copy renamed,
a partial copy spread evenly through DIR's files), time per megabyte of each run and of the files
beyond the smallest folder, peak memory with every rule, with the project rules off and with
(almost) no rule, and one file named inside folders of 200 and 5,000 agents. Last, the language
server with 20 buffers open in the folder of 200: the time one change takes to re-lint them all.

Options: --agentlint PATH, --floor PATH, --jobs N, --runs N (best of N), --no-peer, --quick
(fewer runs and a shorter scaling series, for a smoke test).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files_of(directory):
    out = []
    for base, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if d not in (".git", "node_modules")]
        out += [os.path.join(base, n) for n in names if n.endswith(".md") and n != "README.md"]
    return sorted(out)


RUNNER = None  # build/release/bench_run (bench/run.cpp), when built


def measure(command, runs, cwd=None):
    """Best wall time of `runs`, with the CPU time (user + system) and peak memory (MiB) of that
    very process. Each run is started by bench_run, a small C++ program: a child of Python
    starts with Python's resident pages and the kernel keeps that mark across exec, so a peak
    measured from here could not read below Python's (about 16 MiB)."""
    best = None
    for _ in range(runs):
        if RUNNER:
            out = subprocess.run([RUNNER] + command, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, cwd=cwd, universal_newlines=True)
            wall, cpu, kib = out.stdout.split()
            result = (float(wall), float(cpu), int(kib) / 1024)
        else:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=cwd)
            _, _, usage = os.wait4(process.pid, 0)
            result = (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                      usage.ru_maxrss / 1024)
        if best is None or result[0] < best[0]:
            best = result
    return best


def peer(tools):
    """Installs @carlrannaberg/cclint into the build folder once; returns its binary or None."""
    binary = os.path.join(tools, "node_modules", ".bin", "cclint")
    if os.path.exists(binary):
        return binary
    if not shutil.which("npm"):
        return None
    os.makedirs(tools, exist_ok=True)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                           tools, "@carlrannaberg/cclint"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=600)
    return binary if done.returncode == 0 and os.path.exists(binary) else None


NAME = re.compile(rb"^name:[ \t]*(\S[^\r\n]*)", re.M)


def flatten(files, agents, copies=1, limit=None, spread=False):
    """Writes `files` (replicated `copies` times, up to `limit`) into one agents folder, each copy
    under a unique file name and, from the second copy on, a unique `name:`. With `spread`, a
    copy that is cut short takes files evenly spaced through the list instead of its first ones,
    so every folder of the scaling series has the corpus's mix of file sizes."""
    os.makedirs(agents, exist_ok=True)
    chosen = []  # (copy, index)
    for copy in range(copies):
        left = len(files) if limit is None else min(len(files), limit - len(chosen))
        if left <= 0:
            break
        if spread and left < len(files):
            picks = sorted({i * len(files) // left for i in range(left)})
        else:
            picks = range(left)
        chosen += [(copy, i) for i in picks]
    written = []
    for copy, i in chosen:
        f = files[i]
        data = open(f, "rb").read()
        if copy:
            data = NAME.sub(lambda m: b"name: " + m.group(1).strip(b"\"'") + b"-copy%d" % copy,
                            data, count=1)
        path = os.path.join(agents, "%02d-%05d-%s" % (copy, i, os.path.basename(f)))
        with open(path, "wb") as out:
            out.write(data)
        written.append(path)
    return written


def row(name, result, files, size):
    wall, cpu, rss = result
    print(f"  {name:<28}{wall:>9.3f}{cpu:>9.3f}{len(files) / wall:>10.0f}"
          f"{size / 2**20 / wall:>9.1f}{rss:>10.1f}")


HEADER = f"  {'':<28}{'wall s':>9}{'cpu s':>9}{'files/s':>10}{'MiB/s':>9}{'peak MiB':>10}"


def layout(title, target, files, args, cwd=None, peer_binary=None):
    """The rows of one layout; `target` is what agentlint is given (a folder or one file)."""
    size = sum(os.path.getsize(f) for f in files)
    print(f"{title}: {len(files)} files, {size / 2**20:.1f} MiB")
    print(HEADER)
    results = {}
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listing:
        listing.write("\n".join(files) + "\n")
    try:
        results["cat"] = measure(["cat"] + files, args.runs, cwd)
        results["floor"] = measure([args.floor, "--list", listing.name], args.runs, cwd)
    finally:
        os.unlink(listing.name)
    results["j1"] = measure([args.agentlint, "-q", "-j1", target], args.runs, cwd)
    results["jN"] = measure([args.agentlint, "-q", f"-j{args.jobs}", target], args.runs, cwd)
    row("cat", results["cat"], files, size)
    row("cmark_floor (parse only)", results["floor"], files, size)
    row("agentlint -j1", results["j1"], files, size)
    row(f"agentlint -j{args.jobs}", results["jN"], files, size)
    if peer_binary:
        results["peer"] = measure([peer_binary, "agents"], max(1, args.runs // 2), cwd)
        row("cclint", results["peer"], files, size)
    print(f"  agentlint -j1 cpu / floor cpu:     {results['j1'][1] / results['floor'][1]:.2f}x"
          "   (target <= 1.5x)")
    print(f"  agentlint -j{args.jobs} wall / cat wall:     "
          f"{results['jN'][0] / results['cat'][0]:.1f}x   (target <= 8x)")
    if "peer" in results:
        print(f"  cclint wall / agentlint -j{args.jobs} wall:  "
              f"{results['peer'][0] / results['jN'][0]:.1f}x   (target >= 3x)")
    return results


def named_one(folder_files, args, cwd, label):
    """One file named inside a folder (what a pre-commit hook does): the middle file."""
    target = os.path.relpath(folder_files[len(folder_files) // 2], cwd)
    wall, cpu, rss = measure([args.agentlint, "-q", f"-j{args.jobs}", target], args.runs * 2, cwd)
    print(f"  one file named in a folder of {label:>5}: {wall * 1000:7.1f} ms wall, "
          f"{cpu * 1000:7.1f} ms cpu, peak {rss:.1f} MiB")
    return wall


def language_server(folder_files, args, cwd, open_count=20, changes=5):
    """`agentlint lsp` with `open_count` of the folder's files open in buffers: the time from one
    buffer's change until every open buffer has its diagnostics again (the median of `changes`)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "lsp"))
    from lsp_client import Client
    opened = folder_files[:open_count]
    client = Client([args.agentlint, "lsp"], cwd)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + cwd,
                                      "capabilities": {}})
        client.notify("initialized", {})

        def settle(count):
            for _ in range(count):
                client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", 120)

        texts = {}
        start = time.perf_counter()
        for path in opened:
            texts[path] = open(path, encoding="utf-8", errors="replace").read()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": "file://" + path, "languageId": "markdown", "version": 1,
                "text": texts[path]}})
            settle(len(texts))  # each open publishes every open buffer again
        opening = time.perf_counter() - start
        times = []
        for version in range(changes):
            start = time.perf_counter()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": "file://" + opened[0], "version": version + 2},
                "contentChanges": [{"text": texts[opened[0]] + "\nEdited %d.\n" % version}]})
            settle(len(opened))
            times.append(time.perf_counter() - start)
        client.request("shutdown", None)
        client.notify("exit", None)
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
    print(f"  {len(opened)} buffers open in a folder of {len(folder_files)}: opening them "
          f"{opening:.2f} s; one change, all re-linted: {sorted(times)[len(times) // 2] * 1000:.0f}"
          f" ms (median of {changes})")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--agentlint", default=os.path.join(ROOT, "build", "release", "agentlint"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "build", "release", "cmark_floor"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    for tool in (args.agentlint, args.floor):
        if not os.access(tool, os.X_OK):
            print(f"{tool} is missing: build with `cmake --workflow --preset release`")
            return 2
    global RUNNER
    runner = os.path.join(os.path.dirname(args.floor), "bench_run")
    RUNNER = runner if os.access(runner, os.X_OK) else None
    if not RUNNER:
        print(f"{runner} is missing: peaks below Python's own (about 16 MiB) read as Python's\n")
    files = files_of(args.dir)
    if not files:
        print(f"no agent files under {args.dir}")
        return 2
    version = subprocess.run([args.agentlint, "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout.strip()
    print(f"{version}; {os.cpu_count()} cores; best of {args.runs} runs\n")
    cclint = None if args.no_peer else peer(os.path.join(ROOT, "build", "bench-tools"))
    if not args.no_peer and not cclint:
        print("cclint: not available (npm registry unreachable?)\n")

    layout(f"1. {args.dir} as it is", args.dir, files, args)
    with tempfile.TemporaryDirectory() as tmp:
        flat = flatten(files, os.path.join(tmp, ".claude", "agents"))
        print()
        layout("2. flattened into one .claude/agents (cclint's layout)",
               os.path.join(tmp, ".claude", "agents"), flat, args, cwd=tmp, peer_binary=cclint)
        print("\n3. one file named inside the flattened folder")
        named_one(flat, args, tmp, str(len(flat)))

    print("\n4. scaling: N files in one .claude/agents (the files above, replicated; a partial copy")
    print("   takes files evenly spaced through the list, so each folder has the same mix)")
    print("   peak MiB: all rules; with the project rules off (no summaries, no project findings);")
    print("   with no rule but AL001 (the pipeline alone: each file read, parsed and let go)")
    print(f"  {'files':>7}{'MiB':>8}{'wall s':>9}{'cpu s':>9}{'ms/MiB':>9}{'us/file':>9}"
          f"{'beyond':>9}{'peak MiB':>10}{'no proj':>9}{'no rules':>9}")
    series = (500, 2000, 5000) if args.quick else (500, 1000, 2000, 3000, 4000, 5000)
    per_mib = []
    added = []  # ms per MiB of the files beyond the smallest folder (its fixed costs left out)
    first = None
    for n in series:
        with tempfile.TemporaryDirectory() as tmp:
            agents = os.path.join(tmp, ".claude", "agents")
            made = flatten(files, agents, copies=(n + len(files) - 1) // len(files), limit=n,
                           spread=True)
            size = sum(os.path.getsize(f) for f in made) / 2**20
            wall, cpu, rss = measure([args.agentlint, "-q", f"-j{args.jobs}", agents], args.runs)
            per_mib.append(wall * 1000 / size)
            step = ""
            if first:
                added.append((wall - first[0]) * 1000 / (size - first[1]))
                step = f"{added[-1]:.1f}"
            else:
                first = (wall, size)
            peaks = [measure([args.agentlint, "-q", f"-j{args.jobs}", *only, agents], 1)[2]
                     for only in (["--ignore", "project"], ["--select", "AL001"])]
            print(f"  {n:>7}{size:>8.1f}{wall:>9.3f}{cpu:>9.3f}{per_mib[-1]:>9.1f}"
                  f"{wall * 1e6 / n:>9.0f}{step:>9}{rss:>10.1f}{peaks[0]:>9.1f}{peaks[1]:>9.1f}")
            if n == 5000:
                named_one(made, args, tmp, "5000")
    print(f"  time per MiB, largest / smallest folder: {per_mib[-1] / per_mib[0]:.2f}; spread "
          f"{max(per_mib) / min(per_mib):.2f}   (target within 20%)")
    print(f"  time per MiB beyond the smallest folder (its start-up and warm-up left out), "
          f"spread: {max(added) / min(added):.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        made = flatten(files, os.path.join(tmp, ".claude", "agents"), limit=200)
        named_one(made, args, tmp, "200")
        print("\n5. the language server (`agentlint lsp`, as an editor drives it)")
        language_server(made, args, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
