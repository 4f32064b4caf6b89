#!/usr/bin/env bash
# Benchmark (not a test): how much slower a workload runs while `syscost profile` counts its syscalls,
# beside the peers installed here, all measured in the same rounds. Prints tool/plain ratios of the
# median and of the minimum time over the rounds (rounds interleave the tools, so machine drift hits all
# of them alike; on a loaded machine the minimum is the least disturbed estimate).
#
#   bench/profile-overhead.sh [--rounds N] [--dd-count N] [--writes N] [--strace-scale K] [--workloads dd,find,w1]
#                             [--metric wall|cpu] [--stacks]
#
# --stacks adds the call-site tools: `syscost profile --stacks` (every call's user stack counted in the
# kernel), `perf record -g -e raw_syscalls:sys_enter` and bpftrace `@[ustack] = count()` where installed,
# and the workload jw1: a JVM writing N single bytes unbuffered (FileOutputStream.write(int)), timed by
# its own System.nanoTime around the loop (JVM start-up is not timed).
#
# --metric cpu times the workload's CPU (user + system of the reaped tree, from perl's times()) instead of
# its wall clock: on a machine shared with other work, waiting for a CPU inflates wall time by far more
# than any tracer does, and CPU time does not include that wait. (bpftrace's pid filter then sees the
# timer process, not dd: its program still runs on every syscall, but skips the map update.)
#
# Beside the peers: "floor" runs the workload under `syscost __hook-floor` (an empty program on the hook
# profile uses: what any program there costs), "untracked" runs it plain while `syscost profile` counts
# another process (sleep): what every other process on the machine pays while syscost profiles. The
# hook in use (fentry on x64_sys_call where the kernel allows BPF trampolines, else the raw tracepoint
# sys_enter) is printed in the header; SYSCOST_HOOK=raw_tp forces the tracepoint. After the tables,
# syscost's own CPU during each profiled run (its report's "profiler CPU" line) against the target's.
#
# Workloads and their timers (the tool's own start-up is never timed):
#   dd    dd if=/dev/zero of=/dev/null bs=1 count=N   dd's own "copied, X s"
#   find  find /usr -name '*.h'                        a perl timer around it, inside the traced tree
#   w1    perl writing N single bytes unbuffered       the same perl timer
# strace is ~100x slower: on dd and w1 it runs on N/K calls (--strace-scale, default 20) against a plain
# run of the same size, and says so.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=5 dd_count=2000000 writes=1000000 strace_scale=20 workloads="dd find w1" metric=wall stacks=0
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --dd-count) dd_count=$2; shift 2 ;;
    --writes) writes=$2; shift 2 ;;
    --strace-scale) strace_scale=$2; shift 2 ;;
    --workloads) workloads=${2//,/ }; shift 2 ;;
    --metric) metric=$2; shift 2 ;;
    --stacks) stacks=1; shift ;;
    *) echo "usage: $0 [--rounds N] [--dd-count N] [--writes N] [--strace-scale K] [--workloads dd,find,w1] [--metric wall|cpu]" >&2; exit 2 ;;
  esac
done
syscost=$here/syscost
"$syscost" --version >/dev/null # build once, outside every timer
"$syscost" profile -- /bin/true 2>/dev/null # calibrate once (cached), outside every timer
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

secs() { # wall: dd's "copied, X s" or our "elapsed_s X"; cpu: our "cpu_s X"
  if [ "$metric" = cpu ]; then perl -ne 'if (/^cpu_s ([0-9.]+)/) { $s = $1 } END { print $s // "nan" }' "$1"
  else perl -ne 'if (/copied, ([0-9.]+) s/) { $s = $1 } elsif (/^elapsed_s ([0-9.]+)/) { $s = $1 } END { print $s // "nan" }' "$1"; fi
}
# a timer inside the traced tree: wall time, and the CPU time of the command once reaped
timer=(perl -MTime::HiRes=time -e '$t = time; system(@ARGV); @c = times; printf STDERR "elapsed_s %.6f\ncpu_s %.2f\n", time - $t, $c[2] + $c[3]' --)

