#!/usr/bin/env bash
# Harbor's HTTP figures beside their floors, measured in the same run on the same machine, each
# also as a ratio (issue 13): absolute figures on a shared machine move by ±40 % between runs,
# a ratio to a floor measured minutes apart moves much less.
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
# warmed up, its figures are taken, then it is stopped before its floors run, so neither competes
# with the other. Then a summary: section, what, floor, Harbor, ratio, target, met or missed.
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
#   BENCH_QUICK=1          quick mode: 5 s per measurement, 5 s warm-ups, only the minimal pgbench
#                          script (`all` then takes about 12 minutes on the shared 2 cores, against
#                          about 35 without it; the JIT is still compiling during a 5 s warm-up, so
#                          quick figures are rough, the ratios less so)
#   BENCH_SECONDS=15  BENCH_WARMUP_SECONDS=30  (quick: 5 and 5)
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
  PG_VARIANTS=${BENCH_PG_FLOORS:-minimal}
else
  SECONDS_PER_RUN=${BENCH_SECONDS:-15}
  WARMUP=${BENCH_WARMUP_SECONDS:-30}
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
SERVER_PID=
SCHEMAS=()
SUMMARY=()
SCALE=()
declare -A FIG=()

log() { printf '\n== %s\n' "$*"; }

psql_run() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAtc "$1"; }

cleanup() {
  stop_server
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
      && { [[ -n $JAR_GIVEN ]] || [[ -z $(find pom.xml harbor-*/pom.xml harbor-*/src -newer "$JAR" -type f -print -quit) ]]; }; then
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

# Waits for "$2" (a regex with the port after the last colon) in log $1; sets PORT.
await_port() {
  local out=$1 pattern=$2
  PORT=
  for _ in $(seq 1 1200); do
    PORT=$(grep -o "$pattern" "$out" | head -1 | sed 's/.*://' || true)
    [[ -n $PORT ]] && return
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$out" >&2
      echo "the server did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "no port logged within 120 s; see $out" >&2
  exit 1
}

# Starts the gateway on a free port of 127.0.0.1 with STORAGE_ENV; log in $1.
start_gateway() {
  env "${STORAGE_ENV[@]}" HARBOR_HTTP_HOST=127.0.0.1 HARBOR_HTTP_PORT=0 \
    java "${SERVER_JAVA_OPTS[@]+"${SERVER_JAVA_OPTS[@]}"}" -jar "$JAR" >"$1" 2>&1 &
  SERVER_PID=$!
  await_port "$1" 'listening on 127\.0\.0\.1:[0-9]*'
  echo "gateway pid $SERVER_PID on 127.0.0.1:$PORT ($(grep -o '([a-z]* storage, [0-9]* lockers)' "$1" | head -1))"
}

# Starts BareJavalinFloor serving the answers saved in $1; log in $2.
start_floor_app() {
  java "${SERVER_JAVA_OPTS[@]+"${SERVER_JAVA_OPTS[@]}"}" -cp "$CLASSES:$JAR" -Dbench.dir="$1" \
    dev.harbor.benchmarks.http.BareJavalinFloor >"$2" 2>&1 &
  SERVER_PID=$!
  await_port "$2" 'floor listening on 127\.0\.0\.1:[0-9]*'
  echo "bare Javalin floor pid $SERVER_PID on 127.0.0.1:$PORT"
}

stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}

# ---- measurements --------------------------------------------------------------------------------

# wrk's latency ("812.00us", "1.20ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# wrk on $2 (a path) of the server on PORT for SECONDS_PER_RUN; $1 names the output; more wrk
# options after. Sets FIG[$1:rps|p50|p99|errors].
measure_wrk() {
  local key=$1 path=$2
  shift 2
  local out=$WORK/wrk-${key//[:\/]/_}.txt
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@" "http://127.0.0.1:$PORT$path" >"$out"
  FIG[$key:rps]=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  FIG[$key:p50]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  FIG[$key:p99]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  FIG[$key:errors]=$(awk '/Non-2xx or 3xx responses:/ {n += $NF}
                          /Socket errors:/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) n += $i}
                          END {print n + 0}' "$out")
  printf '%-34s %8s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' "$key" "${FIG[$key:rps]}" \
    "${FIG[$key:p50]}" "${FIG[$key:p99]}" "${FIG[$key:errors]}"
}

warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" "${@:3}" "http://127.0.0.1:$PORT$1" >/dev/null; }

# Saves the gateway's answer to GET $1 as $2.headers and $2.body.
save_answer() {
  curl -sS -D "$2.headers" -o "$2.body" "http://127.0.0.1:$PORT$1"
  sed -i 's/\r$//' "$2.headers"
}

etag_of() { awk 'tolower($1) == "etag:" {sub(/^[^:]*:[ \t]*/, ""); print; exit}' "$1"; }

cycle_driver() {
  java -cp "$CLASSES" -Dbench.port="$PORT" -Dbench.workers="$WORKERS" -Dbench.seconds="$1" \
    -Dbench.warmupSeconds=0 dev.harbor.benchmarks.http.TransactionCycleBenchmark
}

# Reads a RESULT line of TransactionCycleBenchmark or SqliteCycleFloor in $2 into FIG[$1:…].
read_cycle_result() {
  FIG[$1:rate]=$(sed -n 's/^RESULT cycles_per_s=\([0-9.]*\).*/\1/p' "$2")
  FIG[$1:p50]=$(sed -n 's/^RESULT.* cycle_p50_ms=\([0-9.]*\).*/\1/p' "$2")
  FIG[$1:p99]=$(sed -n 's/^RESULT.* cycle_p99_ms=\([0-9.]*\).*/\1/p' "$2")
  FIG[$1:errors]=$(sed -n 's/^RESULT.* errors=\([0-9]*\).*/\1/p' "$2")
}

# Heap after a full GC (MB), RSS (MB) and OutOfMemoryErrors in the log of the gateway; $1 = key.
measure_memory() {
  local key=$1 log=$2
  jcmd "$SERVER_PID" GC.run >/dev/null
  jcmd "$SERVER_PID" GC.heap_info >"$WORK/heap-${key//[:\/]/_}.txt"
  FIG[$key:heap]=$(awk '/Metaspace|class space/ {next}
      /heap|generation/ {for (i = 1; i < NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); kb += v}}
      END {printf "%.1f", kb / 1024}' "$WORK/heap-${key//[:\/]/_}.txt")
  FIG[$key:rss]=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")
  FIG[$key:oom]=$(grep -c 'OutOfMemoryError' "$log" || true)
  echo "heap after GC ${FIG[$key:heap]} MB, RSS ${FIG[$key:rss]} MB, OutOfMemoryError in the log: ${FIG[$key:oom]}"
}

# The gateway under load: warm-up, reads, If-None-Match poll, cycles, memory. $1 = storage, $2 = size.
measure_gateway() {
  local storage=$1 size=$2 k=$1:$2 answers=$WORK/answers-$1-$2
  local out=$WORK/gateway-$storage-$size.log
  mkdir -p "$answers"
  start_gateway "$out"
  echo "warm-up: ${WARMUP} s$(has_part reads && echo " of wrk on each read,") $(has_part cycles && echo " of create+release")"
  if has_part reads; then
    warm /lockers/1 "$WARMUP"
    warm /lockers "$WARMUP"
  fi
  if has_part cycles; then cycle_driver "$WARMUP" >/dev/null; fi
  save_answer /lockers/1 "$answers/lockers-1"
  save_answer /lockers "$answers/lockers"
  FIG[$k:bytes]=$(wc -c <"$answers/lockers.body")
  if has_part reads; then
    measure_wrk "$k:harbor:one" /lockers/1
    measure_wrk "$k:harbor:all" /lockers
    local etag status
    save_answer /lockers "$answers/poll"
    etag=$(etag_of "$answers/poll.headers")
    if [[ -n $etag ]]; then
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "http://127.0.0.1:$PORT/lockers")
      if [[ $status == 304 ]]; then
        warm /lockers "$((WARMUP / 3 + 1))" -H "If-None-Match: $etag"
        measure_wrk "$k:harbor:poll" /lockers -H "If-None-Match: $etag"
        FIG[$k:etag]=$etag
      else
        echo "GET /lockers sends ETag $etag but If-None-Match answered $status: the poll is not measured"
      fi
    else
      echo "GET /lockers sends no ETag: the If-None-Match poll is not measured"
    fi
  fi
  if has_part cycles; then
    cycle_driver "$SECONDS_PER_RUN" | tee "$WORK/cycles-$storage-$size.txt"
    read_cycle_result "$k:harbor:cycle" "$WORK/cycles-$storage-$size.txt"
  fi
  measure_memory "$k:harbor" "$out"
  stop_server
}

