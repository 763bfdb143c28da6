"""A minimal LSP client over a child process's stdio, and the helpers the language server's
tests share (a check that records failures, writing files)."""
import json
import os
import queue
import shutil
import subprocess
import threading
import time


class Client:
    def __init__(self, command, cwd):
        self.proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        self.send_raw(json.dumps(message).encode())

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        """Sends a request and returns its response (other messages are kept in `seen`)."""
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def wait(self, predicate, timeout=30):
        """The first message (in order) that matches, failing after `timeout` seconds."""
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("no matching message from the server in %ds" % timeout)
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("the server closed its output")
            if predicate(message):
                return message

    def diagnostics(self, uri, timeout=30):
        """The next publishDiagnostics for `uri`."""
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri, timeout)
        return message["params"]["diagnostics"]


failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fixed_by_cli(agentlint, project, relative, copy, text=None):
    """What `agentlint --fix` makes of `relative` in a copy of `project` (its text replaced by
    `text` first, when given): the yardstick for the server's fixes."""
    shutil.copytree(project, copy)
    target = os.path.join(copy, relative)
    if text is not None:
        write(target, text)
    subprocess.run([agentlint, "--fix", relative], cwd=copy, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(target, encoding="utf-8") as f:
        return f.read()


def exit_code():
    """0 when every check passed; otherwise says how many failed."""
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0
