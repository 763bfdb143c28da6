#!/bin/sh
# Validates agentlint's SARIF with Microsoft's SARIF multitool (from the npm registry, installed
# into the build folder once). Fails on any error-level result of the validator.
# Usage: validate_sarif.sh AGENTLINT SOURCE_DIR TOOLS_DIR
set -eu
agentlint=$1
source_dir=$2
tools=$3
"$source_dir/tests/npm-tools.sh" "$tools"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/.claude/agents"
cp -r "$source_dir/examples/." "$work/repo/"
if [ -f "$source_dir/../shared/seeds/database-expert.md" ]; then
  cp "$source_dir/../shared/seeds/"*.md "$work/repo/.claude/agents/"
fi
cd "$work/repo"
"$agentlint" --format sarif . > "$work/agentlint.sarif" || [ $? -eq 1 ]
"$tools/node_modules/.bin/sarif-multitool" validate "$work/agentlint.sarif" -o "$work/validation.sarif" > "$work/log" 2>&1 || true
node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const results = log.runs.flatMap(r => r.results || []);
  const errors = results.filter(r => (r.level || "warning") === "error");
  for (const r of results) console.log(`${r.level || "warning"} ${r.ruleId}: ${(r.message && (r.message.text || JSON.stringify(r.message.arguments))) || ""}`);
  const sarif = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
  console.log(`validated ${sarif.runs[0].results.length} results, ${sarif.runs[0].tool.driver.rules.length} rules: ${errors.length} errors, ${results.length - errors.length} warnings`);
  process.exit(errors.length === 0 && sarif.runs[0].results.length > 0 ? 0 : 1);
' "$work/validation.sarif" "$work/agentlint.sarif"
