#!/usr/bin/python3
"""A small GitHub Actions runner, for testing agentlint's action and workflows for real.

It runs the steps of a workflow job, or of a composite action, the way GitHub's runner does:
each `run:` step through bash with GitHub's exact flags (`bash --noprofile --norc -eo pipefail`
for `shell: bash`, `bash -e` when no shell is given), with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ENV, GITHUB_WORKSPACE, RUNNER_TEMP and, inside a composite action, GITHUB_ACTION_PATH
set; `${{ }}` expressions are evaluated (contexts github, inputs, steps, runner, env; the
functions always, success, failure, cancelled, format, contains, startsWith, endsWith); `if:`,
`continue-on-error`, step outcomes and conclusions, and composite outputs follow the
documentation. Workflow commands printed by a step (`::error file=...::message`) are collected
as annotations.

Actions from elsewhere are stood in for: actions/checkout does nothing (the test prepares the
workspace), actions/cache keeps folders in a cache directory by key (restored at the step, saved
after the job, as the real one does), github/codeql-action/upload-sarif checks that the file is
SARIF 2.1.0 and records the upload, and `uses:` of agentlint itself (`./` or a name given with
--action) runs the composite action from a folder.

Usage:
  run_action.py workflow FILE JOB --workspace DIR [--action NAME=DIR] [--cache DIR] --report OUT
  run_action.py action DIR --workspace DIR [--input NAME=VALUE]... [--cache DIR] --report OUT
The report (JSON) holds every step's outcome, outputs and log, the annotations, the job summary,
the SARIF uploads and the job's result. The exit code is 0 when the runner itself worked.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml


class ExpressionError(Exception):
    pass


TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|<=|>=|&&|\|\||[!<>()\[\].,])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))")


def tokenize(text):
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExpressionError("cannot read %r" % text[pos:])
        pos = m.end()
        kind = m.lastgroup
        tokens.append((kind, m.group(kind)))
    return tokens


def truthy(value):
    return value not in (None, False, 0, "", 0.0)


def to_string(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def loose_equal(a, b):
    # GitHub compares strings case-insensitively and coerces mixed types to numbers.
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    def number(v):
        if v is None:
            return 0
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, (int, float)):
            return v
        try:
            return float(v) if str(v).strip() else 0
        except ValueError:
            return float("nan")
    return number(a) == number(b)


class Evaluator:
    """Evaluates one expression over the given contexts (a Pratt parser)."""

    def __init__(self, contexts, status):
        self.contexts = contexts
        self.status = status  # 'success' | 'failure' | 'cancelled' of the job so far

    def evaluate(self, text):
        self.tokens, self.i = tokenize(text), 0
        value = self.expr(0)
        if self.i != len(self.tokens):
            raise ExpressionError("unexpected %r in %r" % (self.tokens[self.i][1], text))
        return value

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, expected=None):
        token = self.peek()
        if token[0] is None or (expected and token[1] != expected):
            raise ExpressionError("expected %r" % expected)
        self.i += 1
        return token

    BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4}

    def expr(self, min_power):
        left = self.unary()
        while True:
            kind, op = self.peek()
            power = self.BINARY.get(op) if kind == "op" else None
            if power is None or power <= min_power:
                return left
            self.take()
            right = self.expr(power)
            if op == "||":
                left = left if truthy(left) else right
            elif op == "&&":
                left = right if truthy(left) else left
            elif op == "==":
                left = loose_equal(left, right)
            elif op == "!=":
                left = not loose_equal(left, right)
            else:
                a, b = float(to_string(left) or 0), float(to_string(right) or 0)
                left = {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]

    def unary(self):
        kind, value = self.peek()
        if kind == "op" and value == "!":
            self.take()
            return not truthy(self.unary())
        if kind == "op" and value == "(":
            self.take()
            inner = self.expr(0)
            self.take(")")
            return self.postfix(inner)
        if kind == "num":
            self.take()
            return float(value) if "." in value else int(value)
        if kind == "str":
            self.take()
            return value[1:-1].replace("''", "'")
        if kind == "name":
            self.take()
            if value in ("true", "false"):
                return value == "true"
            if value == "null":
                return None
            if self.peek() == ("op", "("):
                return self.call(value)
            return self.postfix(self.contexts.get(value))
        raise ExpressionError("unexpected %r" % value)

    def postfix(self, value):
        while True:
            kind, op = self.peek()
            if kind == "op" and op == ".":
                self.take()
                key = self.take()[1]
                value = value.get(key) if isinstance(value, dict) else None
            elif kind == "op" and op == "[":
                self.take()
                key = self.expr(0)
                self.take("]")
                value = value.get(to_string(key)) if isinstance(value, dict) else None
            else:
                return value

    def call(self, name):
        self.take("(")
        args = []
        while self.peek() != ("op", ")"):
            args.append(self.expr(0))
            if self.peek() == ("op", ","):
                self.take()
        self.take(")")
        if name == "always":
            return True
        if name == "success":
            return self.status == "success"
        if name == "failure":
            return self.status == "failure"
        if name == "cancelled":
            return False
        if name == "format":
            text = to_string(args[0])
            return re.sub(r"\{(\d+)\}", lambda m: to_string(args[int(m.group(1)) + 1]), text)
        if name == "contains":
            return to_string(args[1]).lower() in to_string(args[0]).lower()
        if name == "startsWith":
            return to_string(args[0]).lower().startswith(to_string(args[1]).lower())
        if name == "endsWith":
            return to_string(args[0]).lower().endswith(to_string(args[1]).lower())
        raise ExpressionError("function %s() is not supported by this runner" % name)


def interpolate(text, contexts, status="success"):
    """Replaces every ${{ expr }} in a string."""
    if not isinstance(text, str):
        return text
    return re.sub(r"\$\{\{(.*?)\}\}",
                  lambda m: to_string(Evaluator(contexts, status).evaluate(m.group(1))), text)


def condition(text, contexts, status):
    if text is None:
        return status == "success"
    if isinstance(text, bool):
        return text
    text = str(text).strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    return truthy(Evaluator(contexts, status).evaluate(text))


def read_key_values(path):
    """GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIMITER` blocks."""
    values = {}
    if not os.path.exists(path):
        return values
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while i < len(lines) and lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            i += 1
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


ANNOTATION = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


def annotations_in(log):
    found = []
    for line in log.splitlines():
        m = ANNOTATION.match(line)
        if not m:
            continue
        props = {}
        for part in (m.group(2) or "").strip().split(","):
            if "=" in part:
                key, value = part.split("=", 1)
                props[key] = value.replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
        message = m.group(3).replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
        found.append({"level": m.group(1), "properties": props, "message": message})
    return found


class Runner:
    def __init__(self, workspace, actions, cache_dir, report):
        self.workspace = os.path.abspath(workspace)
        self.actions = {name: os.path.abspath(path) for name, path in actions.items()}
        self.cache_dir = cache_dir
        self.report = report
        self.temp = tempfile.mkdtemp(prefix="runner-temp-")
        self.post = []  # (description, function) run after the job, last first
        self.summary = []
        self.env = {}  # from GITHUB_ENV

    def base_env(self):
        env = dict(os.environ)
        env.update({"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": self.workspace,
                    "RUNNER_TEMP": self.temp, "RUNNER_OS": "Linux", "GITHUB_SHA": "0" * 40})
        env.update(self.env)
        return env

    def github_context(self, action_path=""):
        return {"workspace": self.workspace, "sha": "0" * 40, "ref": "refs/heads/main",
                "action_path": action_path, "action_ref": "", "event_name": "pull_request"}

    def run_shell(self, step, contexts, extra_env, action_path, default_shell):
        status = "success"
        script = interpolate(step["run"], contexts, status)
        shell = step.get("shell", default_shell)
        fd, path = tempfile.mkstemp(suffix=".sh", dir=self.temp)
        with os.fdopen(fd, "w") as f:
            f.write(script)
        if shell == "bash":
            command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", path]
        elif shell is None:
            command = ["bash", "-e", path]
        elif shell == "sh":
            command = ["sh", "-e", path]
        else:
            raise ExpressionError("shell %r is not supported by this runner" % shell)
        output_file = os.path.join(self.temp, "output-%d" % len(self.report["steps"]))
        summary_file = os.path.join(self.temp, "summary-%d" % len(self.report["steps"]))
        env_file = os.path.join(self.temp, "env-%d" % len(self.report["steps"]))
        for f in (output_file, summary_file, env_file):
            open(f, "w").close()
        env = self.base_env()
        env.update(extra_env)
        env.update({"GITHUB_OUTPUT": output_file, "GITHUB_STEP_SUMMARY": summary_file,
                    "GITHUB_ENV": env_file})
        if action_path:
            env["GITHUB_ACTION_PATH"] = action_path
        cwd = self.workspace
        if step.get("working-directory"):
            cwd = os.path.join(self.workspace, interpolate(step["working-directory"], contexts))
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        log = done.stdout.decode("utf-8", "replace")
        self.report["annotations"].extend(annotations_in(log))
        self.summary.append(open(summary_file, encoding="utf-8").read())
        self.env.update(read_key_values(env_file))
        return ("success" if done.returncode == 0 else "failure"), read_key_values(output_file), \
            log + ("" if done.returncode == 0 else "\nProcess completed with exit code %d.\n"
                   % done.returncode)

    def run_uses(self, step, contexts, action_path):
        uses = step["uses"]
        with_values = {k: interpolate(to_string(v), contexts)
                       for k, v in (step.get("with") or {}).items()}
        name = uses.split("@")[0]
        if name == "actions/checkout":
            return "success", {}, "checkout: the test prepared the workspace\n"
        if name == "actions/cache":
            return self.cache(with_values)
        if name == "github/codeql-action/upload-sarif":
            return self.upload_sarif(with_values)
        folder = None
        if uses.startswith("./"):
            folder = os.path.normpath(os.path.join(self.workspace, uses))
        elif name in self.actions:
            folder = self.actions[name]
        if folder is None:
            return "failure", {}, "this runner does not know the action %s\n" % uses
        return self.run_composite(folder, with_values)

    def cache(self, values):
        path = values["path"]
        target = path if os.path.isabs(path) else os.path.join(self.workspace, path)
        key = re.sub(r"[^A-Za-z0-9._-]", "_", values["key"])
        stored = os.path.join(self.cache_dir, key)
        if os.path.isdir(stored):
            if os.path.exists(target):
                shutil.rmtree(target)
            shutil.copytree(stored, target, symlinks=True)
            return "success", {"cache-hit": "true"}, "cache restored from key %s\n" % key

        def save():
            if os.path.isdir(target) and not os.path.isdir(stored):
                shutil.copytree(target, stored, symlinks=True)
        self.post.append(("save cache " + key, save))
        return "success", {"cache-hit": "false"}, "cache not found for key %s\n" % key

    def upload_sarif(self, values):
        path = values.get("sarif_file", "")
        full = path if os.path.isabs(path) else os.path.join(self.workspace, path)
        try:
            sarif = json.load(open(full, encoding="utf-8"))
        except (OSError, ValueError) as e:
            return "failure", {}, "upload-sarif: %s is not a JSON file: %s\n" % (path, e)
        if sarif.get("version") != "2.1.0" or not sarif.get("runs"):
            return "failure", {}, "upload-sarif: %s is not SARIF 2.1.0\n" % path
        results = sum(len(run.get("results", [])) for run in sarif["runs"])
        self.report["uploads"].append({"path": path, "results": results})
        return "success", {}, "upload-sarif: %s, %d results\n" % (path, results)

    def run_composite(self, folder, with_values):
        action = yaml.safe_load(open(os.path.join(folder, "action.yml"), encoding="utf-8"))
        runs = action["runs"]
        if runs.get("using") != "composite":
            return "failure", {}, "only composite actions are supported\n"
        inputs = {}
        for name, spec in (action.get("inputs") or {}).items():
            inputs[name] = with_values.get(name, to_string((spec or {}).get("default", "")))
        steps, status, log = {}, "success", ""
        for step in runs["steps"]:
            contexts = {"inputs": inputs, "steps": steps, "github": self.github_context(folder),
                        "runner": {"os": "Linux", "temp": self.temp}, "env": self.base_env()}
            outcome, outputs, step_log = self.run_step(step, contexts, folder, "bash", status,
                                                       composite=True)
            log += step_log
            if outcome == "failure" and not step.get("continue-on-error"):
                status = "failure"
        contexts = {"inputs": inputs, "steps": steps, "github": self.github_context(folder)}
        outputs = {name: interpolate(spec.get("value", ""), contexts)
                   for name, spec in (action.get("outputs") or {}).items()}
        return status, outputs, log

    def run_step(self, step, contexts, action_path, default_shell, status, composite=False):
        """Runs one step if its condition holds; records it; returns (outcome, outputs, log)."""
        name = step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0]
        env = {k: interpolate(to_string(v), contexts) for k, v in (step.get("env") or {}).items()}
        if not condition(step.get("if"), contexts, status):
            outcome, outputs, log = "skipped", {}, ""
        elif "run" in step:
            outcome, outputs, log = self.run_shell(step, contexts, env, action_path, default_shell)
        else:
            outcome, outputs, log = self.run_uses(step, contexts, action_path)
        conclusion = "success" if outcome == "failure" and step.get("continue-on-error") else outcome
        if step.get("id"):
            contexts["steps"][step["id"]] = {"outputs": outputs, "outcome": outcome,
                                             "conclusion": conclusion}
        self.report["steps"].append({"name": name, "id": step.get("id"), "composite": composite,
                                     "outcome": outcome, "conclusion": conclusion,
                                     "outputs": outputs, "log": log})
        return conclusion, outputs, log

    def run_job(self, job, workflow_env):
        steps, status = {}, "success"
        self.env.update({k: to_string(v) for k, v in (workflow_env or {}).items()})
        self.env.update({k: to_string(v) for k, v in (job.get("env") or {}).items()})
        for step in job["steps"]:
            contexts = {"steps": steps, "github": self.github_context(), "inputs": {},
                        "runner": {"os": "Linux", "temp": self.temp}, "env": self.base_env()}
            outcome, _, _ = self.run_step(step, contexts, "", None, status)
            if outcome == "failure":
                status = "failure"
        self.finish()
        return status

    def finish(self):
        for description, function in reversed(self.post):
            function()
        self.post = []
        self.report["summary"] = "".join(self.summary)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["workflow", "action"])
    parser.add_argument("file")
    parser.add_argument("job", nargs="?")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--action", action="append", default=[], help="NAME=DIR")
    parser.add_argument("--input", action="append", default=[], help="NAME=VALUE")
    parser.add_argument("--cache", default=None)
    parser.add_argument("--report", required=True)
    args = parser.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="runner-cache-")
    os.makedirs(cache, exist_ok=True)
    report = {"steps": [], "annotations": [], "uploads": [], "summary": ""}
    runner = Runner(args.workspace, dict(a.split("=", 1) for a in args.action), cache, report)
    if args.kind == "workflow":
        workflow = yaml.safe_load(open(args.file, encoding="utf-8"))
        report["result"] = runner.run_job(workflow["jobs"][args.job], workflow.get("env"))
    else:
        inputs = dict(i.split("=", 1) for i in args.input)
        outcome, outputs, _ = runner.run_composite(os.path.abspath(args.file), inputs)
        runner.finish()
        report["result"], report["outputs"] = outcome, outputs
    json.dump(report, open(args.report, "w"), indent=2)
    shutil.rmtree(runner.temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
