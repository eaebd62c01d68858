#!/usr/bin/env bash
# HTTP API benchmark of the running gateway, over 127.0.0.1 only, on SQLite and on PostgreSQL.
#
#   harbor-benchmarks/run-http-benchmarks.sh
#
# For each storage it measures start to first answered GET /health (StartupBenchmark: several
# launches of the jar, the first one on a fresh data directory or schema), then starts the gateway
# on a free port with the demo layout (32 simulated lockers) and runs, after a warm-up:
#   - wrk --latency, BENCH_THREADS threads and BENCH_CONNECTIONS connections for BENCH_SECONDS,
#     on GET /lockers/1 and on GET /lockers, BENCH_ROUNDS times each;
#   - the Java create+release driver (TransactionCycleBenchmark), BENCH_ROUNDS times;
# then stops the gateway and prints a summary table.
#
# Needs Java 17, wrk (Debian package "wrk": installed with apt-get when missing and running as
# root; otherwise run `apt-get install -y wrk` first), and for the PostgreSQL half psql and a
# server (a fresh schema is created for the run and dropped afterwards; skipped when unreachable).
# Builds the jar and the benchmark classes when they are missing or older than the sources.
#
# Knobs (environment):
#   BENCH_STORAGES="sqlite postgres"  BENCH_SECONDS=15  BENCH_ROUNDS=2  BENCH_WARMUP_SECONDS=30
#   BENCH_THREADS=2  BENCH_CONNECTIONS=32  BENCH_WORKERS=16  BENCH_STARTUP_RUNS=5
#   BENCH_PG_HOST=127.0.0.1  BENCH_PG_PORT=5432  BENCH_PG_DB=test  BENCH_PG_USER=postgres
#   BENCH_SERVER_JAVA_OPTS=""  extra JVM options for the gateway under load
#   BENCH_STARTUP_JAVA_OPTS="" extra JVM options for the startup runs (e.g. -XX:SharedArchiveFile=…)
#   BENCH_PROFILE=perf  records each load with `perf record -g` (JIT frames named through
#                       `jcmd Compiler.perfmap`) and prints where the gateway's CPU went;
#   BENCH_PROFILE=jfr   the same with a JFR recording (sees only threads running Java code).
#                       The figures of a profiled run include the profiler's cost.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$ROOT/harbor-app/target/harbor-app.jar
CLASSES=$ROOT/harbor-benchmarks/target/classes

STORAGES=${BENCH_STORAGES:-sqlite postgres}
SECONDS_PER_RUN=${BENCH_SECONDS:-15}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP_SECONDS:-30}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WORKERS=${BENCH_WORKERS:-16}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_DB=${BENCH_PG_DB:-test}
PG_USER=${BENCH_PG_USER:-postgres}
PROFILE=${BENCH_PROFILE:-}
read -r -a SERVER_JAVA_OPTS <<<"${BENCH_SERVER_JAVA_OPTS:-}"
case $PROFILE in
  '') ;;
  perf) command -v perf >/dev/null || { echo "perf is missing (Debian package linux-perf)" >&2; exit 1; }
        SERVER_JAVA_OPTS+=(-XX:+PreserveFramePointer) ;;
  jfr) ;;
  *) echo "BENCH_PROFILE is perf or jfr" >&2; exit 2 ;;
esac
PERF_PID=

# Only this script's settings reach the gateway: no HARBOR_* from the caller's shell.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^HARBOR_' || true)

WORK=$(mktemp -d /tmp/harbor-http-bench.XXXXXX)
GATEWAY_PID=
SCHEMAS=()
SUMMARY=()

log() { printf '\n== %s\n' "$*"; }

psql_run() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAtc "$1"; }

cleanup() {
  stop_gateway
  for schema in "${SCHEMAS[@]+"${SCHEMAS[@]}"}"; do
    psql_run "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || echo "could not drop schema $schema" >&2
  done
  rm -rf "$WORK"/data-*
  echo "logs and wrk outputs kept in $WORK"
}
trap cleanup EXIT

ensure_wrk() {
  command -v wrk >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "wrk is missing: installing Debian's wrk package"
    apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null
  else
    echo "wrk is missing: install Debian's package as root (apt-get install -y wrk) and run again" >&2
    exit 1
  fi
}

ensure_build() {
  if [[ -f $JAR && -f $CLASSES/dev/harbor/benchmarks/http/TransactionCycleBenchmark.class ]] \
      && [[ -z $(find pom.xml harbor-*/pom.xml harbor-*/src -newer "$JAR" -type f -print -quit) ]]; then
    return
  fi
  log "building the gateway jar and the benchmark classes"
  ./mvnw -B -q -Pbench -DskipTests package
}

