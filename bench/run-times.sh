#!/usr/bin/env bash
# Not a test: the wall times the docs quote for the long commands, each with the load average around it
# (docs/amortize.md, docs/indirect.md "Run times"). The first profile runs with an empty calibration cache.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$here/bin/jdk.sh"
syscost_find_jdk
cd "$here"
[ -f target/syscost-all.jar ] || { syscost_need_maven; mvn -B -q -DskipTests package; }
run() {
  echo "== $*  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "   wall %e s" "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC "$@" >/dev/null 2>"$err" || true
  tail -1 "$err"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
err=$(mktemp); cache=$(mktemp -d); trap 'rm -rf "$err" "$cache"' EXIT
run -jar target/syscost-all.jar amortize
run -jar target/syscost-all.jar amortize --quick
run -jar target/syscost-all.jar indirect
echo "(first profile: calibration with an empty cache)"
run -Dsyscost.cache.dir="$cache" -jar target/syscost-all.jar profile -- true
echo "(start-up: profile -- /bin/true through the launcher, warm archive and cache)"
"$here/bench/startup.sh" 10
