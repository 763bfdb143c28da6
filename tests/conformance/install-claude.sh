#!/bin/sh
# Installs the pinned Claude Code from the npm registry into TOOLS_DIR, once, and prints the path
# of its executable. The package's bin/ holds a self-contained native executable; no API key and
# no network are needed to run it against the local stand-in (standin.py).
# Usage: install-claude.sh TOOLS_DIR VERSION
set -eu
tools=$1
version=$2
binary="$tools/node_modules/@anthropic-ai/claude-code/bin/claude.exe"
if [ -x "$binary" ] && [ "$("$binary" --version 2>/dev/null | cut -d' ' -f1)" = "$version" ]; then
  echo "$binary"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "install-claude: npm is not installed (scripts/install-deps)" >&2; exit 1; }
mkdir -p "$tools"
cd "$tools"
[ -f package.json ] || echo '{"private": true}' > package.json
if ! npm install --no-audit --no-fund --silent "@anthropic-ai/claude-code@$version" >&2; then
  echo "install-claude: npm could not install @anthropic-ai/claude-code@$version" >&2
  exit 1
fi
if [ "$("$binary" --version 2>/dev/null | cut -d' ' -f1)" != "$version" ]; then
  echo "install-claude: $binary does not run, or is not version $version" >&2
  exit 1
fi
echo "$binary"
