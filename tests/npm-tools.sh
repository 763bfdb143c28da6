#!/bin/sh
# Installs the test-only tools from the npm registry into TOOLS_DIR, once (pinned versions).
set -eu
tools=$1
if [ -x "$tools/node_modules/.bin/sarif-multitool" ] && [ -x "$tools/node_modules/.bin/action-validator" ]; then
  exit 0
fi
mkdir -p "$tools"
cd "$tools"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 @action-validator/cli@0.6.0
