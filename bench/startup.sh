#!/usr/bin/env bash
# Benchmark (not a test): the start-up of `syscost profile -- /bin/true` through the launcher, as a user
# runs it (goal: ≤ 0.5 s wall on an idle 2-vCPU VM, issue 10 item 7). One untimed run first makes the
# class-data archive and fills the calibration cache; then N timed runs (default 10). Prints the median
# and the fastest wall time, the median and least user+sys CPU (less sensitive to other load than wall),
# and the load average before and after: on a busy machine only the minimum and the CPU mean much.
#
#   bench/startup.sh [N] [CMD...]        e.g. bench/startup.sh 20   or   bench/startup.sh 10 /bin/ls /
#
# SYSCOST_TRACE_STARTUP=1 ./syscost profile -- /bin/true prints where one run's time goes.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
n=${1:-10}
shift || true
[ $# -gt 0 ] || set -- /bin/true
"$here/syscost" profile -- "$@" >/dev/null 2>&1 || true
times=$(mktemp); trap 'rm -f "$times"' EXIT
before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$n"); do
  /usr/bin/time -f '%e %U %S' -a -o "$times" "$here/syscost" profile -- "$@" >/dev/null 2>&1 || true
done
after=$(cut -d' ' -f1-3 /proc/loadavg)
sort -n -k1,1 "$times" | awk -v n="$n" -v cmd="$*" -v before="$before" -v after="$after" '
  { wall[NR] = $1; cpu[NR] = $2 + $3 }
  END {
    m = NR; if (m == 0) { print "no runs"; exit 1 }
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
    mid = int((m + 1) / 2)
    printf "syscost profile -- %s: wall median %.2f s, min %.2f s; user+sys median %.2f s, min %.2f s (%d runs)\n",
      cmd, (m % 2 ? wall[mid] : (wall[mid] + wall[mid + 1]) / 2), wall[1],
      (m % 2 ? cpu[mid] : (cpu[mid] + cpu[mid + 1]) / 2), cpu[1], m
    printf "load average before %s, after %s\n", before, after
  }'
