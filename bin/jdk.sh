# Sourced by ./syscost and ./test: finds a JDK >= 25 and Maven without anything set by hand.
# Sets JAVA_HOME and JAVA, or prints one line naming what to install and exits 1.
# SYSCOST_JDK_DIRS replaces the list of directories searched after JAVA_HOME and PATH (for tests).

syscost_jdk_major() { # $1 = a JDK home; prints its feature version, from its release file
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null) || true
  echo "${v:-0}"
}

syscost_find_jdk() {
  local cand home
  for cand in "${JAVA_HOME:-}" \
              "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
              ${SYSCOST_JDK_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* $HOME/.sdkman/candidates/java/*}; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    if [ "$(syscost_jdk_major "$cand")" -ge 25 ]; then home=$cand; break; fi
  done
  if [ -z "${home:-}" ]; then
    echo "syscost: no JDK 25 or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm); install one, e.g. \`apt-get install temurin-25-jdk\` or from adoptium.net" >&2
    exit 1
  fi
  export JAVA_HOME=$home
  JAVA=$home/bin/java
}

syscost_need_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "syscost: Maven is needed to build syscost; install it with \`apt-get install maven\`" >&2
    exit 1
  fi
  # Maven 3.8 on JDK 25 warns about sun.misc.Unsafe on every run; that is Maven's, not ours.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
}