# Starts the gateway in the background on a free port of 127.0.0.1; sets GATEWAY_PID and PORT.
start_gateway() {
  local out=$WORK/$1-gateway.log
  env "${STORAGE_ENV[@]}" HARBOR_HTTP_HOST=127.0.0.1 HARBOR_HTTP_PORT=0 \
    java "${SERVER_JAVA_OPTS[@]+"${SERVER_JAVA_OPTS[@]}"}" -jar "$JAR" >"$out" 2>&1 &
  GATEWAY_PID=$!
  PORT=
  for _ in $(seq 1 600); do
    PORT=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$out" | head -1 | sed 's/.*://' || true)
    [[ -n $PORT ]] && break
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
      cat "$out" >&2
      echo "the gateway did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  [[ -n $PORT ]] || { echo "the gateway logged no port within 60 s; see $out" >&2; exit 1; }
  echo "gateway pid $GATEWAY_PID listening on 127.0.0.1:$PORT"
}

stop_gateway() {
  if [[ -n $GATEWAY_PID ]]; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
    GATEWAY_PID=
  fi
}

# CPU seconds the gateway process has used so far (user + system).
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$GATEWAY_PID/stat"
}

profile_start() {
  case $PROFILE in
    perf) perf record -q -F 499 -g -p "$GATEWAY_PID" -o "$WORK/$1.perf.data" >/dev/null 2>&1 &
          PERF_PID=$! ;;
    jfr) jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile >/dev/null ;;
  esac
}

profile_stop() {
  case $PROFILE in
    perf) kill -INT "$PERF_PID"; wait "$PERF_PID" || true
          # Names the JIT-compiled methods in the samples (/tmp/perf-<pid>.map).
          jcmd "$GATEWAY_PID" Compiler.perfmap >/dev/null
          perf_report "$1" ;;
    jfr) jcmd "$GATEWAY_PID" JFR.stop name=bench filename="$WORK/$1.jfr" >/dev/null
         jfr_report "$1" ;;
  esac
}

# Where the gateway's CPU went: by library (JIT-compiled Java, the JVM itself, the kernel, SQLite),
# the hottest functions (self), and the frames of Harbor and its libraries (inclusive).
perf_report() {
  local data=$WORK/$1.perf.data
  echo "-- profile $1 (perf, all threads of the gateway): CPU by library"
  perf report -i "$data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | sed -n 1,8p
  echo "-- profile $1: hottest functions (self)"
  perf report -i "$data" --no-children --sort dso,sym --stdio -g none 2>/dev/null | grep '%' | sed -n 1,25p | cut -c1-200
  echo "-- profile $1: frames of Harbor and its libraries (inclusive)"
  perf report -i "$data" --children --sort sym --stdio -g none 2>/dev/null | grep '%' \
    | grep -E 'dev\.harbor|org\.sqlite|org\.postgresql|org\.jdbi|com\.zaxxer|jackson|io\.javalin|Compile::Compile|G1' \
    | sed -n 1,40p | cut -c1-200
}

# JFR samples only threads running Java code: time in the kernel and in native code (SQLite) is
# missing from it, which perf shows.
jfr_report() {
  local file=$WORK/$1.jfr
  jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" >"$file.txt"
  echo "-- profile $1 (JFR): top frames (self), of $(grep -c '^jdk.ExecutionSample' "$file.txt") samples"
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$file.txt" \
    | sort | uniq -c | sort -rn | sed -n 1,20p
  echo "-- profile $1: frames of Harbor and its libraries (inclusive: samples that contain the frame)"
  awk '/^jdk.ExecutionSample/ {n++}
       /stackTrace = \[/ {in_stack = 1; split("", seen); next}
       in_stack && /^ *\]/ {in_stack = 0; next}
       in_stack {f = $0; sub(/^ +/, "", f); sub(/ +line:.*/, "", f); if (!(f in seen)) {seen[f] = 1; c[f]++}}
       END {for (f in c) printf "%7d %5.1f%%  %s\n", c[f], 100 * c[f] / n, f}' "$file.txt" \
    | sort -rn | grep -E 'dev\.harbor|org\.sqlite|org\.postgresql|org\.jdbi|com\.zaxxer|jackson|io\.javalin' \
    | sed -n 1,40p
}

run_wrk() {
  local storage=$1 path=$2 round=$3
  local out=$WORK/$storage-wrk-${path//\//_}-$round.txt
  local cpu_before cpu_after
  profile_start "$storage-wrk-${path//\//_}-$round"
  cpu_before=$(cpu_seconds)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT$path" >"$out"
  cpu_after=$(cpu_seconds)
  profile_stop "$storage-wrk-${path//\//_}-$round"
  cat "$out"
  local rps p50 p99 errors cores
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF}
                /Socket errors:/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) n += $i}
                END {print n + 0}' "$out")
  cores=$(awk -v a="$cpu_before" -v b="$cpu_after" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.2f", (b - a) / s}')
  echo "gateway CPU: $cores cores on average"
  SUMMARY+=("| $storage | GET $path | $round | $rps req/s | $p50 | $p99 | $errors | $cores |")
}

