#!/usr/bin/env bash
# Harbor's HTTP figures beside their floors, measured in the same run on the same machine, each
# also as a ratio (issue 13): absolute figures on a shared machine move by ±40 % between runs,
# a ratio to a floor measured seconds apart moves much less.
#
#   harbor-benchmarks/run-http-floors.sh [SECTION]      BENCH_QUICK=1 for the quick mode
#
# SECTION (default all):
#   reads           SQLite, 32 lockers (demo layout): GET /lockers/1 and GET /lockers with wrk,
#                   on the gateway and on BareJavalinFloor (a bare Javalin app, same JVM options,
#                   same jar, answering the bytes and headers the gateway answered a moment before)
#   cycle-postgres  PostgreSQL, 32 lockers: TransactionCycleBenchmark (16 workers) on the gateway,
#                   then pgbench with the same number of clients running the minimal SQL of one
#                   cycle (pgbench/cycle-minimal.sql, and pgbench/cycle-statements.sql beside it) on
#                   a copy of the gateway's lockers and transactions tables
#   cycle-sqlite    SQLite, 32 lockers: TransactionCycleBenchmark, then SqliteCycleFloor (the same
#                   SQL in a plain JDBC loop, one writer connection, synchronous=FULL) on a copy of
#                   the gateway's database file
#   scale           both storages at 32, 320 and 1,008 lockers (generated layouts of simulated
#                   kerong-cu48 boards; 1,008 = 21 boards), reads and cycles as above, plus heap
#                   after GC, RSS, OutOfMemoryError in the log, and GET /lockers with If-None-Match
#                   when the gateway sends an ETag
#   all             scale: it contains the three others (their figures are its 32-locker rows)
#
# For each storage and size: the gateway starts (fresh data directory or schema, -Xmx64m) and is
# warmed up, then its floors are set up beside it and warmed up (the bare app on the bytes the
# gateway answered, pgbench's copy of its tables, the SQLite loop's copy of its file); then, round
# after round, each figure is measured on the gateway and at once on its floor, the other side
# idle, so the machine's load drifts as little as possible between the two. Each figure is the mean
# of the rounds. Then heap after GC, RSS and OutOfMemoryErrors of the gateway, and a summary:
# section, what, floor, Harbor, ratio, target, met or missed.
#
# Needs Java 17, wrk and pgbench (Debian packages wrk and postgresql-client: installed with apt-get
# when missing and running as root), psql and a PostgreSQL server for the PostgreSQL half (a fresh
# schema per size, dropped afterwards; skipped when unreachable). Builds the jar and the benchmark
# classes when they are missing or older than the sources. Start-up is not measured here:
# run-http-benchmarks.sh does it.
#
# Knobs (environment):
#   HARBOR_JAR=path        the gateway's jar: harbor-server/target/harbor.jar if it exists, else
#                          harbor-app/target/harbor-app.jar
#   BENCH_QUICK=1          quick mode: 5 s per measurement, 5 s warm-ups, one round, only the
#                          minimal pgbench script (`all` then takes about 10 minutes on the shared
#                          2 cores, against about 45 without it; the JIT is still compiling during a
#                          5 s warm-up, so quick figures are rough, the ratios less so)
#   BENCH_SECONDS=15  BENCH_WARMUP_SECONDS=30  BENCH_ROUNDS=2  (quick: 5, 5 and 1)
#   BENCH_PG_FLOORS="minimal statements"  pgbench scripts run (quick: minimal)
#   BENCH_STORAGES="sqlite postgres"  BENCH_SIZES="32 320 1008"  (override the section's)
#   BENCH_THREADS=2  BENCH_CONNECTIONS=32  BENCH_WORKERS=16
#   BENCH_SERVER_JAVA_OPTS="-Xmx64m"  JVM options of the gateway and of BareJavalinFloor
#   BENCH_PG_HOST=127.0.0.1  BENCH_PG_PORT=5432  BENCH_PG_DB=test  BENCH_PG_USER=postgres
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=$ROOT/harbor-benchmarks
CLASSES=$BENCH/target/classes

default_jar() {
  if [[ -f $ROOT/harbor-server/target/harbor.jar ]]; then
    echo "$ROOT/harbor-server/target/harbor.jar"
  else
    echo "$ROOT/harbor-app/target/harbor-app.jar"
  fi
}
JAR_GIVEN=${HARBOR_JAR:-}
JAR=${JAR_GIVEN:-$(default_jar)}