# top column (issue 12): `syscost top --once --interval 5` counting every process on the host, started and
# counting (its baseline read) before the workload starts; the workload is timed as in plain. A workload
# longer than 5 s runs partly uncounted: keep --dd-count so that plain dd takes under 5 s.
run_top() {
  local e=$1; shift
  "$syscost" top --once --interval 5 >/dev/null 2>"$out/top.err" & local tp=$!
  until grep -q 'counting every process' "$out/top.err" 2>/dev/null; do kill -0 $tp 2>/dev/null || break; sleep 0.05; done
  "$@" >/dev/null 2>"$e"
  wait $tp || true
}

# run TOOL WORKLOAD SIZE: runs one measurement, prints seconds
run() {
  local tool=$1 w=$2 n=$3 e=$out/err
  local -a cmd
  case $w in
    dd) if [ "$metric" = cpu ]; then cmd=("${timer[@]}" dd if=/dev/zero of=/dev/null bs=1 count="$n")
        else cmd=(dd if=/dev/zero of=/dev/null bs=1 count="$n"); fi ;;
    find) cmd=("${timer[@]}" sh -c "find /usr -name '*.h' >/dev/null") ;;
    w1) cmd=("${timer[@]}" perl -e '$| = 1; print "x" for 1 .. $ARGV[0]' "$n") ;;
    jw1) cmd=("$JAVA_HOME/bin/java" -cp "$out/jw1" TinyWrites "$n") ;;
  esac
  case $tool in
    plain) "${cmd[@]}" >/dev/null 2>"$e" ;;
    syscost) "$syscost" profile -- "${cmd[@]}" >/dev/null 2>"$e"
      grep -m1 'profiler CPU' "$e" | sed -e "s/^ */$w: /" -e 's/;.*//' >>"$out/self" || true ;;
    top) run_top "$e" "${cmd[@]}" ;;
    perf-stat) perf stat -e raw_syscalls:sys_enter -- "${cmd[@]}" >/dev/null 2>"$e" ;;
    strace) strace -f -c -o /dev/null -- "${cmd[@]}" >/dev/null 2>"$e" ;;
    bpftrace) # -c takes one string and no shell: hand it a script that execs the exact argv
      { echo '#!/bin/bash'; printf 'exec'; printf ' %q' "${cmd[@]}"; echo; } >"$out/cmd.sh"; chmod +x "$out/cmd.sh"
      bpftrace -q -e 'tracepoint:raw_syscalls:sys_enter /pid == cpid/ { @[args->id] = count(); } END { clear(@); }' \
        -c "/bin/bash $out/cmd.sh" >/dev/null 2>"$e" ;;
    floor) # the floor of profile's hook: an empty program on the same hook, loaded by syscost itself
      "$syscost" __hook-floor -- "${cmd[@]}" >/dev/null 2>"$e" ;;
    untracked) # the cost to a process syscost is not tracking, while it profiles something else
      rm -f "$out/ready"
      "$syscost" profile -- sh -c "echo \$\$ > $out/ready; exec sleep 3600" 2>"$out/bg" & local bg=$!
      until [ -s "$out/ready" ]; do kill -0 $bg 2>/dev/null || break; sleep 0.05; done
      "${cmd[@]}" >/dev/null 2>"$e"
      kill "$(cat "$out/ready")" 2>/dev/null; wait $bg || true ;;
    # --- call-site tools (--stacks, issue 9) ---
    syscost-stacks) "$syscost" profile --stacks -- "${cmd[@]}" >/dev/null 2>"$e" ;;
    perf-record-g) perf record -q -g -e raw_syscalls:sys_enter -o "$out/perf.data" -- "${cmd[@]}" >/dev/null 2>"$e" ;;
    bpftrace-ustack)
      { echo '#!/bin/bash'; printf 'exec'; printf ' %q' "${cmd[@]}"; echo; } >"$out/cmd.sh"; chmod +x "$out/cmd.sh"
      bpftrace -q -e 'tracepoint:raw_syscalls:sys_enter /pid == cpid/ { @[ustack] = count(); } END { clear(@); }' \
        -c "/bin/bash $out/cmd.sh" >/dev/null 2>"$e" ;;
    syscount) # BCC syscount has no way to start a command: it counts system-wide while the workload runs
      syscount-bpfcc >"$out/sc" 2>&1 & local sc=$!
      until grep -q Tracing "$out/sc" 2>/dev/null; do kill -0 $sc 2>/dev/null || break; sleep 0.1; done
      "${cmd[@]}" >/dev/null 2>"$e"; kill -INT $sc; wait $sc || true ;;
  esac
  secs "$e"
}

