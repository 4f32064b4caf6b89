#!/usr/bin/env bash
# Copies the /proc and /sys files `syscost env` reads into DIR, as a fixture machine for
# src/test/resources/env-fixtures/<machine>/ (EnvironmentFixturesTest). Run it as root on the
# machine to capture (the ACPI table header is root-only). Nothing else is collected.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
out=$1
[ -e "$out" ] && { echo "$0: $out exists; choose a new directory" >&2; exit 2; }
mkdir -p "$out"
copy() { # copy PATH if readable, keeping its place under $out
  local p=$1
  [ -r "$p" ] && [ -f "$p" ] || return 0
  mkdir -p "$out$(dirname "$p")"
  cat "$p" >"$out$p" 2>/dev/null || rm -f "$out$p"
}
for f in /proc/version /proc/cmdline /proc/cpuinfo /proc/loadavg \
         /proc/self/status /proc/self/auxv /proc/self/cgroup /proc/self/mounts \
         /proc/sys/kernel/osrelease /proc/sys/kernel/version /proc/sys/kernel/perf_event_paranoid \
         /sys/devices/system/cpu/online /sys/devices/system/cpu/smt/control \
         /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor /sys/devices/system/cpu/cpu0/cpufreq/scaling_driver \
         /sys/devices/system/clocksource/clocksource0/current_clocksource \
         /sys/devices/system/clocksource/clocksource0/available_clocksource \
         /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name /sys/hypervisor/type \
         /.dockerenv /run/.containerenv; do
  copy "$f"
done
for f in /sys/devices/system/cpu/vulnerabilities/*; do copy "$f"; done
if [ -r /sys/firmware/acpi/tables/DSDT ]; then
  mkdir -p "$out/sys/firmware/acpi/tables"
  head -c 36 /sys/firmware/acpi/tables/DSDT >"$out/sys/firmware/acpi/tables/DSDT"
fi
for d in /sys/bus/event_source/devices/*; do
  [ -e "$d/type" ] && { mkdir -p "$out$d"; cat "$d/type" >"$out$d/type"; }
done
for t in /sys/kernel/tracing /sys/kernel/debug/tracing; do
  if [ -r "$t/events/raw_syscalls/sys_enter/id" ]; then
    mkdir -p "$out$t/events/raw_syscalls/sys_enter"
    cat "$t/events/raw_syscalls/sys_enter/id" >"$out$t/events/raw_syscalls/sys_enter/id"
    break
  fi
done
echo "captured into $out" >&2
