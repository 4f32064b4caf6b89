# Sourced by ./syscost and ./test: finds a JDK >= 25 and Maven without anything set by hand.
# Sets JAVA_HOME and JAVA, or prints one line naming what to install and exits 1.
# SYSCOST_JDK_DIRS replaces the list of directories searched after JAVA_HOME and PATH (for tests).

syscost_jdk_major() { # $1 = a JDK home; prints its feature version, from its release file
  _syscost_read_major "$1"
  echo "$_syscost_major"
}

# Sets _syscost_major to $1's feature version (0 when unknown) with bash builtins only: the launcher runs
# this on every start, and each fork (a $(...), a sed) costs milliseconds on a small VM.
_syscost_read_major() {
  local line
  _syscost_major=0
  [ -r "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then _syscost_major=${BASH_REMATCH[1]}; return 0; fi
  done <"$1/release"
}

_syscost_is_jdk25() { # $1 = a candidate home
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _syscost_read_major "$1"
  [ "$_syscost_major" -ge 25 ]
}

syscost_find_jdk() {
  local cand home= onpath
  # JAVA_HOME first, then the java on PATH, then the usual places; the PATH one is resolved (a fork)
  # only when JAVA_HOME is not a JDK 25.
  if _syscost_is_jdk25 "${JAVA_HOME:-}"; then
    home=$JAVA_HOME
  else
    onpath=$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)") || onpath=
    for cand in "${onpath%/bin/java}" \
                ${SYSCOST_JDK_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* $HOME/.sdkman/candidates/java/*}; do
      if _syscost_is_jdk25 "$cand"; then home=$cand; break; fi
    done
  fi
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