# BareJavalinFloor on the answers the gateway gave; same warm-up and wrk as the gateway had.
measure_reads_floor() {
  local storage=$1 size=$2 k=$1:$2 answers=$WORK/answers-$1-$2
  # The floor answers 304 only to the ETag the gateway sent with its saved answer.
  if [[ -n ${FIG[$k:etag]:-} ]]; then cp "$answers/poll.headers" "$answers/lockers.headers"; fi
  start_floor_app "$answers" "$WORK/floor-app-$storage-$size.log"
  warm /lockers/1 "$WARMUP"
  warm /lockers "$WARMUP"
  measure_wrk "$k:floor:one" /lockers/1
  measure_wrk "$k:floor:all" /lockers
  if [[ -n ${FIG[$k:etag]:-} ]]; then
    warm /lockers "$((WARMUP / 3 + 1))" -H "If-None-Match: ${FIG[$k:etag]}"
    measure_wrk "$k:floor:poll" /lockers -H "If-None-Match: ${FIG[$k:etag]}"
  fi
  stop_server
}

# pgbench's figures of run $2 (output $3, per-transaction logs with prefix $4) into FIG[$1:…].
# One pgbench transaction is one run of the script file, which is one create and one release, so
# pgbench's tps is cycles/s; a create that found no locker free (SKIP LOCKED can skip them all
# for a moment) inserts nothing, so the rate counted is tps × cycles that inserted / processed.
read_pgbench() {
  local key=$1 inserted=$2 out=$3 logs=$4
  local tps processed failed
  tps=$(awk '/^tps = / {print $3}' "$out")
  processed=$(awk -F': ' '/^number of transactions actually processed/ {print $2}' "$out" | cut -d/ -f1)
  failed=$(awk '/^number of failed transactions/ {print $5}' "$out")
  FIG[$key:tps]=$(printf '%.1f' "$tps")
  FIG[$key:rate]=$(awk -v t="$tps" -v i="$inserted" -v p="$processed" 'BEGIN {printf "%.1f", (p > 0 ? t * i / p : 0)}')
  FIG[$key:errors]=$(( ${failed:-0} + processed - inserted ))
  read -r "FIG[$key:p50]" "FIG[$key:p99]" < <(cat "$logs".* | awk '{print $3}' | sort -n | awk '{v[NR] = $1}
      END {if (NR == 0) {print "0 0"; exit} p50 = v[int(0.5 * NR + 0.999)]; p99 = v[int(0.99 * NR + 0.999)]
           printf "%.2f %.2f\n", p50 / 1000, p99 / 1000}')
  printf '%-34s %8s cycles/s (pgbench tps %s: %s transactions, %s inserted a cycle, %s failed)  p50 %s ms  p99 %s ms\n' \
    "$key" "${FIG[$key:rate]}" "$tps" "$processed" "$inserted" "${failed:-0}" "${FIG[$key:p50]}" "${FIG[$key:p99]}"
}

# pgbench on a copy of the gateway's lockers and transactions tables in schema $3.
measure_pg_floor() {
  local storage=$1 size=$2 gateway_schema=$3 k=$1:$2
  local floor=${gateway_schema}_floor
  psql_run "CREATE SCHEMA $floor" >/dev/null
  SCHEMAS+=("$floor")
  # LIKE … INCLUDING ALL copies the columns, checks, defaults, identity and every index (the
  # partial unique ones too); the foreign keys are left out, and no statement of a cycle changes
  # a foreign-key column, so PostgreSQL would not check them anyway.
  psql_run "CREATE TABLE $floor.lockers (LIKE $gateway_schema.lockers INCLUDING ALL);
            INSERT INTO $floor.lockers OVERRIDING SYSTEM VALUE SELECT * FROM $gateway_schema.lockers;
            CREATE TABLE $floor.transactions (LIKE $gateway_schema.transactions INCLUDING ALL);
            ANALYZE $floor.lockers" >/dev/null
  echo "floor schema $floor: $(psql_run "SELECT count(*) FROM $floor.lockers") lockers, \
$(psql_run "SELECT count(*) FROM $floor.lockers WHERE device_state = 'UNLOCKED' AND holder IS NULL AND NOT out_of_service") free"
  local jobs=$((WORKERS < $(nproc) ? WORKERS : $(nproc)))
  local script variant before after
  for variant in $PG_VARIANTS; do
    script=$BENCH/pgbench/cycle-$variant.sql
    local pgbench_args=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$WORKERS" -j "$jobs"
      -D n=0 -f "$script")
    PGOPTIONS="-c search_path=$floor" pgbench "${pgbench_args[@]}" -T "$((WARMUP / 3 + 1))" \
      -D run="$RANDOM$RANDOM" "$PG_DB" >/dev/null 2>&1
    before=$(psql_run "SELECT count(*) FROM $floor.transactions WHERE released_at IS NOT NULL")
    rm -f "$WORK/pgbench-$variant-$storage-$size".*
    PGOPTIONS="-c search_path=$floor" pgbench "${pgbench_args[@]}" -T "$SECONDS_PER_RUN" \
      -D run="$RANDOM$RANDOM" -l --log-prefix="$WORK/pgbench-$variant-$storage-$size" "$PG_DB" \
      >"$WORK/pgbench-$variant-$storage-$size.txt" 2>&1 \
      || echo "pgbench exited with status $? (clients aborted?): $(grep -m3 -i 'abort\|error' \
           "$WORK/pgbench-$variant-$storage-$size.txt" | tr '\n' ' ')" >&2
    after=$(psql_run "SELECT count(*) FROM $floor.transactions WHERE released_at IS NOT NULL")
    read_pgbench "$k:floor:$variant" "$((after - before))" "$WORK/pgbench-$variant-$storage-$size.txt" \
      "$WORK/pgbench-$variant-$storage-$size"
  done
}

