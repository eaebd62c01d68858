#!/usr/bin/env bash
# Start to first answered request, beside the JVM's own floor measured in the same run.
#
#   harbor-benchmarks/run-startup-benchmark.sh
#   HARBOR_PACKAGE=harbor-server/target/harbor-0.1.0 harbor-benchmarks/run-startup-benchmark.sh
#
# Prints, for BENCH_STARTUP_RUNS restarts each (after a first start on a fresh data directory,
# reported apart), the median, min-max and CPU time to the first 200 from GET /health of:
#   - the floor: a hello-world main from the same jar (StartupFloor, a class of harbor-benchmarks
#     run as `java -cp <jar>:<benchmark classes>`: the jar is opened and searched first, as for the
#     gateway), listening and answering 200 with java.net alone;
#   - plain `java -jar <jar>`                          target <= 1.5 s
#   - `java -XX:SharedArchiveFile=<archive> -jar <jar>`, the class-data-sharing archive made by a
#     training run of the same jar (-XX:ArchiveClassesAtExit, stopped by SIGTERM)   target <= 1.0 s
#   - with HARBOR_PACKAGE (an unpacked harbor-<version> directory): its bin/harbor   target <= 1.0 s
# each with its ratio to the floor (the median over the rounds of time / floor time, the variants
# taking turns so that the machine's other load touches them alike). Default configuration:
# embedded SQLite, the demo layout (two simulated boards), 127.0.0.1 and a free port.
#
# Knobs (environment):
#   HARBOR_JAR      the runnable jar; default harbor-server/target/harbor.jar if present, else
#                   harbor-app/target/harbor-app.jar (built with Maven when missing)
#   HARBOR_PACKAGE  an unpacked harbor-<version> directory containing bin/harbor (optional)
#   BENCH_STARTUP_RUNS=7           restarts per variant
#   BENCH_STARTUP_JAVA_OPTS=""     extra JVM options for every java variant, floor included
# Needs Java 17 (java and javac); nothing else. Logs, data directories and the archive are kept in
# a temporary directory named at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [[ -n ${HARBOR_JAR:-} ]]; then
  JAR=$HARBOR_JAR
elif [[ -f $ROOT/harbor-server/target/harbor.jar ]]; then
  JAR=$ROOT/harbor-server/target/harbor.jar
else
  JAR=$ROOT/harbor-app/target/harbor-app.jar
  if [[ ! -f $JAR ]]; then
    echo "== building $JAR"
    ./mvnw -B -q -pl harbor-app -am package -DskipTests
  fi
fi
[[ -f $JAR ]] || { echo "no runnable jar at $JAR (set HARBOR_JAR)" >&2; exit 1; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
PACKAGE=${HARBOR_PACKAGE:-}
if [[ -n $PACKAGE ]]; then
  [[ -x $PACKAGE/bin/harbor ]] || { echo "HARBOR_PACKAGE=$PACKAGE has no executable bin/harbor" >&2; exit 1; }
  PACKAGE=$(cd "$PACKAGE" && pwd)
fi

# Only this script's settings reach the gateway: no HARBOR_* from the caller's shell.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^HARBOR_' || true)

WORK=$(mktemp -d /tmp/harbor-startup-bench.XXXXXX)
trap 'rm -rf "$WORK"/data-*; echo "logs and the CDS archive kept in $WORK"' EXIT

# The driver and the floor need only the JDK: compiled here, no Maven build of the benchmarks.
CLASSES=$WORK/classes
SOURCES=$ROOT/harbor-benchmarks/src/main/java/dev/harbor/benchmarks/startup
javac --release 17 -d "$CLASSES" "$SOURCES"/*.java

java -cp "$CLASSES" \
  -Dbench.jar="$JAR" \
  -Dbench.work="$WORK" \
  -Dbench.runs="${BENCH_STARTUP_RUNS:-7}" \
  -Dbench.package="$PACKAGE" \
  -Dbench.jvmArgs="${BENCH_STARTUP_JAVA_OPTS:-}" \
  dev.harbor.benchmarks.startup.StartupComparison
