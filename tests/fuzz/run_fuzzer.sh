#!/bin/bash
# Runs one libFuzzer target for ctest (tests/fuzz/CMakeLists.txt), never writing into the
# source tree:
#   fuzz:   fuzzes for SECONDS from a fresh copy of the seeds in WORK/corpus; a failing input
#           lands in WORK/artifacts/ (crash-*, leak-*, timeout-*, oom-*).
#   replay: runs every seed and every kept regression input once, without fuzzing.
# SEED is a file or a folder of files: the target's own seeds/ folder, or real files of the
# repository and of the build (lessons, glossaries, PO files, built templates) used as they are.
# Usage: run_fuzzer.sh fuzz|replay BINARY REGRESSIONS WORK DICTIONARY SECONDS TIMEOUT RSS_MB SEED...
set -euo pipefail
mode=$1 binary=$2 regressions=$3 work=$4 dictionary=$5 seconds=$6 timeout=$7 rss=$8
shift 8
seeds=()
for seed in "$@"; do
  if [[ -d "$seed" ]]; then
    seeds+=("$seed"/*)
  else
    seeds+=("$seed")
  fi
done
if ((${#seeds[@]} == 0)); then
  echo "run_fuzzer.sh: no seeds given" >&2
  exit 2
fi

limits=(-timeout="$timeout" -rss_limit_mb="$rss" -malloc_limit_mb="$rss")
mkdir -p "$work/artifacts"
case "$mode" in
  fuzz)
    rm -rf "$work/corpus"
    mkdir -p "$work/corpus"
    # Numbered copies: seeds from several folders may share a name.
    index=0
    for seed in "${seeds[@]}"; do
      cp "$seed" "$work/corpus/seed-$((index++))-$(basename "$seed")"
    done
    options=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/artifacts/")
    [[ -n "$dictionary" ]] && options+=(-dict="$dictionary")
    exec "$binary" "${limits[@]}" "${options[@]}" "$work/corpus"
    ;;
  replay)
    inputs=("${seeds[@]}")
    if [[ -d "$regressions" ]]; then
      shopt -s nullglob
      inputs+=("$regressions"/*)
    fi
    # Each file is run once; a crash, leak, timeout or excess memory fails the replay.
    exec "$binary" "${limits[@]}" -artifact_prefix="$work/artifacts/replay-" "${inputs[@]}"
    ;;
  *)
    echo "run_fuzzer.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