# SqliteCycleFloor on a copy of the gateway's database file (the gateway is stopped: its file is
# checkpointed and closed).
measure_sqlite_floor() {
  local storage=$1 size=$2 k=$1:$2 copy=$WORK/floor-$1-$2.db
  cp "$WORK/data-$storage-$size/harbor.db" "$copy"
  java -cp "$CLASSES:$JAR" -Dbench.db="$copy" -Dbench.workers="$WORKERS" -Dbench.seconds="$SECONDS_PER_RUN" \
    -Dbench.warmupSeconds="$((WARMUP / 3 + 1))" dev.harbor.benchmarks.http.SqliteCycleFloor \
    | tee "$WORK/sqlite-floor-$size.txt"
  read_cycle_result "$k:floor:minimal" "$WORK/sqlite-floor-$size.txt"
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
        all) what="GET /lockers (${FIG[$k:bytes]} bytes)" ;;
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
    log "$storage, $size lockers: the gateway"
    measure_gateway "$storage" "$size"
    if has_part reads; then
      log "$storage, $size lockers: the reads' floor (bare Javalin, the same bytes)"
      measure_reads_floor "$storage" "$size"
    fi
    if has_part cycles; then
      log "$storage, $size lockers: the cycle's floor"
      if [[ $storage == postgres ]]; then
        measure_pg_floor "$storage" "$size" "$SCHEMA"
      else
        measure_sqlite_floor "$storage" "$size"
      fi
    fi
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
