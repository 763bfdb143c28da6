#!/bin/sh
# The conformance CTest: installs the pinned Claude Code from npm (once, into TOOLS_DIR) and holds
# agentlint's verdicts on every fixture against it (conformance.py). Where npm cannot be reached
# this fails, loudly, unless AGENTLINT_SKIP_CONFORMANCE=1 is set on purpose. First the nested
# projects' layouts (enclosing.py), then the project's instructions (instructions.py), then the
# fixture plugins given with --plugin-dir (plugins.py),
# then every fixture (conformance.py).
# Usage: run.sh SOURCE_DIR AGENTLINT_BINARY TOOLS_DIR
set -eu
source_dir=$1
agentlint=$2
tools=$3
version=2.1.332  # the release the knowledge files record (checked_against)
if [ "${AGENTLINT_SKIP_CONFORMANCE:-}" = 1 ]; then
  echo "conformance: SKIPPED on purpose (AGENTLINT_SKIP_CONFORMANCE=1): agentlint's verdicts were not checked against Claude Code"
  exit 0
fi
if ! claude=$("$source_dir/tests/conformance/install-claude.sh" "$tools" "$version"); then
  cat >&2 <<MESSAGE
============================================================================================
conformance: FAILED TO INSTALL Claude Code $version from the npm registry (see above).
The conformance suite needs it to check agentlint against the real Claude Code. If this
machine cannot reach the npm registry, set AGENTLINT_SKIP_CONFORMANCE=1 to skip it on purpose.
============================================================================================
MESSAGE
  exit 1
fi
# Nested projects: which enclosing projects' agents Claude Code loads (enclosing.py).
/usr/bin/python3 "$source_dir/tests/conformance/enclosing.py" --claude "$claude" --agentlint "$agentlint"
# The project's instructions every subagent is given: CLAUDE.md, CLAUDE.local.md, .claude/rules
# (instructions.py).
/usr/bin/python3 "$source_dir/tests/conformance/instructions.py" --claude "$claude" \
  --agentlint "$agentlint"
# Plugin agents: what plugins ignore, and the tools they get (plugins.py).
/usr/bin/python3 "$source_dir/tests/conformance/plugins.py" --claude "$claude" \
  --agentlint "$agentlint" --fixtures "$source_dir"
exec /usr/bin/python3 "$source_dir/tests/conformance/conformance.py" --claude "$claude" \
  --agentlint "$agentlint" --fixtures "$source_dir" --table
