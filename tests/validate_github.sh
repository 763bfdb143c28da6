#!/bin/sh
# Validates action.yml, the workflows and the README's workflow with @action-validator/cli
# (from the npm registry, installed into the build folder once), and checks that the README shows
# exactly the workflow validated here.
# Usage: validate_github.sh SOURCE_DIR TOOLS_DIR
set -eu
source_dir=$1
tools=$2
"$source_dir/tests/npm-tools.sh" "$tools"
validator="$tools/node_modules/.bin/action-validator"
cd "$source_dir"
for file in action.yml .github/workflows/*.yml docs/examples/agentlint-workflow.yml; do
  "$validator" "$file"
  echo "valid: $file"
done
node -e '
  const fs = require("fs");
  const readme = fs.readFileSync("README.md", "utf8");
  const workflow = fs.readFileSync("docs/examples/agentlint-workflow.yml", "utf8");
  if (!readme.includes("```yaml\n" + workflow + "```")) {
    console.error("README.md does not show docs/examples/agentlint-workflow.yml verbatim");
    process.exit(1);
  }
  console.log("README shows the validated workflow");
'
