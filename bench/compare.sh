#!/usr/bin/env bash
# Benchmark, not a test: syscost's harness beside JMH and `perf bench syscall basic` on the same probes,
# so anyone can see the harness agrees with independent tools. Takes about 2 minutes.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$here/bin/jdk.sh"
syscost_find_jdk
syscost_need_maven
cd "$here"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC \
  -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.syscost.bench.probe.JavaCallProbe::callee \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.syscost.jmh.HarnessVersusJmh "$@"
