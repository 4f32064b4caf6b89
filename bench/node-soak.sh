#!/usr/bin/env bash
# Benchmark (not a test): does `syscost serve --node` keep flat memory and a bounded series count while a
# fork-heavy workload (shell loops starting short-lived processes) runs for a long time? Prints, every
# --every seconds: elapsed time, the server's RSS (VmRSS), its process series and distinct pids in one
# scrape, the host's process starts so far, and the load average.
#
#   bench/node-soak.sh [--minutes N] [--every S] [--loops L] [--top-k K] [--port P]
#
# Needs root or CAP_BPF+CAP_PERFMON. The issue asks for an hour (--minutes 60, the default).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
minutes=60 every=30 loops=2 topk=20 port=19599
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --loops) loops=$2; shift 2 ;;
    --top-k) topk=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--every S] [--loops L] [--top-k K] [--port P]" >&2; exit 2 ;;
  esac
done
syscost=$here/syscost
"$syscost" --version >/dev/null # build once
out=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT INT TERM
"$syscost" serve --node --top-k "$topk" --port "$port" --interval 24h >"$out/serve.log" 2>&1 & serve=$!; pids+=($serve)
until grep -q '/metrics' "$out/serve.log" 2>/dev/null; do
  kill -0 $serve 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }; sleep 0.2
done
# the JVM's pid: ./syscost execs java, so $serve is it
for ((l = 0; l < loops; l++)); do
  bash -c 'while :; do /bin/true; sh -c ":"; done' >/dev/null 2>&1 & pids+=($!)
done
forks() { awk '/^processes/ {print $2}' /proc/stat; }
start_forks=$(forks)
echo "serve --node soak: $minutes min, $loops fork loops, top-k $topk, kernel $(uname -r), $(nproc) CPUs"
printf '%8s %10s %16s %10s %12s  %s\n' elapsed_s rss_mib process_series pids forks load
t0=$(date +%s)
while :; do
  now=$(date +%s); el=$((now - t0))
  body=$(curl -s "http://127.0.0.1:$port/metrics")
  series=$(grep -c '^syscost_process_syscalls_total' <<<"$body" || true)
  npids=$(grep '^syscost_process_syscalls_total' <<<"$body" | sed 's/.*,pid="\([^"]*\)".*/\1/' | sort -u | wc -l)
  rss=$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' /proc/$serve/status)
  printf '%8d %10s %16s %10s %12s  %s\n' "$el" "$rss" "$series" "$npids" "$(( $(forks) - start_forks ))" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$el" -ge $((minutes * 60)) ] && break
  sleep "$every"
done
echo "worst case by construction: $(grep -o 'at most [0-9]* process series' "$out/serve.log")"
