#!/usr/bin/env bash
# The interpreter benchmark: runs the workloads in bench/workloads on Mercury and on the npm
# package aws-local-stepfunctions, one after the other, and prints states entered per second for
# each, Mercury's bytes allocated per state entered, and Mercury's speed as a multiple of the
# peer's. See bench/README.md.
#
# usage: bench/interpreter.sh [WORKLOAD.asl.json...]   (default: every workload)
# environment: BENCH_WARMUP (seconds, default 5), BENCH_MEASURE (seconds, default 10),
#              BENCH_ROUNDS (default 5), BENCH_JAVA_OPTS (default -Xms2g -Xmx2g)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
source "$root/.ci/jdk.sh"

warmup="${BENCH_WARMUP:-5}"
measure="${BENCH_MEASURE:-10}"
rounds="${BENCH_ROUNDS:-5}"
java_opts="${BENCH_JAVA_OPTS:--Xms2g -Xmx2g}"
if [ "$#" -gt 0 ]; then workloads=("$@"); else workloads=("$bench/workloads"); fi

command -v node >/dev/null && command -v npm >/dev/null \
  || { echo "interpreter.sh: the peer needs node and npm on PATH" >&2; exit 2; }

# Mercury: ./mercury builds the command line (and this benchmark with it) when sources changed.
"$root/mercury" --version >/dev/null
target="$root/adapters-local/target"

# The peer, at the version pinned in bench/peer/package.json.
peer="$bench/peer"
pinned="$(node -p "require('$peer/package.json').dependencies['aws-local-stepfunctions']")"
installed="$(node -p "try { require('$peer/node_modules/aws-local-stepfunctions/package.json').version } catch (e) { '' }")"
if [ "$installed" != "$pinned" ]; then
  echo "Installing aws-local-stepfunctions $pinned into bench/peer/node_modules..."
  npm install --prefix "$peer" --no-audit --no-fund --loglevel=error >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo
# shellcheck disable=SC2086
"$JAVA" $java_opts -cp "$target/mercury-adapters-local-0.1.0-SNAPSHOT.jar:$target/lib/*" \
  dev.mercury.local.bench.InterpreterBenchmark --warmup "$warmup" --measure "$measure" \
  --rounds "$rounds" --tsv "$work/mercury.tsv" --outputs "$work/outputs" "${workloads[@]}"
echo
peer_status=0
node "$peer/run.mjs" --warmup "$warmup" --measure "$measure" --rounds "$rounds" \
  --tsv "$work/peer.tsv" --expect "$work/outputs" "${workloads[@]}" || peer_status=$?
[ -f "$work/peer.tsv" ] || { echo "interpreter.sh: the peer run failed" >&2; exit 1; }

echo
echo "States entered per second (median of $rounds rounds; $warmup s warm-up, $measure s measured per workload)"
echo "Load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg) (other work on the machine slows both sides)"
awk -F '\t' '
  function commas(x,   s, r) {
    s = sprintf("%.0f", x); r = ""
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
    return s r
  }
  function ratio(a, b) { return b > 0 ? sprintf("%.1fx", a / b) : "-" }
  FNR == 1 { next }
  NR == FNR { states[$1] = $2; rate[$1] = $5; bytes[$1] = $8; cpu[$1] = $10; order[++n] = $1; next }
  { peerStates[$1] = $2; peerRate[$1] = $5; peerCpu[$1] = $10 }
  END {
    printf "%-16s %11s %13s %12s %11s %7s %14s %12s %7s\n", "workload", "states/exec", \
      "Mercury st/s", "Mercury B/st", "peer st/s", "ratio", "Mercury st/CPU", "peer st/CPU", "ratio"
    for (i = 1; i <= n; i++) {
      w = order[i]
      note = (w in peerStates && peerStates[w] != states[w]) ? "  (peer entered " peerStates[w] " states)" : ""
      printf "%-16s %11s %13s %12s %11s %7s %14s %12s %7s%s\n", w, commas(states[w]), commas(rate[w]), \
        commas(bytes[w]), commas(peerRate[w]), ratio(rate[w], peerRate[w]), commas(cpu[w]), \
        commas(peerCpu[w]), ratio(cpu[w], peerCpu[w]), note
    }
    print "st/s: states entered per wall-clock second; st/CPU: per second of the process CPU time (all"
    print "threads); B/st: bytes allocated per state entered by the thread running Mercury."
  }' "$work/mercury.tsv" "$work/peer.tsv"
exit "$peer_status"
