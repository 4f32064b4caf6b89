#!/usr/bin/env bash
# Benchmark (not a test): are the quick modes shorter, not different? Runs `amortize --quick` beside the
# default amortize, and `ipc --quick` beside the default ipc, alternating over rounds on the same machine,
# and prints each figure side by side with quick/default (goal: within 15 %, issue 10 item 3).
#
#   bench/quick-vs-default.sh [--rounds N] [--targets LIST] [--sizes LIST] [--transports LIST]
#
# amortize: ns per write at each chunk size of the sweep (--targets, default pipe; --sizes, default
# 64,1k,16k); ipc: round-trip p50 and one-way messages/s per transport (default pipe,unix_stream) at 64 B
# and 4 KiB. Each figure is the median over the rounds. The load average is printed beside the tables:
# on a busy machine both modes drift, and the ratio is only as good as the machine is quiet.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=3 targets=pipe sizes=64,1k,16k transports=pipe,unix_stream
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --transports) transports=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--targets LIST] [--sizes LIST] [--transports LIST]" >&2; exit 2 ;;
  esac
done
syscost=$here/syscost
"$syscost" --version >/dev/null # build once, outside every run
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "quick vs default: $rounds rounds, kernel $(uname -r), $(nproc) CPUs, load at start $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  for mode in quick default; do
    flag=(); [ $mode = quick ] && flag=(--quick)
    "$syscost" amortize "${flag[@]}" --parts sweep --targets "$targets" --sizes "$sizes" --json "$out/a-$mode-$r.json" >/dev/null 2>&1
    "$syscost" ipc "${flag[@]}" --transports "$transports" --json "$out/i-$mode-$r.json" >/dev/null 2>&1
  done
done
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(kind, mode):
    return [json.load(open(f"{out}/{kind}-{mode}-{r}.json")) for r in range(1, rounds + 1)]
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
def row(label, q, d, unit):
    ratio = q / d if q and d else None
    flag = "" if ratio is None else ("  ok" if abs(ratio - 1) <= 0.15 else "  OVER 15 %")
    print(f"  {label:<34} {q:>12,.1f} {d:>12,.1f}  {unit:<8} {ratio:>6.2f}x{flag}" if ratio else f"  {label:<34} unavailable")
aq, ad = load("a", "quick"), load("a", "default")
print("\namortize sweep (median of rounds)         quick      default  unit      quick/default")
for t in ad[0]["targets"]:
    for p in t["points"]:
        size = p["chunkBytes"]
        def fig(runs):
            return med([pt["nsPerCall"] for run in runs for tt in run["targets"] if tt["name"] == t["name"]
                        for pt in tt["points"] if pt["chunkBytes"] == size])
        row(f'{t["name"]} {size} B write', fig(aq), fig(ad), "ns/call")
iq, idf = load("i", "quick"), load("i", "default")
print("\nipc (median of rounds)                    quick      default  unit      quick/default")
for t in idf[0]["transports"]:
    if not t.get("available", True):
        continue
    key = (t["name"], t["messageBytes"])
    def fig(runs, field):
        return med([tt.get(field) for run in runs for tt in run["transports"] if (tt["name"], tt["messageBytes"]) == key])
    row(f"{key[0]} {key[1]} B round-trip p50", fig(iq, "p50Ns"), fig(idf, "p50Ns"), "ns")
    row(f"{key[0]} {key[1]} B one-way", fig(iq, "throughputMsgsPerSec"), fig(idf, "throughputMsgsPerSec"), "msg/s")
PY
echo; echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
