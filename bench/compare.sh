#!/usr/bin/env bash
# Benchmark, not a test: syscost's prices held against independent references on the same machine.
#  1. The C ladder: each probe's call in a plain C loop (bench/ladder.c, compiled with the C compiler into a
#     temp dir when one is present), run before and after a default `syscost measure`, unpinned and pinned
#     (--pin CPU, default 0): syscost's FFM-corrected median (median − ffm_downcall) over C's, per probe.
#  2. syscost's harness beside JMH and `perf bench syscall basic` on the ladder's first rungs.
# About 3 minutes on 2 idle cores. Options: --no-jmh (part 1 only), --pin CPU; other arguments go to part 2.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$here/bin/jdk.sh"
syscost_find_jdk
syscost_need_maven
cd "$here"
jmh=1
pin=0
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --no-jmh) jmh=; shift ;;
    --pin) pin=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

# --- 1. the C ladder ---------------------------------------------------------------------------------
c_ladder() {
  local cc=${CC:-cc}
  if ! command -v "$cc" >/dev/null; then
    echo "C ladder: skipped (no C compiler: apt-get install gcc, or set CC)"
    return
  fi
  command -v jq >/dev/null || { echo "C ladder: skipped (needs jq: apt-get install jq)"; return; }
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  "$cc" -O2 -pthread -o "$tmp/ladder" bench/ladder.c
  "$here/syscost" --version >/dev/null # builds on first use, outside the timed runs
  for mode in unpinned pinned; do
    local pinopt=()
    [ "$mode" = pinned ] && pinopt=(--pin "$pin")
    echo "C ladder, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg)): C, syscost measure, C again..."
    "$tmp/ladder" "${pinopt[@]}" >"$tmp/c1.txt"
    "$here/syscost" measure --format json "${pinopt[@]}" >"$tmp/s.json" 2>/dev/null
    "$tmp/ladder" "${pinopt[@]}" >"$tmp/c2.txt"
    jq -r '.probes[] | select(.available) | "\(.id) \(.medianNs) \(.betweenForkSpreadNs // 0)"' "$tmp/s.json" >"$tmp/s.txt"
    awk -v mode="$mode" '
      FILENAME ~ /c[12].txt$/ && !/^#/ { c[$1] += $2 / 2; next }
      FILENAME ~ /s.txt$/ { s[$1] = $2; fork[$1] = $3; order[++n] = $1 }
      END {
        ffm = s["ffm_downcall"]; cffm = c["ffm_downcall"]
        printf "%-22s %11s %14s %10s %12s %10s %10s\n", "probe (" mode ")", "syscost ns", "syscost-ffm ns", "C ns", "syscost-ffm/C", "vs C-call", "JVMs ±"
        for (i = 1; i <= n; i++) {
          id = order[i]
          if (!(id in c)) continue
          corr = (id == "ffm_downcall") ? s[id] : s[id] - ffm
          ccorr = (id == "ffm_downcall") ? c[id] : c[id] - cffm
          printf "%-22s %11.1f %14.1f %10.1f %12.2fx %9.2fx %10.1f\n", id, s[id], corr, c[id], corr / c[id], corr / ccorr, fork[id] / 2
        }
      }' "$tmp/c1.txt" "$tmp/c2.txt" "$tmp/s.txt"
    jq -r '.warnings[] | "  ! " + .' "$tmp/s.json" | grep -E "disturbed|vdso|spread|busy|load average" || true
  done
  echo "(syscost-ffm/C: syscost's median less its ffm_downcall median, over the C loop's median (mean of the two"
  echo " C runs); goal: every syscall within 1.00 ± 0.05. vs C-call: over C's median less C's own call of labs()"
  echo " through a pointer, since syscost's correction removes labs' call and work too. ffm_downcall's row is raw."
  echo " On a machine with more runnable threads than CPUs, wall-clock figures include the wait to run:"
  echo " bench/ladder.c --cpu-time 1 times C by thread CPU time instead, as a diagnosis.)"
  echo
}
c_ladder

# --- 2. JMH and perf bench -----------------------------------------------------------------------------
[ -n "$jmh" ] || exit 0
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC \
  -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.syscost.bench.probe.JavaCallProbe::callee \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.syscost.jmh.HarnessVersusJmh "${args[@]}"
