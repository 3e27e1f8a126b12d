#!/bin/bash
# Runs one libFuzzer target for ctest (tests/fuzz/CMakeLists.txt), never writing into the
# source tree:
#   fuzz:   fuzzes for SECONDS from a fresh copy of the seeds in WORK/corpus; a failing input
#           lands in WORK/artifacts/ (crash-*, leak-*, timeout-*, oom-*).
#   replay: runs every seed and every kept regression input once, without fuzzing.
# Usage: run_fuzzer.sh fuzz|replay BINARY TARGET_SOURCE_DIR WORK DICTIONARY SECONDS TIMEOUT RSS_MB
set -euo pipefail
mode=$1 binary=$2 source=$3 work=$4 dictionary=$5 seconds=$6 timeout=$7 rss=$8

limits=(-timeout="$timeout" -rss_limit_mb="$rss" -malloc_limit_mb="$rss")
mkdir -p "$work/artifacts"
case "$mode" in
  fuzz)
    rm -rf "$work/corpus"
    mkdir -p "$work/corpus"
    cp "$source"/seeds/* "$work/corpus/"
    options=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/artifacts/")
    [[ -n "$dictionary" ]] && options+=(-dict="$dictionary")
    exec "$binary" "${limits[@]}" "${options[@]}" "$work/corpus"
    ;;
  replay)
    inputs=("$source"/seeds/*)
    if [[ -d "$source/regressions" ]]; then
      shopt -s nullglob
      inputs+=("$source"/regressions/*)
    fi
    # Each file is run once; a crash, leak, timeout or excess memory fails the replay.
    exec "$binary" "${limits[@]}" -artifact_prefix="$work/artifacts/replay-" "${inputs[@]}"
    ;;
  *)
    echo "run_fuzzer.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
