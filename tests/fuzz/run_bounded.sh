#!/bin/sh
# A bounded libFuzzer run of the four targets, SECONDS in all (a quarter each): fuzz_agent seeded
# from fixtures/, examples/ and the inputs of past crashes (tests/fuzz/regressions/), fuzz_config
# from tests/fuzz/config-seeds/, fuzz_yaml (the one-pass YAML reader against yaml-cpp) from
# tests/fuzz/yaml-seeds/ and rules/, fuzz_lsp (the language server fed a buffer and raw client
# bytes) from tests/fuzz/lsp-seeds/. Settings as for long runs: inputs up to 1 MiB, 2 s per input, 512 MiB.
# New inputs go to a temporary folder; a crash, leak, timeout or out-of-memory fails the test and
# is kept in CRASH_DIR to be turned into a regression input and a fixture.
# Usage: run_bounded.sh BUILD_DIR SOURCE_DIR CRASH_DIR [SECONDS]
set -eu
build=$1
source_dir=$2
crashes=$3
seconds=${4:-80}
quarter=$((seconds / 4))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$crashes" "$work/agent" "$work/config" "$work/yaml" "$work/lsp"
# A small quarantine and prompt release of freed memory keep ASan's own growth under the 512 MiB
# limit over long runs (without them a run reached 513 MiB with 37 MiB live).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16:allocator_release_to_os_interval_ms=1000"
run() {
  name=$1
  shift
  "$build/$name" "$@" -max_len=1048576 -timeout=2 -rss_limit_mb=512 -max_total_time="$quarter" \
    -print_final_stats=1 -artifact_prefix="$crashes/$name-" 2>&1 |
    grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY|ERROR)" || true
}
run fuzz_agent "$work/agent" "$source_dir/fixtures" "$source_dir/examples" \
  "$source_dir/tests/fuzz/regressions" -dict="$source_dir/tests/fuzz/agent.dict"
run fuzz_config "$work/config" "$source_dir/tests/fuzz/config-seeds" \
  -dict="$source_dir/tests/fuzz/config.dict"
run fuzz_yaml "$work/yaml" "$source_dir/tests/fuzz/yaml-seeds" "$source_dir/rules" \
  -dict="$source_dir/tests/fuzz/agent.dict"
run fuzz_lsp "$work/lsp" "$source_dir/tests/fuzz/lsp-seeds" -dict="$source_dir/tests/fuzz/agent.dict"
# Any artifact at all is a finding (`ls` of several globs fails when one of them matches nothing,
# which once hid a timeout here).
if [ -n "$(find "$crashes" -type f \( -name '*crash-*' -o -name '*leak-*' -o -name '*timeout-*' \
  -o -name '*oom-*' -o -name '*slow-unit-*' \) -print -quit)" ]; then
  echo "the fuzzers found problems: $(ls "$crashes")"
  exit 1
fi
echo "fuzzing: no crash, leak, timeout or out-of-memory in ${seconds}s"
