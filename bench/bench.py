#!/usr/bin/env python3
"""Prints agentlint's speed and memory next to the I/O floor (`cat` of the same files) and, when
the npm registry is reachable, the Node-based peer @carlrannaberg/cclint. Figures are printed,
never asserted.

  bench/bench.py DIR                     lint DIR (e.g. ../shared/corpus)
  bench/bench.py --generate N OUT        write N synthetic agent files (fixed seed) to OUT
  bench/bench.py --scaling               lint synthetic trees of growing size (linearity)
Options: --agentlint PATH (default build/release/agentlint), --jobs N, --runs N, --no-peer.
"""
import argparse, os, random, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TOOLS = ["Read", "Grep", "Glob", "Bash", "Edit", "Write", "WebFetch", "MultiEdit", "LS", "Task"]
TOPICS = ["PostgreSQL", "SQLite", "Vitest", "Jest", "pnpm", "npm", "Alembic", "SQLAlchemy"]
WORDS = ("review change code test schema migration endpoint report severity module service "
         "handler query index cache latency owner release branch commit diff file path").split()


def agent(rng, i):
    tools = ", ".join(rng.sample(TOOLS, rng.randint(2, 6)))
    body = [f"You are agent {i}. You work on the {rng.choice(WORDS)} {rng.choice(WORDS)} of this project.", ""]
    for section in ("Responsibilities", "Workflow", "Constraints", "Output format"):
        body.append(f"## {section}")
        body.append("")
        for _ in range(rng.randint(3, 8)):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
            body.append(f"- Use {rng.choice(TOPICS)} to {words}.")
        body.append("")
    if rng.random() < 0.3:
        body += ["```bash", f"npm test -- {rng.choice(WORDS)}", "```", ""]
    return (f"---\nname: agent-{i}\ndescription: Handles {rng.choice(WORDS)} work for the {rng.choice(WORDS)} "
            f"module. Use when {rng.choice(WORDS)} changes.\ntools: {tools}\nmodel: sonnet\n---\n\n"
            + "\n".join(body) + "\n")


def generate(n, out, seed=42):
    rng = random.Random(seed)
    for i in range(n):
        folder = os.path.join(out, f"team-{i % 20}", ".claude", "agents")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"agent-{i}.md"), "w") as f:
            f.write(agent(rng, i))


def files_of(directory):
    out = []
    for base, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if d not in (".git", "node_modules")]
        out += [os.path.join(base, n) for n in names if n.endswith(".md")]
    return sorted(out)


def measure(command, runs, cwd=None):
    """Best wall time of `runs`, with the CPU time and peak memory (MiB) of that very process."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, _, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        if best is None or wall < best[0]:
            best = (wall, cpu, usage.ru_maxrss / 1024)
    return best


def peer(tools):
    """Installs @carlrannaberg/cclint into the build folder; returns its binary or None."""
    binary = os.path.join(tools, "node_modules", ".bin", "cclint")
    if os.path.exists(binary):
        return binary
    if not shutil.which("npm"):
        return None
    os.makedirs(tools, exist_ok=True)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", tools,
                           "@carlrannaberg/cclint"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return binary if done.returncode == 0 and os.path.exists(binary) else None


def bench(directory, args):
    files = files_of(directory)
    size = sum(os.path.getsize(f) for f in files)
    print(f"input: {directory}: {len(files)} Markdown files, {size / 1e6:.2f} MB")
    rows = []
    floor = measure(["cat"] + files, args.runs)
    rows.append(("cat (I/O floor)", floor))
    main = measure([args.agentlint, "-q", "--jobs", str(args.jobs), directory], args.runs)
    rows.append((f"agentlint -j{args.jobs}", main))
    one = measure([args.agentlint, "-q", "--jobs", str(args.jobs), files[0]], args.runs * 3) if files else None
    peer_row = None
    if not args.no_peer:
        cclint = peer(os.path.join(ROOT, "build", "bench-tools"))
        if cclint:
            # cclint only reads <root>/.claude/agents: give both tools the same files there.
            with tempfile.TemporaryDirectory() as tmp:
                agents = os.path.join(tmp, ".claude", "agents")
                os.makedirs(agents)
                for i, f in enumerate(files):
                    shutil.copyfile(f, os.path.join(agents, f"{i:05d}-{os.path.basename(f)}"))
                peer_row = measure([cclint, "agents"], max(1, args.runs // 2), cwd=tmp)
                same = measure([args.agentlint, "-q", "--jobs", str(args.jobs), tmp], args.runs)
            rows.append(("cclint (same files)", peer_row))
            rows.append((f"agentlint (same files)", same))
        else:
            print("cclint: not available (npm registry unreachable?)")
    print(f"{'tool':<22}{'wall s':>10}{'cpu s':>10}{'files/s':>12}{'MB/s':>10}{'peak MiB':>10}")
    for name, (wall, cpu, rss) in rows:
        print(f"{name:<22}{wall:>10.3f}{cpu:>10.3f}{len(files) / wall:>12.0f}{size / 1e6 / wall:>10.1f}{rss:>10.1f}")
    print(f"agentlint / cat floor: {main[0] / floor[0]:.1f}x")
    if peer_row:
        print(f"cclint / agentlint on the same files: {peer_row[0] / same[0]:.1f}x")
    if one:
        print(f"one file (pre-commit case): {one[0] * 1000:.1f} ms wall, peak {one[2]:.1f} MiB")


def scaling(args):
    print(f"{'files':>8}{'wall s':>10}{'us/file':>10}")
    for n in (250, 500, 1000, 2000, 4000):
        with tempfile.TemporaryDirectory() as tmp:
            generate(n, tmp)
            wall, _, _ = measure([args.agentlint, "-q", "--jobs", str(args.jobs), tmp], args.runs)
            print(f"{n:>8}{wall:>10.3f}{wall / n * 1e6:>10.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?")
    parser.add_argument("--generate", nargs=2, metavar=("N", "OUT"))
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--agentlint", default=os.path.join(ROOT, "build", "release", "agentlint"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    if args.generate:
        generate(int(args.generate[0]), args.generate[1])
        print(f"wrote {args.generate[0]} agents to {args.generate[1]}")
    elif args.scaling:
        scaling(args)
    elif args.dir:
        bench(args.dir, args)
    else:
        parser.print_help()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