SECTION=${1:-all}
case $SECTION in
  reads) DEFAULT_STORAGES=sqlite; DEFAULT_SIZES=32; PARTS="reads" ;;
  cycle-postgres) DEFAULT_STORAGES=postgres; DEFAULT_SIZES=32; PARTS="cycles" ;;
  cycle-sqlite) DEFAULT_STORAGES=sqlite; DEFAULT_SIZES=32; PARTS="cycles" ;;
  scale | all) DEFAULT_STORAGES="sqlite postgres"; DEFAULT_SIZES="32 320 1008"; PARTS="reads cycles scale" ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "unknown section $SECTION: reads, cycle-postgres, cycle-sqlite, scale or all" >&2; exit 2 ;;
esac
has_part() { [[ " $PARTS " == *" $1 "* ]]; }

if [[ -n ${BENCH_QUICK:-} ]]; then
  SECONDS_PER_RUN=${BENCH_SECONDS:-5}
  WARMUP=${BENCH_WARMUP_SECONDS:-5}
  ROUNDS=${BENCH_ROUNDS:-1}
  PG_VARIANTS=${BENCH_PG_FLOORS:-minimal}
else
  SECONDS_PER_RUN=${BENCH_SECONDS:-15}
  WARMUP=${BENCH_WARMUP_SECONDS:-30}
  ROUNDS=${BENCH_ROUNDS:-2}
  PG_VARIANTS=${BENCH_PG_FLOORS:-minimal statements}
fi
STORAGES=${BENCH_STORAGES:-$DEFAULT_STORAGES}
SIZES=${BENCH_SIZES:-$DEFAULT_SIZES}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WORKERS=${BENCH_WORKERS:-16}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_DB=${BENCH_PG_DB:-test}
PG_USER=${BENCH_PG_USER:-postgres}
read -r -a SERVER_JAVA_OPTS <<<"${BENCH_SERVER_JAVA_OPTS:--Xmx64m}"

# Only this script's settings reach the gateway: no HARBOR_* from the caller's shell.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^HARBOR_' || true)

WORK=$(mktemp -d /tmp/harbor-http-floors.XXXXXX)
GATEWAY_PID=
FLOOR_PID=
SCHEMAS=()
SUMMARY=()
SCALE=()
declare -A FIG=() ROUND=()

log() { printf '\n== %s\n' "$*"; }

psql_run() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAtc "$1"; }

cleanup() {
  stop_servers
  for schema in "${SCHEMAS[@]+"${SCHEMAS[@]}"}"; do
    psql_run "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || echo "could not drop schema $schema" >&2
  done
  rm -rf "$WORK"/data-* "$WORK"/floor-*.db*
  echo "logs and outputs kept in $WORK"
}
trap cleanup EXIT

ensure_tool() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "$tool is missing: installing Debian's $package package"
    apt-get update -q >/dev/null && apt-get install -y -q "$package" >/dev/null
  else
    echo "$tool is missing: install Debian's package as root (apt-get install -y $package) and run again" >&2
    exit 1
  fi
}

ensure_build() {
  local marker=$CLASSES/dev/harbor/benchmarks/http/SqliteCycleFloor.class
  if [[ -f $JAR && -f $marker ]] \
      && [[ -z $(find pom.xml harbor-*/pom.xml harbor-*/src -newer "$marker" -type f -print -quit) ]] \
      && { [[ -n $JAR_GIVEN ]] || [[ -z $(find pom.xml harbor-*/pom.xml harbor-*/src -path 'harbor-benchmarks/*' -prune \
             -o -newer "$JAR" -type f -print -quit) ]]; }; then
    return
  fi
  log "building the gateway jar and the benchmark classes"
  ./mvnw -B -q -Pbench -DskipTests package
  [[ -n $JAR_GIVEN ]] || JAR=$(default_jar)
}

# ---- layouts -------------------------------------------------------------------------------------

# A bank type of $2 lockers named $1: half small, a third medium, the rest large (as the demo's).
bank_type() {
  local name=$1 count=$2 i slugs=()
  for ((i = 1; i <= count; i++)); do
    if ((i * 2 <= count)); then slugs+=('"small"'); elif ((i * 6 <= count * 5)); then slugs+=('"medium"'); else slugs+=('"large"'); fi
  done
  local IFS=,
  printf '    { "name": "%s", "description": "benchmark", "isDebug": true, "lockers": [%s] }' "$name" "${slugs[*]}"
}

