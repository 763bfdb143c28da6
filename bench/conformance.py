#!/usr/bin/python3
"""Agreement of agentlint with the real Claude Code on a folder of real agent files (by default
../shared/corpus): a benchmark-like report, not a test. Every file is placed in a scratch
project's .claude/agents/ (batched so that names never collide), Claude Code is asked what it
makes of each (tests/conformance/oracle.py), agentlint inspect and agentlint lint are asked the
same, and the agreement per column is printed as a Markdown table (the one in
docs/conformance.md), followed by every difference. Then every `plugins/<name>/agents` folder is
given to Claude Code as a plugin (`--plugin-dir`, tests/conformance/plugins.py) and compared
the same way: loads, tools, the fields plugins ignore, the values dropped.

Usage: bench/conformance.py [FOLDER] [--agentlint BIN]   (takes about 3 minutes on 1,800 files)
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=os.path.join(SOURCE, "..", "shared", "corpus"))
    parser.add_argument("--agentlint", default=os.path.join(SOURCE, "build", "release", "agentlint"))
    args = parser.parse_args()
    tools = os.path.join(SOURCE, "build", "release", "conformance-tools")
    claude = subprocess.run([os.path.join(SOURCE, "tests", "conformance", "install-claude.sh"),
                             tools, "2.1.332"], check=True, stdout=subprocess.PIPE,
                            universal_newlines=True).stdout.strip()
    version = subprocess.run([claude, "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout.strip()
    files = sum(len([n for n in names if n.endswith(".md")])
                for _, _, names in os.walk(args.folder))
    print("Claude Code %s, agentlint %s, %d Markdown files under %s\n" % (
        version, subprocess.run([args.agentlint, "--version"], stdout=subprocess.PIPE,
                                universal_newlines=True).stdout.strip(), files, args.folder))
    sys.stdout.flush()
    script = lambda name: os.path.join(SOURCE, "tests", "conformance", name)
    projects = subprocess.run([sys.executable, script("conformance.py"), "--claude", claude,
                               "--agentlint", args.agentlint, "--root", args.folder, "--table"])
    print()
    sys.stdout.flush()
    plugins = subprocess.run([sys.executable, script("plugins.py"), "--claude", claude,
                              "--agentlint", args.agentlint, "--root", args.folder])
    return projects.returncode or plugins.returncode


if __name__ == "__main__":
    sys.exit(main())
