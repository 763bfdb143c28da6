#!/bin/sh
# `cmake --install` puts a working binary in place, and CPack makes a .deb holding it.
# Usage: packaging_test.sh BUILD_DIR
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > /dev/null
"$work/prefix/bin/agentlint" --version | grep -q "^agentlint [0-9.]* (knowledge 20[0-9-]*, checked against Claude Code [0-9.]*)$"
"$work/prefix/bin/agentlint" explain AL103 | grep -q "unknown-tool"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" > /dev/null)
deb=$(ls "$work"/agentlint_*.deb)
dpkg-deb --contents "$deb" | grep -q "usr/bin/agentlint"
dpkg-deb --field "$deb" Depends | grep -q libyaml-cpp
echo "installed and packaged: $(basename "$deb")"
