# Sourced by scripts: picks a JDK 21 or newer and sets JAVA_HOME and JAVA.
jdk_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*)
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ "$(jdk_major "$home")" -ge 21 ] 2>/dev/null; then
      echo "$home"; return 0
    fi
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || { echo "Mercury needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2; exit 2; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