# Writes a layout of $1 lockers to $2: simulated kerong-cu48 boards of 48 on one simulated bus,
# the last one with the rest. Prints nothing for 32: the demo layout (no file) is the 32.
write_layout() {
  local lockers=$1 file=$2 full=$(($1 / 48)) rest=$(($1 % 48)) address controllers=()
  for ((address = 0; address < full; address++)); do
    controllers+=("$(printf '    { "name": "Bench CU48 %d", "bankType": "CU48 x48", "protocol": "kerong-cu48", "boardAddress": %d, "transport": { "type": "simulated", "bus": "bench" } }' "$address" "$address")")
  done
  if ((rest > 0)); then
    controllers+=("$(printf '    { "name": "Bench CU48 %d", "bankType": "CU48 x%d", "protocol": "kerong-cu48", "boardAddress": %d, "transport": { "type": "simulated", "bus": "bench" } }' "$full" "$rest" "$full")")
  fi
  {
    echo '{'
    echo '  "lockerTypes": ['
    echo '    { "slug": "small", "name": "Small" }, { "slug": "medium", "name": "Medium" }, { "slug": "large", "name": "Large" }'
    echo '  ],'
    echo '  "bankTypes": ['
    bank_type "CU48 x48" 48
    if ((rest > 0)); then printf ',\n'; bank_type "CU48 x$rest" "$rest"; fi
    printf '\n  ],\n  "controllers": [\n'
    local IFS=$'\n'
    echo "${controllers[*]}" | sed '$!s/$/,/'
    echo '  ]'
    echo '}'
  } >"$file"
}

# ---- processes -----------------------------------------------------------------------------------

# Prints the port once log $2 of process $1 shows "$3" (a regex ending in the port after a colon).
await_port() {
  local pid=$1 out=$2 pattern=$3 port
  for _ in $(seq 1 1200); do
    port=$(grep -o "$pattern" "$out" | head -1 | sed 's/.*://' || true)
    if [[ -n $port ]]; then echo "$port"; return; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$out" >&2
      echo "the server did not start" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "no port logged within 120 s; see $out" >&2
  return 1
}

# Starts the gateway on a free port of 127.0.0.1 with STORAGE_ENV; log in $1.
start_gateway() {
  env "${STORAGE_ENV[@]}" HARBOR_HTTP_HOST=127.0.0.1 HARBOR_HTTP_PORT=0 \
    java "${SERVER_JAVA_OPTS[@]+"${SERVER_JAVA_OPTS[@]}"}" -jar "$JAR" >"$1" 2>&1 &
  GATEWAY_PID=$!
  GATEWAY_PORT=$(await_port "$GATEWAY_PID" "$1" 'listening on 127\.0\.0\.1:[0-9]*')
  echo "gateway pid $GATEWAY_PID on 127.0.0.1:$GATEWAY_PORT ($(grep -o '([a-z]* storage, [0-9]* lockers)' "$1" | head -1))"
}

# Starts BareJavalinFloor serving the answers saved in $1; log in $2.
start_floor_app() {
  java "${SERVER_JAVA_OPTS[@]+"${SERVER_JAVA_OPTS[@]}"}" -cp "$CLASSES:$JAR" -Dbench.dir="$1" \
    dev.harbor.benchmarks.http.BareJavalinFloor >"$2" 2>&1 &
  FLOOR_PID=$!
  FLOOR_PORT=$(await_port "$FLOOR_PID" "$2" 'floor listening on 127\.0\.0\.1:[0-9]*')
  echo "bare Javalin floor pid $FLOOR_PID on 127.0.0.1:$FLOOR_PORT"
}

stop_servers() {
  local pid
  for pid in $FLOOR_PID $GATEWAY_PID; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  FLOOR_PID=
  GATEWAY_PID=
}

# ---- figures -------------------------------------------------------------------------------------
# Every measurement adds its value to ROUND[key] ("v1 v2 …", one per round); finish_rounds turns
# them into FIG[key]: the mean, or the sum for error counts.

put() { ROUND[$1]+=" $2"; }

finish_rounds() {
  local key format
  for key in "${!ROUND[@]}"; do
    case $key in
      *:errors) FIG[$key]=$(awk -v l="${ROUND[$key]}" 'BEGIN {n = split(l, v, " "); s = 0; for (i = 1; i <= n; i++) s += v[i]; print s}') ;;
      *)
        case $key in *:rps) format=%.0f ;; *:rate | *:tps) format=%.1f ;; *) format=%.2f ;; esac
        FIG[$key]=$(awk -v l="${ROUND[$key]}" -v f="$format" 'BEGIN {n = split(l, v, " "); s = 0
          for (i = 1; i <= n; i++) s += v[i]; printf f, n ? s / n : 0}')
        ;;
    esac
  done
  ROUND=()
}

# wrk's latency ("812.00us", "1.20ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# wrk on port $2, path $3, for SECONDS_PER_RUN; $1 names the figures; more wrk options after.
measure_wrk() {
  local key=$1 port=$2 path=$3
  shift 3
  local out=$WORK/wrk-${key//[:\/]/_}-$ROUND_NO.txt rps p50 p99 errors
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@" "http://127.0.0.1:$port$path" >"$out"
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF}
                /Socket errors:/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) n += $i}
                END {print n + 0}' "$out")
  put "$key:rps" "$rps"
  put "$key:p50" "$p50"
  put "$key:p99" "$p99"
  put "$key:errors" "$errors"
  printf '%-30s round %s %8s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' "$key" "$ROUND_NO" "$rps" "$p50" "$p99" "$errors"
}

warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" "${@:4}" "http://127.0.0.1:$1$2" >/dev/null; }

# Saves the gateway's answer to GET $1 as $2.headers and $2.body.
save_answer() {
  curl -sS -D "$2.headers" -o "$2.body" "http://127.0.0.1:$GATEWAY_PORT$1"
  sed -i 's/\r$//' "$2.headers"
}

etag_of() { awk 'tolower($1) == "etag:" {sub(/^[^:]*:[ \t]*/, ""); print; exit}' "$1"; }

# The ETag of the gateway's GET /lockers now, when a request naming it is answered 304; else empty.
current_etag() {
  local headers=$WORK/etag.headers etag
  curl -sS -D "$headers" -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/lockers"
  sed -i 's/\r$//' "$headers"
  etag=$(etag_of "$headers")
  if [[ -n $etag && $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" \
      "http://127.0.0.1:$GATEWAY_PORT/lockers") == 304 ]]; then
    echo "$etag"
  fi
}

cycle_driver() {
  java -cp "$CLASSES" -Dbench.port="$GATEWAY_PORT" -Dbench.workers="$WORKERS" -Dbench.seconds="$1" \
    -Dbench.warmupSeconds=0 dev.harbor.benchmarks.http.TransactionCycleBenchmark
}

# Adds the RESULT line of TransactionCycleBenchmark or SqliteCycleFloor in $2 to the figures $1.
put_cycle_result() {
  put "$1:rate" "$(sed -n 's/^RESULT cycles_per_s=\([0-9.]*\).*/\1/p' "$2")"
  put "$1:p50" "$(sed -n 's/^RESULT.* cycle_p50_ms=\([0-9.]*\).*/\1/p' "$2")"
  put "$1:p99" "$(sed -n 's/^RESULT.* cycle_p99_ms=\([0-9.]*\).*/\1/p' "$2")"
  put "$1:errors" "$(sed -n 's/^RESULT.* errors=\([0-9]*\).*/\1/p' "$2")"
}

# Heap after a full GC (MB), RSS (MB) and OutOfMemoryErrors in the gateway's log $2; $1 = key.
measure_memory() {
  local key=$1 log=$2
  if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
    echo "the gateway is gone; the end of its log:" >&2
    tail -20 "$log" >&2
    FIG[$key:heap]=gone; FIG[$key:rss]=gone
  else
    jcmd "$GATEWAY_PID" GC.run >/dev/null
    jcmd "$GATEWAY_PID" GC.heap_info >"$WORK/heap-${key//[:\/]/_}.txt"
    FIG[$key:heap]=$(awk '/Metaspace|class space/ {next}
        /heap|generation/ {for (i = 1; i < NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); kb += v}}
        END {printf "%.1f", kb / 1024}' "$WORK/heap-${key//[:\/]/_}.txt")
    FIG[$key:rss]=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$GATEWAY_PID/status")
  fi
  FIG[$key:oom]=$(grep -c 'OutOfMemoryError' "$log" || true)
  echo "heap after GC ${FIG[$key:heap]} MB, RSS ${FIG[$key:rss]} MB, OutOfMemoryError in the log: ${FIG[$key:oom]}"
}

# pgbench's output $3 and per-transaction logs (prefix $4) of a run in which the copy gained $2
# cycles, added to the figures $1. One pgbench transaction is one run of the script file, which is
# one create and one release, so pgbench's tps is cycles/s; a create that found no locker free
# (SKIP LOCKED can skip them all for an instant) inserts nothing, so the rate counted is tps × cycles
# that inserted / transactions processed.
put_pgbench() {
  local key=$1 inserted=$2 out=$3 logs=$4 tps processed failed rate latencies
  tps=$(awk '/^tps = / {print $3}' "$out")
  processed=$(awk -F': ' '/^number of transactions actually processed/ {print $2}' "$out" | cut -d/ -f1)
  failed=$(awk '/^number of failed transactions/ {print $5}' "$out")
  rate=$(awk -v t="$tps" -v i="$inserted" -v p="$processed" 'BEGIN {printf "%.1f", (p > 0 ? t * i / p : 0)}')
  latencies=$(cat "$logs".* | awk '{print $3}' | sort -n | awk '{v[NR] = $1}
      END {if (NR == 0) {print "0 0"; exit} p50 = v[int(0.5 * NR + 0.999)]; p99 = v[int(0.99 * NR + 0.999)]
           printf "%.2f %.2f\n", p50 / 1000, p99 / 1000}')
  put "$key:rate" "$rate"
  put "$key:tps" "$tps"
  put "$key:p50" "${latencies% *}"
  put "$key:p99" "${latencies#* }"
  put "$key:errors" "$((${failed:-0} + processed - inserted))"
  printf '%-30s round %s %8s cycles/s (pgbench tps %s: %s transactions, %s inserted a cycle, %s failed)  p50 %s ms  p99 %s ms\n' \
    "$key" "$ROUND_NO" "$rate" "$tps" "$processed" "$inserted" "${failed:-0}" "${latencies% *}" "${latencies#* }"
}

# A copy of the gateway's lockers and transactions tables in a schema of their own, for pgbench.
prepare_pg_floor() {
  FLOOR_SCHEMA=${SCHEMA}_floor
  psql_run "CREATE SCHEMA $FLOOR_SCHEMA" >/dev/null
  SCHEMAS+=("$FLOOR_SCHEMA")
  # LIKE … INCLUDING ALL copies the columns, checks, defaults, identity and every index (the
  # partial unique ones too); the foreign keys are left out, and no statement of a cycle changes
  # a foreign-key column, so PostgreSQL would not check them anyway.
  psql_run "CREATE TABLE $FLOOR_SCHEMA.lockers (LIKE $SCHEMA.lockers INCLUDING ALL);
            INSERT INTO $FLOOR_SCHEMA.lockers OVERRIDING SYSTEM VALUE SELECT * FROM $SCHEMA.lockers;
            CREATE TABLE $FLOOR_SCHEMA.transactions (LIKE $SCHEMA.transactions INCLUDING ALL);
            ANALYZE $FLOOR_SCHEMA.lockers" >/dev/null
  echo "floor schema $FLOOR_SCHEMA: $(psql_run "SELECT count(*) FROM $FLOOR_SCHEMA.lockers") lockers, \
$(psql_run "SELECT count(*) FROM $FLOOR_SCHEMA.lockers WHERE device_state = 'UNLOCKED' AND holder IS NULL AND NOT out_of_service") free"
  local variant
  for variant in $PG_VARIANTS; do
    pgbench_run "$variant" "$((WARMUP / 3 + 1))" >/dev/null 2>&1 || true
  done
}

pgbench_run() {
  local variant=$1 seconds=$2
  shift 2
  local jobs=$((WORKERS < $(nproc) ? WORKERS : $(nproc)))
  PGOPTIONS="-c search_path=$FLOOR_SCHEMA" pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared \
    -c "$WORKERS" -j "$jobs" -D n=0 -D run="$RANDOM$RANDOM" -f "$BENCH/pgbench/cycle-$variant.sql" \
    -T "$seconds" "$@" "$PG_DB"
}

measure_pg_floor() {
  local k=$1 variant before after name
  for variant in $PG_VARIANTS; do
    name=$WORK/pgbench-$variant-${k//:/-}-$ROUND_NO
    before=$(psql_run "SELECT count(*) FROM $FLOOR_SCHEMA.transactions WHERE released_at IS NOT NULL")
    pgbench_run "$variant" "$SECONDS_PER_RUN" -l --log-prefix="$name" >"$name.txt" 2>&1 \
      || echo "pgbench exited with status $? (clients aborted?): $(grep -m3 -i 'abort\|error' "$name.txt" | tr '\n' ' ')" >&2
    after=$(psql_run "SELECT count(*) FROM $FLOOR_SCHEMA.transactions WHERE released_at IS NOT NULL")
    put_pgbench "$k:floor:$variant" "$((after - before))" "$name.txt" "$name"
  done
}

# SqliteCycleFloor on a fresh copy (VACUUM INTO) of the running gateway's database file.
measure_sqlite_floor() {
  local k=$1 storage=$2 size=$3 out=$WORK/sqlite-floor-$size-$ROUND_NO.txt
  java -cp "$CLASSES:$JAR" -Dbench.copyFrom="$WORK/data-$storage-$size/harbor.db" -Dbench.db="$WORK/floor-$size.db" \
    -Dbench.workers="$WORKERS" -Dbench.seconds="$SECONDS_PER_RUN" -Dbench.warmupSeconds="$((WARMUP / 3 + 1))" \
    dev.harbor.benchmarks.http.SqliteCycleFloor | tee "$out"
  put_cycle_result "$k:floor:minimal" "$out"
}

# One storage and size: the gateway and its floors side by side, measured in turn, round after
# round, so the machine's load drifts as little as possible between a figure and its floor. The
# server not being measured is idle (the gateway's idle cost is a poll of its boards a second).
measure_pair() {
  local storage=$1 size=$2 k=$1:$2 answers=$WORK/answers-$1-$2 log=$WORK/gateway-$1-$2.log etag="" floor_etag=""
  mkdir -p "$answers"
  start_gateway "$log"
  echo "warm-up: ${WARMUP} s each of$(has_part reads && echo " wrk on GET /lockers/1 and on GET /lockers,")$(has_part cycles && echo " create+release")"
  if has_part reads; then
    warm "$GATEWAY_PORT" /lockers/1 "$WARMUP"
    warm "$GATEWAY_PORT" /lockers "$WARMUP"
  fi
  if has_part cycles; then cycle_driver "$WARMUP" >/dev/null; fi
  save_answer /lockers/1 "$answers/lockers-1"
  save_answer /lockers "$answers/lockers"
  FIG[$k:bytes]=$(wc -c <"$answers/lockers.body")
  if has_part reads; then
    floor_etag=$(etag_of "$answers/lockers.headers")
    if [[ -n $floor_etag && -z $(current_etag) ]]; then
      echo "GET /lockers sends ETag $floor_etag but If-None-Match is not answered 304: the poll is not measured"
      floor_etag=
    elif [[ -z $floor_etag ]]; then
      echo "GET /lockers sends no ETag: the If-None-Match poll is not measured"
    fi
    start_floor_app "$answers" "$WORK/floor-app-$storage-$size.log"
    warm "$FLOOR_PORT" /lockers/1 "$WARMUP"
    warm "$FLOOR_PORT" /lockers "$WARMUP"
    if [[ -n $floor_etag ]]; then
      warm "$GATEWAY_PORT" /lockers "$((WARMUP / 3 + 1))" -H "If-None-Match: $(current_etag)"
      warm "$FLOOR_PORT" /lockers "$((WARMUP / 3 + 1))" -H "If-None-Match: $floor_etag"
    fi
  fi
  if has_part cycles; then
    if [[ $storage == postgres ]]; then prepare_pg_floor; fi
  fi
  for ((ROUND_NO = 1; ROUND_NO <= ROUNDS; ROUND_NO++)); do
    if has_part reads; then
      measure_wrk "$k:harbor:one" "$GATEWAY_PORT" /lockers/1
      measure_wrk "$k:floor:one" "$FLOOR_PORT" /lockers/1
      measure_wrk "$k:harbor:all" "$GATEWAY_PORT" /lockers
      measure_wrk "$k:floor:all" "$FLOOR_PORT" /lockers
      if [[ -n $floor_etag ]]; then
        # The cycles change the lockers, and so the gateway's ETag, between rounds.
        etag=$(current_etag)
        measure_wrk "$k:harbor:poll" "$GATEWAY_PORT" /lockers -H "If-None-Match: $etag"
        measure_wrk "$k:floor:poll" "$FLOOR_PORT" /lockers -H "If-None-Match: $floor_etag"
      fi
    fi
    if has_part cycles; then
      cycle_driver "$SECONDS_PER_RUN" | tee "$WORK/cycles-$storage-$size-$ROUND_NO.txt"
      put_cycle_result "$k:harbor:cycle" "$WORK/cycles-$storage-$size-$ROUND_NO.txt"
      if [[ $storage == postgres ]]; then
        measure_pg_floor "$k"
      else
        measure_sqlite_floor "$k" "$storage" "$size"
      fi
    fi
  done
  finish_rounds
  measure_memory "$k:harbor" "$log"
  stop_servers
}

# Sets STORAGE_ENV for storage $1 and size $2 on a fresh data directory or schema; false if unavailable.
prepare_storage() {
  local storage=$1 size=$2
  STORAGE_ENV=(HARBOR_DATA_DIR="$WORK/data-$storage-$size")
  mkdir -p "$WORK/data-$storage-$size"
  if [[ $size != 32 ]]; then
    write_layout "$size" "$WORK/layout-$size.json"
    STORAGE_ENV+=(HARBOR_LAYOUT_FILE="$WORK/layout-$size.json")
  fi
  case $storage in
    sqlite) ;;
    postgres)
      if ! command -v psql >/dev/null || ! psql_run 'SELECT 1' >/dev/null 2>&1; then
        echo "PostgreSQL unreachable at $PG_USER@$PG_HOST:$PG_PORT/$PG_DB (or no psql): skipped" >&2
        SUMMARY+=("| postgres, $size lockers | skipped: server unreachable | | | | | |")
        return 1
      fi
      SCHEMA=bench_floors_$$_$size
      psql_run "CREATE SCHEMA $SCHEMA" >/dev/null
      SCHEMAS+=("$SCHEMA")
      STORAGE_ENV+=(HARBOR_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?user=$PG_USER&currentSchema=$SCHEMA")
      ;;
    *) echo "unknown storage $storage (sqlite or postgres)" >&2; exit 2 ;;
  esac
}

# ---- summary -------------------------------------------------------------------------------------

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 > 0) printf "%.2f", a / b; else print "-"}'; }
# met when every awk condition given is true
verdict() { awk "BEGIN {exit !($1)}" && echo met || echo "**missed**"; }
# 12345.6 → 12,346
fmt() {
  awk -v v="$1" 'BEGIN {s = sprintf("%.0f", v); out = ""
    while (length(s) > 3) {out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3)}
    print s out}'
}

