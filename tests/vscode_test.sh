#!/bin/sh
# Builds the VS Code extension (editors/vscode) into a .vsix with @vscode/vsce from the npm
# registry, checks what the package holds, and activates the extension against stand-ins for
# VS Code: it must start `agentlint lsp`, which must answer `initialize`.
# Usage: vscode_test.sh SOURCE_DIR AGENTLINT TOOLS_DIR
set -eu
source_dir=$1
agentlint=$2
tools=$3
mkdir -p "$tools"
if [ ! -x "$tools/node_modules/.bin/vsce" ]; then
  (cd "$tools" && { [ -f package.json ] || echo '{"private": true}' > package.json; } &&
    npm install --no-audit --no-fund --silent @vscode/vsce@3.2.2)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/editors/vscode" "$work/extension"
cd "$work/extension"
npm install --omit=dev --no-audit --no-fund --silent
"$tools/node_modules/.bin/vsce" package --skip-license --out "$work/agentlint.vsix"
python3 - "$work/agentlint.vsix" "$("$agentlint" --version)" <<'PY'
import json, sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
version = sys.argv[2].split()[1]  # the extension's version is agentlint's
manifest = zipfile.ZipFile(sys.argv[1]).read("extension/package.json")
want = ["extension/package.json", "extension/extension.js", "extension/readme.md",
        "extension/node_modules/vscode-languageclient/package.json", "extension.vsixmanifest"]
missing = [n for n in want if n not in names]
stray = [n for n in names if n.startswith("extension/test/")]
print("%d files in the .vsix, version %s" % (len(names), json.loads(manifest)["version"]))
if missing or stray or json.loads(manifest)["version"] != version:
    print("missing: %s, should not ship: %s" % (missing, stray))
    sys.exit(1)
PY
AGENTLINT_PATH="$agentlint" node "$source_dir/editors/vscode/test/activate.js" "$work/extension"
