#!/bin/sh
# A bounded libFuzzer run (about a minute), seeded from fixtures/, examples/ and the inputs of
# past crashes (tests/fuzz/regressions/). New inputs go
# to a temporary folder; a crash fails the test and is kept in build/fuzz/crashes/ to be turned
# into a fixture. Usage: run_bounded.sh FUZZ_BINARY SOURCE_DIR CRASH_DIR [SECONDS]
set -eu
fuzzer=$1
source_dir=$2
crashes=$3
seconds=${4:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$crashes"
"$fuzzer" "$work" "$source_dir/fixtures" "$source_dir/examples" "$source_dir/tests/fuzz/regressions" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$crashes/" 2>&1 |
  grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY|ERROR)" || true
if ls "$crashes"/crash-* "$crashes"/leak-* "$crashes"/timeout-* "$crashes"/oom-* >/dev/null 2>&1; then
  echo "the fuzzer found problems: $(ls "$crashes")"
  exit 1
fi
echo "fuzzing: no crash in ${seconds}s"
