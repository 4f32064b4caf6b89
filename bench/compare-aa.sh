#!/usr/bin/env bash
# Benchmark, not a test: how often `syscost compare` calls two default `measure` runs of the same build on
# the same machine different (A/A; goal: at most 1 figure in 20, decomposition terms included), and
# whether it catches a real slowdown (power: B runs under `perf stat -e raw_syscalls:sys_enter`, a counter
# attached to the measuring JVMs that slows every syscall they make; goal: every syscall probe flagged
# slower in at least 9 of 10 pairs). 4 × PAIRS default runs: about 25 minutes for 10 pairs on 2 cores.
#
#   bench/compare-aa.sh [--pairs N] [--dir DIR]      record and evaluate
#   bench/compare-aa.sh --evaluate DIR               evaluate recorded runs again (e.g. after changing compare)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
pairs=10
dir=
evaluate_only=
while [ $# -gt 0 ]; do
  case $1 in
    --pairs) pairs=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --evaluate) dir=$2; evaluate_only=1; shift 2 ;;
    *) echo "compare-aa.sh: unknown argument $1; usage: bench/compare-aa.sh [--pairs N] [--dir DIR] | --evaluate DIR" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "compare-aa.sh: needs jq (apt-get install jq)" >&2; exit 2; }
syscost=$here/syscost
load() { cut -d' ' -f1-3 /proc/loadavg; }

record() {
  command -v perf >/dev/null || { echo "compare-aa.sh: the power half needs perf (apt-get install linux-perf)" >&2; exit 2; }
  "$syscost" --version >/dev/null # builds on first use, outside the timed runs
  mkdir -p "$dir"
  echo "recording $pairs A/A pairs and $pairs power pairs into $dir (load average at start: $(load))"
  for i in $(seq 1 "$pairs"); do
    for side in a b; do
      "$syscost" measure --json "$dir/aa-$i-$side.json" --force >/dev/null 2>"$dir/aa-$i-$side.err"
    done
    echo "  A/A pair $i done (load average $(load))"
  done
  for i in $(seq 1 "$pairs"); do
    "$syscost" measure --json "$dir/power-$i-a.json" --force >/dev/null 2>"$dir/power-$i-a.err"
    perf stat -e raw_syscalls:sys_enter -o "$dir/power-$i-b.perf" -- \
      "$syscost" measure --json "$dir/power-$i-b.json" --force >/dev/null 2>"$dir/power-$i-b.err"
    echo "  power pair $i done (load average $(load))"
  done
}

# Prints "called figures" for one compare JSON: verdicts other than within-spread, unavailable, only-in-*.
evaluate() {
  local called=0 figures=0 tcalled=0 tfigures=0 n=0
  for a in "$dir"/aa-*-a.json; do
    local b=${a%-a.json}-b.json c=${a%-a.json}-compare.json
    [ -f "$b" ] || continue
    "$syscost" compare "$a" "$b" --json "$c" --force >/dev/null
    n=$((n + 1))
    read -r pc pf tc tf < <(jq -r '[.points[] | select(.verdict | IN("faster","slower","higher","lower","within-spread"))]
      | [ (map(select((.id | startswith("term: ") | not) and .verdict != "within-spread")) | length),
          (map(select(.id | startswith("term: ") | not)) | length),
          (map(select((.id | startswith("term: ")) and .verdict != "within-spread")) | length),
          (map(select(.id | startswith("term: "))) | length) ] | @tsv' "$c")
    echo "  A/A pair $(basename "${a%-a.json}"): probes $pc of $pf called different, terms $tc of $tf$(jq -r '[.points[] | select(.verdict | IN("faster","slower","higher","lower")) | " " + .id + " " + (.ratioBToA * 100 | round / 100 | tostring) + "x"] | join(",")' "$c")"
    called=$((called + pc)); figures=$((figures + pf)); tcalled=$((tcalled + tc)); tfigures=$((tfigures + tf))
  done
  [ "$n" -gt 0 ] || { echo "compare-aa.sh: no recorded pairs in $dir" >&2; exit 2; }
  awk -v c=$called -v f=$figures -v tc=$tcalled -v tf=$tfigures -v n=$n 'BEGIN {
    printf "A/A over %d pairs: probes %d of %d called different (%.1f%%), terms %d of %d (%.1f%%), all %d of %d (%.1f%%; goal <= 5%%)\n",
      n, c, f, f ? 100 * c / f : 0, tc, tf, tf ? 100 * tc / tf : 0, c + tc, f + tf, (f + tf) ? 100 * (c + tc) / (f + tf) : 0 }'
  declare -A flagged=()
  local m=0
  for a in "$dir"/power-*-a.json; do
    local b=${a%-a.json}-b.json c=${a%-a.json}-compare.json
    [ -f "$b" ] || continue
    "$syscost" compare "$a" "$b" --json "$c" --force >/dev/null
    m=$((m + 1))
    for id in $(jq -r '.probes[] | select(.kernelEntriesPerCall >= 1) | .id' "$a"); do
      flagged[$id]=$(( ${flagged[$id]:-0} + $(jq --arg id "$id" '[.points[] | select(.id == $id and .verdict == "slower")] | length' "$c") ))
    done
  done
  if [ "$m" -gt 0 ]; then
    echo "Power over $m pairs (B under perf stat -e raw_syscalls:sys_enter; goal: each syscall probe flagged slower in >= 90% of pairs):"
    for id in $(jq -r '.probes[] | select(.kernelEntriesPerCall >= 1) | .id' "$(ls "$dir"/power-*-a.json | head -1)"); do
      echo "  $id: flagged slower in ${flagged[$id]:-0} of $m"
    done
  fi
  echo "load average at evaluation: $(load)"
}

if [ -z "$dir" ]; then dir=$(mktemp -d /tmp/syscost-aa.XXXXXX); fi
[ -n "$evaluate_only" ] || record
evaluate
