#!/usr/bin/env python3
"""A real editor on the language server: Debian's Neovim (0.7+, built-in LSP client), headless.

usage: test_neovim.py AGENTLINT

Opens an agent file inside a folder of agents with the README's init.lua (which attaches
`agentlint lsp` to Markdown buffers, `agentlint` found on PATH), and checks that
the diagnostics are the command line's, that a misspelt tool shows while typing and goes when
corrected, and that the preferred code action on a removed tool leaves the file exactly as
`agentlint --fix` would.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import check, exit_code, fixed_by_cli, write  # noqa: E402

def main():
    agentlint = os.path.abspath(sys.argv[1])
    nvim = shutil.which("nvim")
    if not nvim:
        print("FAIL  nvim is not installed (scripts/install-deps installs Debian's neovim)")
        return 1
    work = tempfile.mkdtemp(prefix="agentlint-nvim-")
    project = os.path.join(work, "project")
    agents = os.path.join(project, ".claude", "agents")
    target = os.path.join(agents, "migrator.md")
    # One fixable finding (MultiEdit), and a handoff to an agent that is not in the folder.
    text = ("---\nname: migrator\ndescription: Writes database migrations. Use for schema "
            "changes.\ntools: Read, MultiEdit, Bash\n---\n\nYou write migrations.\n\nWhen done, "
            "hand off to the `schema-checker` agent.\n")
    write(target, text)
    write(os.path.join(agents, "reviewer.md"),
          "---\nname: reviewer\ndescription: Reviews changes. Use after edits.\ntools: Read, "
          "Grep\n---\n\nYou review changes.\n")
    try:
        cli = json.loads(subprocess.run([agentlint, "--format", "json", target], cwd=project,
                                        stdout=subprocess.PIPE).stdout)["diagnostics"]
        fixed = fixed_by_cli(agentlint, project, ".claude/agents/migrator.md",
                             os.path.join(work, "copy"))

        # The README's init.lua, with `agentlint` on PATH as a user would have it.
        here = os.path.dirname(os.path.abspath(__file__))
        readme = open(os.path.join(here, "..", "..", "README.md"), encoding="utf-8").read()
        snippet = re.search(r"\*\*Neovim\*\*.*?```lua\n(.*?)```", readme, re.S)
        check(snippet is not None, "the README has a Neovim init.lua")
        init = os.path.join(work, "init.lua")
        write(init, snippet.group(1) if snippet else "")
        bin_dir = os.path.join(work, "bin")
        os.makedirs(bin_dir)
        os.symlink(agentlint, os.path.join(bin_dir, "agentlint"))
        result_file = os.path.join(work, "result.json")
        env = dict(os.environ, AGENTLINT_FILE=target, AGENTLINT_RESULT=result_file,
                   PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
        script = os.path.join(here, "neovim_client.lua")
        # Like --clean (no user config, no shada), but with the README's init.lua.
        run = subprocess.run([nvim, "--headless", "-u", init, "-i", "NONE", "-n",
                              "--cmd", "filetype on", "-c", "luafile " + script],
                             cwd=project, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=120)
        if not os.path.exists(result_file):
            print(run.stdout.decode(errors="replace"))
            check(False, "Neovim wrote its result")
            return 1
        result = json.load(open(result_file))
        check(result["ok"], "the Neovim session ran through (%s)" % result.get("error"))
        want = sorted((d["rule"], d["line"] - 1, d["column"] - 1) for d in cli)
        got = sorted((d["rule"], d["line"], d["col"]) for d in result.get("on_open", []))
        check(got == want and len(got) >= 2,
              "Neovim shows the command line's findings at their positions: %s" % got)
        check(result.get("typed") is True, "a misspelt tool typed (unsaved) is flagged at once")
        check(result.get("untyped") is True, "correcting it clears the finding")
        check("AL118" in result.get("action_title", ""), "the preferred action fixes AL118")
        check(result.get("after_fix") is True, "after the fix the finding is gone")
        on_disk = open(target, encoding="utf-8").read()
        check(on_disk == fixed and on_disk != text,
              "the saved file is exactly what agentlint --fix gives")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
