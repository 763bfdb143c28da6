#!/usr/bin/env python3
"""The language server's own messages, over stdio, as an editor sends them.

usage: test_lsp.py AGENTLINT

A project folder with two agents on disk; one is opened with unsaved text. Checks: diagnostics
on open equal the command line's findings for the same text (`--stdin-filename`), positions in
UTF-16; project findings (duplicate names) appear and go live as buffers change; other open
buffers win over the disk; code actions (safe first, preferred) and the fix-all action, which
gives exactly `--fix`'s text; hover shows the rule's documentation; a changed `.agentlint.yaml`
is re-read; buffers under two configurations each get their own command-line findings; hostile
buffers and broken messages never end the server; shutdown and exit.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, check, exit_code, fixed_by_cli, write  # noqa: E402

def uri_of(path):
    return "file://" + path


# The unsaved text: a removed tool (fixable), a deprecated one, a handoff to a missing agent
# after an emoji (two UTF-16 units, one code point), and the name another agent has on disk.
BUFFER = ("---\nname: db-expert\ndescription: Designs database schemas. Use for schema work.\n"
          "tools: Read, MultiEdit, Bash\n---\n\nYou are the database expert.\n\n"
          "\U0001F680 When done, hand off to the `test-writerr` agent.\n")


def cli_findings(agentlint, path, text, cwd):
    out = subprocess.run([agentlint, "--format", "json", "--stdin-filename", path, "-"],
                         input=text.encode(), stdout=subprocess.PIPE, cwd=cwd).stdout
    return json.loads(out)["diagnostics"]


def utf16_column(line_text, column):
    """A 1-based code-point column as a 0-based UTF-16 character."""
    return len(line_text[:column - 1].encode("utf-16-le")) // 2


def main():
    agentlint = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="agentlint-lsp-")
    project = os.path.join(work, "project")
    agents = os.path.join(project, ".claude", "agents")
    a = os.path.join(agents, "a.md")
    b = os.path.join(agents, "b.md")
    write(b, "---\nname: db-expert\ndescription: Reviews database migrations. Use before merging."
             "\ntools: Read, Grep\n---\n\nYou review migrations.\n")
    write(a, "---\nname: placeholder\ndescription: Not yet written. Use for nothing.\n---\n\nTBD\n")
    client = Client([agentlint, "lsp"], project)
    try:
        # Messages before initialize are refused, not fatal.
        early = client.request("textDocument/hover", {})
        odd = client.request("initialize", None)
        check("result" in odd and "capabilities" in odd["result"],
              "initialize with null params still answers with the capabilities")
        check(early.get("error", {}).get("code") == -32002, "a request before initialize is refused")
        init = client.request("initialize", {
            "processId": os.getpid(), "rootUri": uri_of(project),
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}})
        caps = init["result"]["capabilities"]
        check(caps["textDocumentSync"]["change"] == 1 and caps["hoverProvider"] is True and
              "quickfix" in caps["codeActionProvider"]["codeActionKinds"],
              "initialize announces full sync, hover and quick fixes")
        client.notify("initialized", {})
        register = client.wait(lambda m: m.get("method") == "client/registerCapability")
        watchers = register["params"]["registrations"][0]["registerOptions"]["watchers"]
        check({"globPattern": "**/.agentlint.yaml"} in watchers,
              "the server asks to watch .agentlint.yaml files")
        client.send({"id": register["id"], "result": None})

        # 1. Open: the unsaved text is linted with its siblings from disk.
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(a), "languageId": "markdown", "version": 1, "text": BUFFER}})
        diags = client.diagnostics(uri_of(a))
        expected = cli_findings(agentlint, a, BUFFER, project)
        lines = BUFFER.split("\n")
        want = sorted((d["rule"], d["line"] - 1, utf16_column(lines[d["line"] - 1], d["column"]))
                      for d in expected)
        got = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
                     for d in diags)
        check(want == got and len(got) >= 3,
              "diagnostics on open equal the command line's for the same text (%d)" % len(got))
        by_rule = {d["code"]: d for d in diags}
        check("AL401" in by_rule, "a project finding (duplicate name with b.md on disk) is live")
        mention = [d for d in diags if "test-writerr" in d["message"]]
        emoji_line = lines.index([line for line in lines if "test-writerr" in line][0])
        check(bool(mention) and mention[0]["range"]["start"] ==
              {"line": emoji_line, "character": lines[emoji_line].index("`test-writerr`") + 2},
              "a position after an emoji counts UTF-16 units")
        removed = by_rule.get("AL118")
        check(removed is not None and removed["range"] == {
            "start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 22}} and
            removed["severity"] == 2 and removed["source"] == "agentlint",
            "the removed tool is a warning at its exact range")

        # 2. Hover on the removed tool: the rule's documentation.
        hover = client.request("textDocument/hover", {
            "textDocument": {"uri": uri_of(a)}, "position": {"line": 3, "character": 16}})
        explain = subprocess.run([agentlint, "explain", "AL118"], stdout=subprocess.PIPE,
                                 text=True).stdout
        value = (hover.get("result") or {}).get("contents", {}).get("value", "")
        check(value.startswith("# AL118 removed-tool") and value.strip() in explain,
              "hover shows the rule's documentation")
        nothing = client.request("textDocument/hover", {
            "textDocument": {"uri": uri_of(a)}, "position": {"line": 6, "character": 2}})
        check(nothing.get("result") is None, "hover away from findings shows nothing")

        # 3. Code actions at the removed tool: the safe fix first and preferred.
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri_of(a)}, "range": removed["range"],
            "context": {"diagnostics": [removed]}})["result"]
        quick = [x for x in actions if x["kind"] == "quickfix"]
        check(bool(quick) and quick[0]["isPreferred"] is True and "AL118" in quick[0]["title"] and
              quick[0]["edit"]["changes"][uri_of(a)] == [
                  {"range": removed["range"], "newText": "Edit"}],
              "the quick fix replaces MultiEdit with Edit, preferred")
        fix_all = [x for x in actions if x["kind"] == "source.fixAll.agentlint"]
        fixed = fixed_by_cli(agentlint, project, ".claude/agents/a.md",
                             os.path.join(work, "copy"), BUFFER)
        check(len(fix_all) == 1 and
              fix_all[0]["edit"]["changes"][uri_of(a)][0]["newText"] == fixed and fixed != BUFFER,
              "the fix-all action gives exactly --fix's text")
        only = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri_of(a)}, "range": removed["range"],
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})["result"]
        check([x["kind"] for x in only] == ["source.fixAll.agentlint"],
              "context.only selects the fix-all action")

        # 4. Typing: a new name removes the duplicate at once.
        renamed = BUFFER.replace("name: db-expert", "name: schema-designer")
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(a), "version": 2}, "contentChanges": [{"text": renamed}]})
        diags = client.diagnostics(uri_of(a))
        check("AL401" not in {d["code"] for d in diags} and "AL118" in {d["code"] for d in diags},
              "after the rename the duplicate name is gone, the removed tool stays")

        # 5. Another open buffer wins over the disk: b.md, unsaved, takes a.md's new name.
        b_text = open(b, encoding="utf-8").read().replace("name: db-expert",
                                                          "name: schema-designer")
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(b), "languageId": "markdown", "version": 1, "text": b_text}})
        b_diags = client.diagnostics(uri_of(b))
        a_diags = client.diagnostics(uri_of(a))
        # Claude Code loads the one that sorts last (b.md): the duplicate is reported on a.md.
        check("AL401" in {d["code"] for d in a_diags} and
              "AL401" not in {d["code"] for d in b_diags},
              "an unsaved rename in b.md makes a.md report the duplicate again")
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(b)}})
        check(client.diagnostics(uri_of(b)) == [], "closing b.md clears its diagnostics")
        check("AL401" not in {d["code"] for d in client.diagnostics(uri_of(a))},
              "with b.md closed, a.md sees b.md's text on disk again")

        # 6. The configuration is re-read when it changes.
        write(os.path.join(project, ".agentlint.yaml"), "ignore: [removed-tool]\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": uri_of(os.path.join(project, ".agentlint.yaml")), "type": 1}]})
        codes = {d["code"] for d in client.diagnostics(uri_of(a))}
        check("AL118" not in codes and "AL404" in codes,
              "a new .agentlint.yaml that ignores removed-tool applies at once")
        os.remove(os.path.join(project, ".agentlint.yaml"))
        client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": uri_of(os.path.join(project, ".agentlint.yaml")), "type": 3}]})
        check("AL118" in {d["code"] for d in client.diagnostics(uri_of(a))},
              "removing it brings the finding back")

        # 7. Hostile buffers and broken messages: the server answers and lives on.
        hostile = ["\x00\xff garbage", "---\n" + "[" * 100000 + "\n---\n",
                   "---\nname: x\n---\n" + "> " * 50000 + "deep\n", "", "---\n" * 1000]
        for version, text in enumerate(hostile, start=3):
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri_of(a), "version": version},
                "contentChanges": [{"text": text}]})
            client.diagnostics(uri_of(a))
        check(True, "five hostile buffers each got diagnostics")
        client.send_raw(b"{not json")
        bad = client.wait(lambda m: "error" in m and m.get("id") is None)
        check(bad["error"]["code"] == -32700, "a message that is not JSON gets a parse error")
        broken = client.request("textDocument/codeAction", {"textDocument": {}})
        check(broken.get("error", {}).get("code") == -32603,
              "a request with missing fields gets an error, not a crash")
        unknown = client.request("textDocument/definition", {})
        check(unknown.get("error", {}).get("code") == -32601, "an unknown method is refused")
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(a), "version": 99},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 0, "character": 0}},
                                "text": BUFFER}]})
        check("AL118" in {d["code"] for d in client.diagnostics(uri_of(a))},
              "a ranged change is applied too")

        # 8. The two seed agents, side by side in a folder, one opened: the command line's
        # findings (when ../shared/seeds is beside this checkout).
        seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/seeds")
        if os.path.exists(os.path.join(seeds, "database-expert.md")):
            seed_dir = os.path.join(work, "seeds", ".claude", "agents")
            os.makedirs(seed_dir)
            for name in ("database-expert.md", "database-expert-moai.md"):
                shutil.copy(os.path.join(seeds, name), seed_dir)
            seed = os.path.join(seed_dir, "database-expert.md")
            seed_text = open(seed, encoding="utf-8").read()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri_of(seed), "languageId": "markdown", "version": 1, "text": seed_text}})
            diags = client.diagnostics(uri_of(seed))
            expected = json.loads(subprocess.run(
                [agentlint, "--format", "json", seed], stdout=subprocess.PIPE,
                cwd=work).stdout)["diagnostics"]
            seed_lines = seed_text.split("\n")
            want = sorted((d["rule"], d["line"] - 1,
                           utf16_column(seed_lines[d["line"] - 1], d["column"])) for d in expected)
            got = sorted((d["code"], d["range"]["start"]["line"],
                          d["range"]["start"]["character"]) for d in diags)
            check(want == got and any(d["code"] == "AL406" for d in diags),
                  "the seed in its folder: the command line's %d findings, conflicting guidance "
                  "with its sibling included" % len(want))
        else:
            print("skip  ../shared/seeds is not beside this checkout")

        # 9. Buffers under two configurations: each gets what the command line gives for it
        # under its own (the nested config's `known-agents` holds for c.md, not a.md's none).
        sub = os.path.join(project, "sub")
        write(os.path.join(sub, ".agentlint.yaml"), "known-agents: [ghost-writer]\n")
        c = os.path.join(sub, ".claude", "agents", "c.md")
        c_text = ("---\nname: release-captain\ndescription: Cuts releases. Use when one is due.\n"
                  "---\n\nYou cut releases.\n\nWhen done, hand off to the `ghost-writer` agent.\n")
        write(c, c_text)
        write(a, BUFFER)
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(a), "version": 100}, "contentChanges": [{"text": BUFFER}]})
        client.diagnostics(uri_of(a))
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(c), "languageId": "markdown", "version": 1, "text": c_text}})
        c_diags = client.diagnostics(uri_of(c))
        a_diags = client.diagnostics(uri_of(a))
        for path, text, diags in ((c, c_text, c_diags), (a, BUFFER, a_diags)):
            expected = json.loads(subprocess.run(
                [agentlint, "--format", "json", path], stdout=subprocess.PIPE,
                cwd=project).stdout)["diagnostics"]
            lines = text.split("\n")
            want = sorted((d["rule"], d["line"] - 1, utf16_column(lines[d["line"] - 1], d["column"]))
                          for d in expected)
            got = sorted((d["code"], d["range"]["start"]["line"],
                          d["range"]["start"]["character"]) for d in diags)
            check(want == got, "%s, open beside a buffer under another config: the command "
                  "line's %d findings" % (os.path.basename(path), len(want)))
        check(not any("ghost-writer" in d["message"] for d in c_diags) and
              any("test-writerr" in d["message"] for d in a_diags),
              "c.md's config knows ghost-writer; a.md (no config) still flags test-writerr")
        # A configuration that cannot be read stops its own files' run only.
        write(os.path.join(sub, ".agentlint.yaml"), "known-agents: [\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": uri_of(os.path.join(sub, ".agentlint.yaml")), "type": 2}]})
        shown = client.wait(lambda m: m.get("method") == "window/showMessage")
        a_diags = client.diagnostics(uri_of(a))  # published in the order of their URIs
        c_diags = client.diagnostics(uri_of(c))
        check(".agentlint.yaml" in shown["params"]["message"] and c_diags == [] and
              "AL118" in {d["code"] for d in a_diags},
              "a broken nested config is shown and clears c.md's findings, not a.md's")
        os.remove(os.path.join(sub, ".agentlint.yaml"))
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(c)}})
        client.diagnostics(uri_of(c))

        # 10. Shutdown and exit.
        check(client.request("shutdown", None).get("result", "x") is None, "shutdown answers null")
        client.notify("exit", None)
        check(client.proc.wait(timeout=10) == 0, "exit after shutdown ends with status 0")
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
