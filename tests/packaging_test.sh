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
# The package depends on exactly the libraries the binary loads: the shared ones it was linked
# against (yaml-cpp, RE2, cmark-gfm, libstdc++), or none of them when they are linked in.
depends=$(dpkg-deb --field "$deb" Depends)
needed=$(objdump -p "$work/prefix/bin/agentlint" | awk '$1 == "NEEDED" { print $2 }')
for pair in libyaml-cpp:libyaml-cpp libre2:libre2 libcmark-gfm:libcmark-gfm libstdc++:libstdc++6; do
  lib=${pair%%:*}
  package=${pair#*:}
  if echo "$needed" | grep -q "^$lib\."; then
    echo "$depends" | grep -q "$package" || { echo "loads $lib but Depends lacks $package: $depends"; exit 1; }
  else
    echo "$depends" | grep -q "$package" && { echo "links $lib in but Depends names $package: $depends"; exit 1; }
  fi
done
echo "$depends" | grep -q "libc6" || { echo "Depends lacks libc6: $depends"; exit 1; }
echo "installed and packaged: $(basename "$deb")"
