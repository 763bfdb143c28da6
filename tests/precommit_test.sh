#!/bin/sh
# Runs the README's pre-commit lines as a user would: the real pre-commit, in a throw-away
# repository, with the README's `rev:` taken from a clone of this repository (its tag) and only
# the repository URL replaced by this checkout. The first run builds agentlint from source (and
# must say so); a commit with a broken agent is refused, a warning passes unless the README's
# `args: [--fail-on=warning]` is used, `verbose: true` shows it, and the `agentlint-system` hook
# runs an installed binary.
# Usage: precommit_test.sh SOURCE_DIR AGENTLINT_BINARY
set -eu
source_dir=$(cd "$1" && pwd)
binary=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/install-deps)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { cat "$work/out" 2>/dev/null; echo "FAIL: $*"; exit 1; }

# The README's blocks: the config, and the lines that show and fail on warnings.
config=$(awk '/^# \.pre-commit-config\.yaml$/{on=1} on&&/^```$/{exit} on' "$source_dir/README.md")
extra=$(awk '/args: \[--fail-on=warning\]/{print} /verbose: true/{print}' "$source_dir/README.md")
rev=$(printf '%s\n' "$config" | sed -n 's/^ *rev: *\([^ ]*\).*/\1/p')
[ -n "$rev" ] || fail "no rev: in the README's pre-commit block"
version=$(sed -n 's/^project(agentlint VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
[ "$rev" = "v$version" ] || fail "the README's rev: $rev is not v$version, the version in CMakeLists.txt"
# pre-commit clones the repository at the tag. A clone of one branch (as CI makes) has no tags, so
# the release tag is made on HEAD in a scratch clone, so that the hook tested is HEAD's.
git clone -q "$source_dir" "$work/upstream"
if git -C "$source_dir" rev-parse -q --verify "refs/tags/$rev" >/dev/null; then
  [ -z "$(git -C "$source_dir" diff "$rev" HEAD --stat)" ] ||
    echo "note: the tag $rev differs from HEAD here (move it with git tag -f $rev to release HEAD)"
else
  echo "the tag $rev is not in this clone: tagging HEAD in a scratch clone"
fi
git -C "$work/upstream" tag -f "$rev" HEAD >/dev/null
printf '%s\n' "$config" | grep -q "repo: https://github.com/agentlint/agentlint" ||
  fail "the README's repo: line changed"

export PRE_COMMIT_HOME="$work/cache"
mkdir -p "$work/repo" && cd "$work/repo"
git init -q .
git config user.name test && git config user.email test@example.com
use_config() {  # the README's block, with this checkout as the repository, plus extra lines
  printf '%s\n' "$config" | sed "s|https://github.com/agentlint/agentlint|$work/upstream|" >.pre-commit-config.yaml
  [ -z "${1:-}" ] || printf '%s\n' "$1" >>.pre-commit-config.yaml
  git add .pre-commit-config.yaml
}
use_config
pre-commit install >/dev/null
mkdir -p services/api/.claude/agents
agent() {
  printf -- '---\nname: db\ndescription: Designs database schemas. Use for schema changes.\ntools: %s\n---\nYou are the database engineer. Design schemas for new features and explain each choice.\n' "$1" >services/api/.claude/agents/db.md
  git add -A
}

# First use: pre-commit clones the tag, the hook builds agentlint and says so; the broken agent is
# refused with its finding.
agent "Read, Bassh"
start=$(date +%s)
if git commit -q -m "broken agent" >"$work/out" 2>&1; then fail "the commit with a broken agent passed"; fi
first=$(($(date +%s) - start))
grep -q "agentlint: first run: building agentlint" "$work/out" || fail "the first run did not say it builds"
grep -q "agentlint: built in" "$work/out" || fail "the first run did not say it finished building"
grep -q "AL103 unknown-tool" "$work/out" || fail "no agentlint finding shown"
echo "first run (clone at $rev, build, lint): ${first} s"

# A warning (a removed tool) passes silently by default ...
agent "Read, Bash, MultiEdit"
git commit -q -m "warning only" >"$work/out" 2>&1 || fail "a warning stopped the commit by default"
! grep -q "AL118" "$work/out" || fail "the warning was shown without verbose: true"
grep -q "building" "$work/out" && fail "the second run built agentlint again"
# ... fails with the README's args, and shows with verbose: true.
use_config "$extra"
agent "Read, Bash, MultiEdit, Grep"
if git commit -q -m "warning, strict" >"$work/out" 2>&1; then fail "--fail-on=warning did not stop the warning"; fi
grep -q "AL118 removed-tool" "$work/out" || fail "the warning is not shown"
use_config "$(printf '%s\n' "$extra" | grep verbose)"
git commit -q -m "warning, verbose" >"$work/out" 2>&1 || fail "verbose: true alone stopped the commit"
grep -q "AL118 removed-tool" "$work/out" || fail "verbose: true did not show the warning"

# The fixed agent passes.
use_config
agent "Read, Bash"
git commit -q -m "fixed agent" >"$work/out" 2>&1 || fail "the clean commit was refused"

# An agent saved as `.MD` is one Claude Code never loads: the hook is given it and refuses it.
printf -- '---\nname: docs\ndescription: Writes the docs. Use when a public API changes.\n---\nYou write the docs of each changed public function, with one example each.\n' >services/api/.claude/agents/docs.MD
git add -A
if git commit -q -m "misnamed agent" >"$work/out" 2>&1; then fail "the commit of an agent Claude Code never loads passed"; fi
grep -q "docs.MD:1:1: error: .*AL015 agent-file-not-md" "$work/out" || fail "the misnamed agent was not reported"
git rm -q --cached services/api/.claude/agents/docs.MD && rm services/api/.claude/agents/docs.MD

# agentlint-system runs an installed agentlint (here: this build's binary on PATH).
mkdir -p "$work/bin" && ln -s "$binary" "$work/bin/agentlint"
printf '%s\n' "$config" | sed "s|https://github.com/agentlint/agentlint|$work/upstream|; s|id: agentlint |id: agentlint-system |" >.pre-commit-config.yaml
git add .pre-commit-config.yaml
agent "Read, Bassh, Grep"
if PATH="$work/bin:$PATH" git commit -q -m "system hook" >"$work/out" 2>&1; then fail "agentlint-system passed a broken agent"; fi
grep -q "AL103 unknown-tool" "$work/out" || fail "agentlint-system showed no finding"
echo "pre-commit: README lines at $rev: broken and misnamed agents refused, warnings shown when asked, system hook works"