summarize() {
  local storage=$1 size=$2 k=$1:$2 base=$1:32 section what floor harbor r target met
  if has_part reads && [[ -n ${FIG[$k:harbor:one:rps]:-} ]]; then
    section="$([[ $size == 32 ]] && echo reads || echo scale): $storage, $size lockers"
    for path in one all poll; do
      [[ -n ${FIG[$k:harbor:$path:rps]:-} ]] || continue
      case $path in
        one) what="GET /lockers/1" ;;
        all) what="GET /lockers ($(fmt "${FIG[$k:bytes]}") bytes)" ;;
        poll) what="GET /lockers, If-None-Match → 304" ;;
      esac
      floor="$(fmt "${FIG[$k:floor:$path:rps]:-0}") req/s, p99 ${FIG[$k:floor:$path:p99]:-?} ms"
      harbor="$(fmt "${FIG[$k:harbor:$path:rps]}") req/s, p50 ${FIG[$k:harbor:$path:p50]} ms, p99 ${FIG[$k:harbor:$path:p99]} ms"
      r=$(ratio "${FIG[$k:harbor:$path:rps]}" "${FIG[$k:floor:$path:rps]:-0}")
      local errors=$((${FIG[$k:harbor:$path:errors]:-0} + ${FIG[$k:floor:$path:errors]:-0}))
      [[ $errors == 0 ]] || harbor+=" ($errors errors)"
      if [[ $path == poll ]]; then
        target="— (a poll that saw no change costs almost nothing)"; met="—"
      elif [[ $size == 32 ]]; then
        target="≥ 0.8 × floor, p99 < 10 ms"
        met=$(verdict "$r >= 0.8 && ${FIG[$k:harbor:$path:p99]} < 10")
      elif [[ $path == one && $size == 1008 && -n ${FIG[$base:harbor:one:rps]:-} ]]; then
        target="≥ 0.8 × floor; ≥ 0.8 × 32 lockers' $(fmt "${FIG[$base:harbor:one:rps]}") req/s"
        met=$(verdict "$r >= 0.8 && ${FIG[$k:harbor:one:rps]} >= 0.8 * ${FIG[$base:harbor:one:rps]}")
      elif [[ $path == all && $size == 1008 ]]; then
        target="≥ 0.8 × floor; p99 < 50 ms"
        met=$(verdict "$r >= 0.8 && ${FIG[$k:harbor:all:p99]} < 50")
      else
        target="≥ 0.8 × floor"; met=$(verdict "$r >= 0.8")
      fi
      SUMMARY+=("| $section | $what, wrk -t$THREADS -c$CONNECTIONS | $floor | $harbor | $r | $target | $met |")
    done
  fi
  if has_part cycles && [[ -n ${FIG[$k:harbor:cycle:rate]:-} ]]; then
    section="$([[ $size == 32 ]] && echo cycle || echo scale): $storage, $size lockers"
    harbor="${FIG[$k:harbor:cycle:rate]} cycles/s, p50 ${FIG[$k:harbor:cycle:p50]} ms, p99 ${FIG[$k:harbor:cycle:p99]} ms"
    [[ ${FIG[$k:harbor:cycle:errors]} == 0 ]] || harbor+=" (${FIG[$k:harbor:cycle:errors]} errors)"
    local name
    if [[ $storage == postgres ]]; then
      name="pgbench cycle-minimal.sql, $WORKERS clients (2 statements, 2 commits)"
    else
      name="SqliteCycleFloor, $WORKERS threads, 1 writer (4 statements, 2 commits)"
    fi
    floor="${FIG[$k:floor:minimal:rate]:-?} cycles/s, p99 ${FIG[$k:floor:minimal:p99]:-?} ms"
    [[ ${FIG[$k:floor:minimal:errors]:-0} == 0 ]] || floor+=" (${FIG[$k:floor:minimal:errors]} without a cycle)"
    r=$(ratio "${FIG[$k:harbor:cycle:rate]}" "${FIG[$k:floor:minimal:rate]:-0}")
    local cond
    if [[ $storage == postgres ]]; then
      target="≥ 0.7 × floor, ≥ 1,000 cycles/s"; cond="$r >= 0.7 && ${FIG[$k:harbor:cycle:rate]} >= 1000"
    else
      target="≥ 0.7 × floor"; cond="$r >= 0.7"
    fi
    if [[ $size == 1008 && -n ${FIG[$base:harbor:cycle:rate]:-} ]]; then
      target+="; ≥ 0.8 × 32 lockers' ${FIG[$base:harbor:cycle:rate]}"
      cond+=" && ${FIG[$k:harbor:cycle:rate]} >= 0.8 * ${FIG[$base:harbor:cycle:rate]}"
    fi
    met=$(verdict "$cond")
    SUMMARY+=("| $section | create+release, TransactionCycleBenchmark $WORKERS workers; floor: $name | $floor | $harbor | $r | $target | $met |")
    if [[ -n ${FIG[$k:floor:statements:rate]:-} ]]; then
      floor="${FIG[$k:floor:statements:rate]} cycles/s, p99 ${FIG[$k:floor:statements:p99]} ms"
      [[ ${FIG[$k:floor:statements:errors]:-0} == 0 ]] || floor+=" (${FIG[$k:floor:statements:errors]} without a cycle)"
      SUMMARY+=("| $section | the same; floor: pgbench cycle-statements.sql (4 statements in 2 transactions, 8 round trips) | $floor | ${FIG[$k:harbor:cycle:rate]} cycles/s | $(ratio "${FIG[$k:harbor:cycle:rate]}" "${FIG[$k:floor:statements:rate]}") | — (context) | — |")
    fi
  fi
  if has_part scale; then
    local oom=${FIG[$k:harbor:oom]} rel_one="" rel_cycle=""
    [[ -n ${FIG[$base:harbor:one:rps]:-} && -n ${FIG[$k:harbor:one:rps]:-} ]] \
      && rel_one=" ($(ratio "${FIG[$k:harbor:one:rps]}" "${FIG[$base:harbor:one:rps]}") × 32's)"
    [[ -n ${FIG[$base:harbor:cycle:rate]:-} && -n ${FIG[$k:harbor:cycle:rate]:-} ]] \
      && rel_cycle=" ($(ratio "${FIG[$k:harbor:cycle:rate]}" "${FIG[$base:harbor:cycle:rate]}") × 32's)"
    local poll="not measured (no ETag)"
    [[ -n ${FIG[$k:harbor:poll:rps]:-} ]] && poll="$(fmt "${FIG[$k:harbor:poll:rps]}") req/s, p99 ${FIG[$k:harbor:poll:p99]} ms"
    SCALE+=("| $storage | $size | $(fmt "${FIG[$k:harbor:one:rps]:-0}") req/s$rel_one, p99 ${FIG[$k:harbor:one:p99]:-?} ms \
| $(fmt "${FIG[$k:harbor:all:rps]:-0}") req/s, p50 ${FIG[$k:harbor:all:p50]:-?} ms, p99 ${FIG[$k:harbor:all:p99]:-?} ms, $(fmt "${FIG[$k:bytes]}") bytes \
| $poll | ${FIG[$k:harbor:cycle:rate]:-?} cycles/s$rel_cycle | ${FIG[$k:harbor:heap]} MB | ${FIG[$k:harbor:rss]} MB | $oom |")
    SUMMARY+=("| scale: $storage, $size lockers | OutOfMemoryError in the gateway's log; heap after GC; RSS (${SERVER_JAVA_OPTS[*]}) | | $oom; ${FIG[$k:harbor:heap]} MB; ${FIG[$k:harbor:rss]} MB | | no OOM | $(verdict "$oom == 0") |")
  fi
}

# ---- run -----------------------------------------------------------------------------------------

ensure_tool wrk wrk
has_part cycles && [[ " $STORAGES " == *" postgres "* ]] && ensure_tool pgbench postgresql-client
ensure_build
[[ -f $JAR ]] || { echo "no jar at $JAR (HARBOR_JAR)" >&2; exit 1; }
log "HTTP floors, section $SECTION: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), \
$(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), jar $JAR, \
${SECONDS_PER_RUN} s per measurement after ${WARMUP} s warm-ups, gateway JVM: ${SERVER_JAVA_OPTS[*]}"
started=$(date +%s)

for storage in $STORAGES; do
  for size in $SIZES; do
    prepare_storage "$storage" "$size" || continue
    log "$storage, $size lockers: the gateway and its floors, $ROUNDS round(s)"
    measure_pair "$storage" "$size"
    summarize "$storage" "$size"
  done
done

log "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(($(date +%s) - started)) s, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| section | what | floor | Harbor | ratio | target | |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${SUMMARY[@]}"
if ((${#SCALE[@]} > 0)); then
  echo
  echo "| storage | lockers | GET /lockers/{id} | GET /lockers | GET /lockers, If-None-Match | create+release | heap after GC | RSS | OOM |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${SCALE[@]}"
fi