run_cycles() {
  local storage=$1 round=$2
  local out=$WORK/$storage-cycles-$round.txt
  local cpu_before cpu_after
  profile_start "$storage-cycles-$round"
  cpu_before=$(cpu_seconds)
  java -cp "$CLASSES" -Dbench.port="$PORT" -Dbench.workers="$WORKERS" -Dbench.seconds="$SECONDS_PER_RUN" \
    -Dbench.warmupSeconds=0 dev.harbor.benchmarks.http.TransactionCycleBenchmark | tee "$out"
  cpu_after=$(cpu_seconds)
  profile_stop "$storage-cycles-$round"
  local rps p50 p99 errors cores
  rps=$(sed -n 's/^RESULT cycles_per_s=\([0-9.]*\).*/\1/p' "$out")
  p50=$(sed -n 's/^RESULT.* cycle_p50_ms=\([0-9.]*\).*/\1/p' "$out")
  p99=$(sed -n 's/^RESULT.* cycle_p99_ms=\([0-9.]*\).*/\1/p' "$out")
  errors=$(sed -n 's/^RESULT.* errors=\([0-9]*\).*/\1/p' "$out")
  cores=$(awk -v a="$cpu_before" -v b="$cpu_after" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.2f", (b - a) / s}')
  SUMMARY+=("| $storage | create+release, $WORKERS workers | $round | $rps cycles/s | ${p50}ms | ${p99}ms | $errors | $cores |")
}

run_startup() {
  local storage=$1
  local out=$WORK/$storage-startup.txt
  mkdir -p "$WORK/$storage-startup-logs"
  env "${STORAGE_ENV[@]}" java -cp "$CLASSES" -Dbench.jar="$JAR" -Dbench.runs="$STARTUP_RUNS" \
    -Dbench.jvmArgs="${BENCH_STARTUP_JAVA_OPTS:-}" \
    -Dbench.logDir="$WORK/$storage-startup-logs" dev.harbor.benchmarks.http.StartupBenchmark | tee "$out"
  local first median restarts
  first=$(sed -n 's/^RESULT startup_first_ms=\([0-9]*\).*/\1/p' "$out")
  median=$(sed -n 's/^RESULT.* startup_median_ms=\([0-9]*\).*/\1/p' "$out")
  restarts=$(sed -n 's/^RESULT.* startup_restart_median_ms=\([0-9]*\).*/\1/p' "$out")
  SUMMARY+=("| $storage | start to first answered /health, median of $STARTUP_RUNS | | | ${median}ms (first ${first}ms, restarts ${restarts}ms) | | | |")
}

# Sets STORAGE_ENV for one storage, on a fresh data directory or schema; false if unavailable.
prepare_storage() {
  case $1 in
    sqlite)
      mkdir -p "$WORK/data-sqlite"
      STORAGE_ENV=(HARBOR_DATA_DIR="$WORK/data-sqlite")
      ;;
    postgres)
      if ! command -v psql >/dev/null || ! psql_run 'SELECT 1' >/dev/null 2>&1; then
        echo "PostgreSQL unreachable at $PG_USER@$PG_HOST:$PG_PORT/$PG_DB (or no psql): skipped" >&2
        SUMMARY+=("| postgres | skipped: server unreachable | | | | | | |")
        return 1
      fi
      local schema=bench_http_$$
      psql_run "CREATE SCHEMA $schema" >/dev/null
      SCHEMAS+=("$schema")
      STORAGE_ENV=(HARBOR_DATA_DIR="$WORK/data-postgres"
        HARBOR_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?user=$PG_USER&currentSchema=$schema")
      ;;
    *)
      echo "unknown storage $1 (sqlite or postgres)" >&2
      exit 2
      ;;
  esac
}

ensure_wrk
ensure_build
log "HTTP benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

for storage in $STORAGES; do
  prepare_storage "$storage" || continue
  log "$storage: start to first answered request"
  run_startup "$storage"
  log "$storage: gateway under load"
  start_gateway "$storage"
  # Shorter warm-ups leave C2 compiling through the measured runs: with 8 s, a third of the
  # gateway's CPU went to the JIT compiler and GET /lockers/1 measured a third of its later rate.
  echo "warm-up: ${WARMUP} s of wrk on each read, ${WARMUP} s of create+release"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$PORT/lockers/1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$PORT/lockers" >/dev/null
  java -cp "$CLASSES" -Dbench.port="$PORT" -Dbench.workers="$WORKERS" -Dbench.seconds="$WARMUP" \
    -Dbench.warmupSeconds=0 dev.harbor.benchmarks.http.TransactionCycleBenchmark >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    log "$storage: GET /lockers/1, round $round"
    run_wrk "$storage" /lockers/1 "$round"
    log "$storage: GET /lockers, round $round"
    run_wrk "$storage" /lockers "$round"
  done
  for round in $(seq 1 "$ROUNDS"); do
    log "$storage: create+release, round $round"
    run_cycles "$storage" "$round"
  done
  stop_gateway
done

log "summary ($(date -u +%Y-%m-%dT%H:%MZ), load average now $(cut -d' ' -f1-3 /proc/loadavg)$([[ -n $PROFILE ]] && echo ", PROFILED with $PROFILE: figures include its cost"))"
echo "| storage | load | round | throughput | p50 | p99 | errors | gateway CPU (cores) |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${SUMMARY[@]}"