tools=(plain syscost floor untracked perf-stat)
tools+=(top) # issue 12: system-wide counting beside the workload
command -v bpftrace >/dev/null && tools+=(bpftrace)
if command -v syscount-bpfcc >/dev/null; then
  if timeout 60 syscount-bpfcc -d 1 >/dev/null 2>"$out/sc-check"; then tools+=(syscount)
  else echo "syscount-bpfcc (BCC) is installed but cannot run here: $(grep -m1 -iE 'unable|error|fail' "$out/sc-check" || echo "exit $?")"; fi
fi
command -v strace >/dev/null && tools+=(strace)
if [ "$stacks" = 1 ]; then # --- call-site tools (issue 9): a self-contained block ---
  tools+=(syscost-stacks)
  command -v perf >/dev/null && tools+=(perf-record-g)
  command -v bpftrace >/dev/null && tools+=(bpftrace-ustack)
  case " $workloads " in *" jw1 "*) ;; *) workloads+=" jw1" ;; esac
  . "$here/bin/jdk.sh"; syscost_find_jdk
  mkdir -p "$out/jw1"
  cat >"$out/jw1/TinyWrites.java" <<'JAVA'
public class TinyWrites {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        try (var out = new java.io.FileOutputStream("/dev/null")) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) out.write(i);
            System.err.printf(java.util.Locale.ROOT, "elapsed_s %.6f%n", (System.nanoTime() - t) / 1e9);
        }
    }
}
JAVA
  "$JAVA_HOME/bin/javac" -d "$out/jw1" "$out/jw1/TinyWrites.java"
fi

minimum() { tr ' ' '\n' | grep -v '^$' | sort -g | head -1; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for w in $workloads; do run plain $w 1000 >/dev/null; done # warm the page cache (find) and the binaries
echo "profile overhead ($metric time): $rounds rounds, kernel $(uname -r), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hook: $("$syscost" __hook-floor -- true 2>&1 >/dev/null | sed 's/^syscost __hook-floor: //')"
for w in $workloads; do
  case $w in dd) n=$dd_count ;; w1) n=$writes ;; jw1) n=$((2 * writes)) ;; *) n=0 ;; esac
  declare -A t=()
  for ((r = 1; r <= rounds; r++)); do
    for tool in "${tools[@]}"; do
      if [ "$tool" = strace ] && [ "$w" != find ]; then
        t[strace]+=" $(run strace $w $((n / strace_scale)))"
        t[strace-plain]+=" $(run plain $w $((n / strace_scale)))"
      else
        t[$tool]+=" $(run "$tool" $w $n)"
      fi
    done
  done
  plain=$(echo "${t[plain]}" | median); plainmin=$(echo "${t[plain]}" | minimum)
  printf '\n%s (n=%s): plain median %.3f s, min %.3f s   rounds:%s\n' "$w" "$n" "$plain" "$plainmin" "${t[plain]}"
  printf '  %-10s %8s  %8s  %8s  %8s\n' tool median "x plain" min "x plain"
  for tool in "${tools[@]}"; do
    [ "$tool" = plain ] && continue
    m=$(echo "${t[$tool]}" | median); mn=$(echo "${t[$tool]}" | minimum); base=$plain; basemin=$plainmin; note=""
    if [ "$tool" = strace ] && [ "$w" != find ]; then
      base=$(echo "${t[strace-plain]}" | median); basemin=$(echo "${t[strace-plain]}" | minimum)
      note="  (on n/$strace_scale; plain at that size: median $base s, min $basemin s)"
    fi
    printf '  %-10s %8.3f  %7.2fx  %8.3f  %7.2fx   rounds:%s%s\n' "$tool" "$m" "$(echo "$m / $base" | bc -l)" \
      "$mn" "$(echo "$mn / $basemin" | bc -l)" "${t[$tool]}" "$note"
  done
  unset t
done
if [ -s "$out/self" ]; then
  echo; echo "syscost's own CPU while the target ran (goal: at most 1 % of the target's):"; sed 's/^/  /' "$out/self"
fi
