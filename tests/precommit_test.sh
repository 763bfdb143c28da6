#!/bin/sh
# Runs the real pre-commit against a throw-away git repository: a commit with a broken agent in a
# nested .claude/agents folder fails with agentlint's findings; a clean one passes.
# Usage: precommit_test.sh SOURCE_DIR AGENTLINT_BINARY
set -eu
source_dir=$1
binary=$2
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/install-deps)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The hook repository: a clone of this checkout at HEAD, plus the working tree's uncommitted
# changes, committed there, so the hook under test is the one in this tree.
git clone -q "$source_dir" "$work/hooks"
(cd "$source_dir" && git ls-files -z --modified --others --exclude-standard) | (cd "$source_dir" && xargs -0 -r cp --parents -t "$work/hooks")
cd "$work/hooks"
# Reuse this build (committed into the throw-away hook repository only), so the hook does not
# compile agentlint again; scripts/pre-commit-hook builds it when it is missing.
mkdir -p build/release
ln -s "$binary" build/release/agentlint
git add -A >/dev/null
git add -f build/release/agentlint
git -c user.name=t -c user.email=t@t commit -q -m "working tree" >/dev/null 2>&1 || true
rev=$(git rev-parse HEAD)
export PRE_COMMIT_HOME="$work/cache"
mkdir -p "$work/repo" && cd "$work/repo"
git init -q .
git config user.name test && git config user.email test@example.com
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: agentlint
CONFIG
pre-commit install >/dev/null
mkdir -p services/api/.claude/agents
cat > services/api/.claude/agents/db.md <<'AGENT'
---
name: db
description: Designs database schemas. Use for schema changes.
tools: Read, Bassh
---
You are the database engineer. Design schemas for new features.
AGENT
git add -A
if git commit -q -m "broken agent" > "$work/out" 2>&1; then
  cat "$work/out"; echo "FAIL: the commit with a broken agent passed"; exit 1
fi
grep -q "AL103 unknown-tool" "$work/out" || { cat "$work/out"; echo "FAIL: no agentlint finding shown"; exit 1; }
sed -i 's/Bassh/Bash/' services/api/.claude/agents/db.md
git add -A
if ! git commit -q -m "fixed agent" > "$work/out" 2>&1; then
  cat "$work/out"; echo "FAIL: the clean commit was refused"; exit 1
fi
echo "pre-commit: broken nested agent refused, clean one accepted"
