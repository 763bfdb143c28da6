#!/usr/bin/python3
"""Runs agentlint's GitHub Action, this repository's CI job that uses it, and the README's
workflow, step by step with run_action.py (GitHub's shell flags, GITHUB_OUTPUT and the rest), and
checks what a user gets: the outputs, the SARIF file, the annotations, the upload.

The action under test is this tree (committed files and uncommitted changes) copied to one
folder, so its binary is built once (the first run misses the simulated cache and builds, later
runs restore the build) and every scenario runs the same action.

Usage: test_action.py SOURCE_DIR
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


def copy_tree(source, target):
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=source, check=True, stdout=subprocess.PIPE).stdout.split(b"\0")
    for name in files:
        name = name.decode()
        path = os.path.join(source, name)
        if not name or not os.path.isfile(path) or name.startswith("build/"):
            continue
        os.makedirs(os.path.dirname(os.path.join(target, name)), exist_ok=True)
        shutil.copy2(path, os.path.join(target, name))


def run(kind, target, workspace, work, extra):
    report = os.path.join(work, "report-%d.json" % len(os.listdir(work)))
    command = [sys.executable, os.path.join(HERE, "run_action.py"), kind] + target + [
        "--workspace", workspace, "--cache", os.path.join(work, "cache"), "--report", report] + extra
    subprocess.run(command, check=True)
    result = json.load(open(report))
    for step in result["steps"]:
        print("  %-8s %s" % (step["outcome"], step["name"]))
    return result


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)


def lint_step(report):
    return [s for s in report["steps"] if s["name"] == "Lint"][-1]


def main():
    source = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="agentlint-action-")
    reports = os.path.join(work, "reports")
    os.makedirs(reports)
    action = os.path.join(work, "agentlint")
    copy_tree(source, action)
    try:
        # 1. The action on the examples: findings. The run fails (exit 1 is a result), and its
        # outputs, SARIF file and annotations are all there.
        print("action on examples/ (cache miss: builds agentlint)")
        r = run("action", [action], action, reports,
                ["--input", "paths=examples", "--input", "sarif-file=examples.sarif"])
        binary = os.path.join(action, "build", "binary", "agentlint")
        expected = json.loads(subprocess.run([binary, "--format", "json", "examples"], cwd=action,
                                             stdout=subprocess.PIPE).stdout)
        counts = expected["summary"]
        check(r["result"] == "failure", "the action fails on the examples' errors")
        check(lint_step(r)["outcome"] == "failure", "the lint step fails")
        check(r["outputs"].get("errors") == str(counts["error"]) and counts["error"] > 0,
              "errors output %r, expected %d" % (r["outputs"].get("errors"), counts["error"]))
        check(r["outputs"].get("warnings") == str(counts["warning"]), "warnings output")
        check(r["outputs"].get("infos") == str(counts["info"]), "infos output")
        check(r["outputs"].get("sarif-file") == "examples.sarif", "sarif-file output")
        sarif = json.load(open(os.path.join(action, "examples.sarif")))
        total = counts["error"] + counts["warning"] + counts["info"]
        check(sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == total,
              "the SARIF file holds every finding")
        check(len(r["annotations"]) == total, "one annotation per finding (%d, expected %d)"
              % (len(r["annotations"]), total))
        check(all(a["properties"].get("file", "").startswith("examples/")
                  for a in r["annotations"]), "annotations name the files")
        check(sum(a["level"] == "error" for a in r["annotations"]) == counts["error"],
              "error annotations")
        # The job summary: a table row per rule that found something, and the agents' graph.
        summary = r["summary"]
        rules = {d["rule"] for d in expected["diagnostics"]}
        check(all(("| %s |" % rule) in summary for rule in rules),
              "the job summary has a row for each rule with findings")
        check("```mermaid\ngraph LR\n" in summary and "test-writer<br/>(missing)" in summary,
              "the job summary draws the agents' graph with the missing agent")

        # 2. The action on a clean project: success, zero counts, an empty SARIF, no annotations.
        print("action on a clean project (cache hit)")
        clean = os.path.join(work, "clean")
        write(os.path.join(clean, ".claude/agents/reviewer.md"),
              "---\nname: reviewer\ndescription: Reviews changed code for bugs. Use after every "
              "change.\ntools: Read, Grep, Glob\n---\n\nYou are a code reviewer. Read the diff, "
              "then report problems by severity, with file and line.\n")
        r = run("action", [action], clean, reports, ["--input", "sarif-file=out.sarif"])
        check(r["result"] == "success", "the action passes on a clean project")
        check(any("cache-hit" in s["outputs"] and s["outputs"]["cache-hit"] == "true"
                  for s in r["steps"]), "the build is restored from the cache")
        check(r["outputs"].get("errors") == "0" and r["outputs"].get("warnings") == "0",
              "zero counts on a clean project")
        check(json.load(open(os.path.join(clean, "out.sarif")))["runs"][0]["results"] == [],
              "an empty SARIF file")
        check(r["annotations"] == [], "no annotations on a clean project")
        check("No problems found in 1 agent file." in r["summary"] and
              '["reviewer<br/>inherit · 3 tools"]' in r["summary"],
              "the clean job summary says so and shows the one agent")

        # 3. This repository's CI job that runs the action on the examples.
        print(".github/workflows/ci.yml, job action")
        r = run("workflow", [os.path.join(action, ".github/workflows/ci.yml"), "action"], action,
                reports, [])
        check(r["result"] == "success", "the ci.yml action job passes")

        # 4. The README's workflow in a user's project with a broken agent: the lint step fails
        # with annotations, and the SARIF upload still runs.
        print("README workflow (docs/examples/agentlint-workflow.yml) in a user's project")
        workflow = open(os.path.join(source, "docs/examples/agentlint-workflow.yml")).read()
        uses = re.search(r"uses: (agentlint/agentlint)@(\S+)", workflow)
        check(uses is not None, "the README workflow uses agentlint/agentlint@REF")
        # The ref is the major-version tag of the version being built (a clone of one branch, as
        # CI makes, has no tags to look up; the release moves the tag to this commit).
        version = re.search(r"project\(agentlint VERSION (\d+)\.",
                            open(os.path.join(source, "CMakeLists.txt")).read())
        check(uses is not None and version is not None and uses.group(2) == "v" + version.group(1),
              "the README's `uses:` ref %r is the major-version tag v%s" %
              (uses.group(2) if uses else None, version.group(1) if version else "?"))
        project = os.path.join(work, "project")
        write(os.path.join(project, ".claude/agents/db.md"),
              "---\nname: db\ndescription: Designs database schemas. Use for schema changes.\n"
              "tools: Read, Bassh\n---\n\nYou are the database engineer. Design schemas for new "
              "features and explain each choice.\n")
        r = run("workflow", [os.path.join(source, "docs/examples/agentlint-workflow.yml"),
                             "agentlint"], project, reports,
                ["--action", "agentlint/agentlint=" + action])
        check(r["result"] == "failure", "the README workflow fails on the broken agent")
        check(any(a["properties"].get("file") == ".claude/agents/db.md" and
                  "Bassh" in a["message"] for a in r["annotations"]),
              "the broken tool is annotated on its file")
        check(len(r["uploads"]) == 1 and r["uploads"][0]["results"] > 0,
              "the SARIF file is uploaded to code scanning")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("the action, the CI job and the README workflow work as a user runs them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
