#!/usr/bin/env bash
# The MAF's performance, measured from outside the JVM against the production jar on PostgreSQL, side by side with an
# nginx anchor answering a fixed JSON body over the same mutual TLS, with one load generator, in one run (issue 12).
# Prints numbers and ratios, never pass/fail: the machine is shared and noisy, ratios within one run are what count.
#
#   src/bench/run.sh [--quick] [--no-build] [--aot-cache]
#
#   --quick      skip the 1,000,000-key part (c)
#   --no-build   use target/quarkus-app and target/test-classes as they are
#   --aot-cache  only write the JDK AOT cache target/quarkus-app/app.aot (a training run against a throw-away
#                database), for packaging (README "Production"), then stop
#
# Environment: BENCH_DB (database name on 127.0.0.1:5432, default maf_bench, dropped and re-created),
# BENCH_SECONDS (each measurement, default 10), BENCH_PGUSER (a superuser role, default postgres),
# JAVA_HOME (a JDK 25; default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_JVM_EXTRA (more MAF options),
# BENCH_SERVE_WITHOUT_AOT=1 (the MAF under load is the one started without the AOT cache), BENCH_WARMUP_ROUNDS (at
# most this many warm-up rounds of 10 s per kind of load, default 40).
# Installs nginx-light, haproxy and wrk from Debian packages when missing. Stops everything it started on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/src/bench
RUN=$ROOT/target/bench
APP=$ROOT/target/quarkus-app
QUICK=0 BUILD=1 AOT_ONLY=0
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --aot-cache) AOT_ONLY=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
DB=${BENCH_DB:-maf_bench}
SECS=${BENCH_SECONDS:-10}
PGU=${BENCH_PGUSER:-postgres}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
SP=bench.m2mprovider.org            # the stakeholder (adminFQDN) and the SP-ID of every client
MAF_FQDN=maf.bench.example
KEK_ID=bench-k1
KEK=$(head -c 32 /dev/urandom | base64)
# The production JVM options: the same as src/main/docker/Dockerfile.jvm and deploy/systemd/maf.service.
MAF_JVM_OPTS=(-XX:+UseSerialGC -Xms32m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=48m
              -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=1000 -XX:+ExitOnOutOfMemoryError)
# glibc's malloc arenas, as in production (README "JVM options"): two instead of eight per core.
export MALLOC_ARENA_MAX=2
# BENCH_JVM_EXTRA: more options for the MAF (experiments), e.g. -XX:NativeMemoryTracking=summary (then the native
# memory summary is kept in target/bench/nmt.txt).
read -r -a extra <<<"${BENCH_JVM_EXTRA:-}"
MAF_JVM_OPTS+=("${extra[@]}")
AOT=$APP/app.aot

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- processes: everything started here is stopped on exit, by its own pid ----
PIDS=()
cleanup() {
  set +e
  # A MAF still starting when the run was stopped is not in PIDS yet: its pid is in maf.pid, and its command line
  # names this run's settings file (so a stale pid file never stops someone else's process).
  local starting
  starting=$(cat "$RUN/maf.pid" 2>/dev/null)
  if [[ -n $starting ]] && { tr '\0' ' ' <"/proc/$starting/cmdline"; } 2>/dev/null | grep -q "$RUN/maf.properties"; then
    PIDS+=("$starting")
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  psql -q -h 127.0.0.1 -U "$PGU" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools ----
missing=()
command -v nginx >/dev/null || missing+=(nginx-light)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v wrk >/dev/null || missing+=(wrk)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ---- build: the production jar, the test classes (BenchFixture) and their classpath ----
mkdir -p "$RUN"
cd "$ROOT"
if ((BUILD)) || [[ ! -f $APP/quarkus-run.jar || ! -f target/maf-client.jar ]]; then
  log "building the production jar (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests >"$RUN/build.log" 2>&1 || { cat "$RUN/build.log"; exit 1; }
fi
if [[ ! -s $RUN/classpath.txt || pom.xml -nt $RUN/classpath.txt ]]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$RUN/classpath.txt" >"$RUN/cp.log" 2>&1 \
    || { cat "$RUN/cp.log"; exit 1; }
fi
FIXTURE=("$JAVA" -cp "target/test-classes:target/classes:$(cat "$RUN/classpath.txt")" org.openmaf.bench.BenchFixture)

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
MAF_PORT=$(freeport) MGMT_PORT=$(freeport) NGINX_PORT=$(freeport) TO_MAF=$(freeport) TO_NGINX=$(freeport) INCSE_PORT=$(freeport)
PKI=$RUN/pki
rm -rf "$PKI" "$RUN"/ids-*.txt "$RUN/maf.pid"
"${FIXTURE[@]}" pki "$PKI" "$SP"

# ---- the database ----
psql -q -h 127.0.0.1 -U "$PGU" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
JDBC=jdbc:postgresql://127.0.0.1:5432/$DB

# ---- the MAF ----
cat >"$RUN/maf.properties" <<EOF
maf.fqdn=$MAF_FQDN
maf.tls.server-cert=$PKI/server.pem
maf.tls.server-key=$PKI/server.key
maf.tls.trust-anchors=$PKI/ca.pem
maf.crypto.kek-id=$KEK_ID
quarkus.datasource.jdbc.url=$JDBC
quarkus.datasource.username=$PGU
quarkus.http.ssl-port=$MAF_PORT
quarkus.management.port=$MGMT_PORT
quarkus.management.host=127.0.0.1
mp.jwt.verify.publickey.location=$PKI/jwt-public.pem
mp.jwt.verify.issuer=https://issuer.bench.example/maf-admin
mp.jwt.verify.audiences=https://maf.bench.example/admin
EOF
export MAF_CRYPTO_KEK=$KEK
MAF_PID=
# The path the start-up probe and the bare mutual-TLS load ask for: no /maf procedure, so no database; answered by
# the MAF's own catch-all with 404 / 4004 after the full handshake with client authentication.
BARE_PATH=/bench-bare-tls
start_maf() { # $1: label, then extra JVM options; sets MAF_PID and STARTUP (seconds)
  local label=$1; shift
  local out
  out=$(python3 "$BENCH/startup.py" "$MAF_PORT" "$PKI/bench-in.pem" "$PKI/bench-in.key" "$PKI/ca.pem" "$BARE_PATH" \
        "$RUN/maf-$label.log" "$RUN/maf.pid" 120 -- "$JAVA" "${MAF_JVM_OPTS[@]}" "$@" \
        -Dquarkus.config.locations="file://$RUN/maf.properties" -jar "$APP/quarkus-run.jar") \
        || { echo "$out"; tail -50 "$RUN/maf-$label.log"; exit 1; }
  MAF_PID=$(cat "$RUN/maf.pid"); PIDS+=("$MAF_PID")
  STARTUP=$(field startup_s "$out") STARTUP_CPU=$(field cpu_s "$out")
}
stop_maf() {
  kill "$MAF_PID"
  for _ in $(seq 600); do kill -0 "$MAF_PID" 2>/dev/null || return 0; sleep 0.2; done
  log "MAF $MAF_PID did not stop in 120 s"; kill -9 "$MAF_PID"
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$MAF_PID/status"; }
# VmRSS split into anonymous memory (heap, code, threads, metaspace) and file-backed pages (mostly the mapped AOT cache).
rss_split() { awk '/^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {printf "anonymous %.0f MB, file-backed %.0f MB", a/1024, f/1024}' "/proc/$MAF_PID/status"; }

MAF="https://localhost:$MAF_PORT"
curl_in() { curl -sS --cacert "$PKI/ca.pem" --cert "$PKI/bench-in.pem" --key "$PKI/bench-in.key" "$@"; }
curl_mn() { curl -sS --cacert "$PKI/ca.pem" --cert "$PKI/bench-mn.pem" --key "$PKI/bench-mn.key" "$@"; }
KEY_BODY="{\"m2m:symmKeyReg\":{\"adminFQDN\":\"$SP\",\"suid\":32,\"targetIDs\":[\"//$SP/bench-in\"]}}"
newconn() { # cert-name port method path body procs seconds ok-codes
  python3 "$BENCH/newconn.py" 127.0.0.1 "$2" "$PKI/$1.pem" "$PKI/$1.key" "$PKI/ca.pem" "$3" "$4" "$5" "$6" "$7" tls1.3 "$8"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
DEVICES=8   # BenchFixture.DEVICES: bench-dev-1 to -8, a certificate each
newconn_devices() { # seconds: one client per device, each its own source; prints ok=N bad=N rate=R/s
  local i out=() pids=()
  for i in $(seq "$DEVICES"); do
    out+=("$RUN/devices-$i.txt")
    newconn "bench-dev-$i" "$MAF_PORT" POST /maf/symmKeyRegs "$KEY_BODY" 1 "$1" 201 >"$RUN/devices-$i.txt" & pids+=($!)
  done
  wait "${pids[@]}"
  awk -v secs="$1" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); if (kv[1] == "ok") ok += kv[2]; if (kv[1] == "bad") bad += kv[2]}}
    END {printf "ok=%d bad=%d rate=%.1f/s\n", ok, bad, ok / secs}' "${out[@]}"
}
setup_stakeholder_and_clients() {
  local token
  token=$("${FIXTURE[@]}" token "$PKI")
  # The stakeholder through the admin API, with room for every key the load registers (the default quota is 1,000).
  curl_in -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"adminFqdn\":\"$SP\",\"authorizedClients\":[\"//$SP/*\"],\"maxKeysPerClient\":1000000}" \
    "$MAF/admin/stakeholders" | grep -q 201 || { log "stakeholder not created"; exit 1; }
  for who in in mn $(seq -f 'dev-%g' "$DEVICES"); do
    curl -sS --cacert "$PKI/ca.pem" --cert "$PKI/bench-$who.pem" --key "$PKI/bench-$who.key" -o /dev/null \
      -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"m2m:mafClientReg\":{\"adminFQDN\":\"$SP\"}}" "$MAF/maf/mafClientRegs" | grep -q 201 \
      || { log "client registration of bench-$who refused"; exit 1; }
  done
}
seed() { # count sample ids-file
  "${FIXTURE[@]}" seed "$JDBC" "$PGU" "$1" "$SP" "//$SP/seed-" "//$SP/bench-in" "$KEK_ID" "$KEK" "$3" "$2" >&2
  # The tables as autovacuum and the checkpointer leave them in a MAF that has run a while: fresh statistics (planned
  # on those of the nearly empty tables, the retrieval's statement is measured on a plan no running MAF would use),
  # the rows' hint bits and visibility map set, and the loaded pages written out. Right after a bulk load the first
  # read of each row dirties its page, and autovacuum and a checkpoint start during the measurement: that measures
  # the load, not a database of that size.
  psql -q -h 127.0.0.1 -U "$PGU" -d "$DB" -c "vacuum (analyze)" -c "checkpoint" >/dev/null
}

# The machine's own speed, before and after the run: OpenSSL's X25519 operations per second on one core. On a shared
# machine a neighbour can slow every figure of a run by a third; a run whose two readings differ much, or differ from
# other runs' readings, is not one to compare with them.
machine_speed() { openssl speed -seconds 2 ecdhx25519 2>/dev/null | awk '/X25519/ {printf "%.0f", $NF}'; }
SPEED_BEFORE=$(machine_speed)

# ---- 1. training run for the AOT cache (JEP 483/514/515): start-up, registrations, retrievals, shutdown ----
# The cache belongs to one jar and one set of JVM options: a change of either trains again.
if ((AOT_ONLY)) || [[ ! -f $AOT || $APP/quarkus-run.jar -nt $AOT || "$(cat "$AOT.options" 2>/dev/null)" != "${MAF_JVM_OPTS[*]}" ]]; then
  log "AOT training run (writes $AOT at exit)"
  rm -f "$AOT"
  start_maf train -XX:AOTCacheOutput="$AOT"
  setup_stakeholder_and_clients
  seed 1000 1000 "$RUN/ids-train.txt"
  newconn bench-mn "$MAF_PORT" POST /maf/symmKeyRegs "$KEY_BODY" 2 5 201 >/dev/null
  newconn bench-in "$MAF_PORT" GET "/maf/symmKeyRegs/$(head -1 "$RUN/ids-train.txt")" - 2 3 200 >/dev/null
  newconn bench-in "$MAF_PORT" GET $BARE_PATH - 2 2 404 >/dev/null
  stop_maf
  [[ -f $AOT ]] || { log "no AOT cache written"; tail -30 "$RUN/maf-train.log"; exit 1; }
  echo "${MAF_JVM_OPTS[*]}" >"$AOT.options"
  log "AOT cache: $(du -h "$AOT" | cut -f1)"
  psql -q -h 127.0.0.1 -U "$PGU" -d postgres -c "drop database $DB with (force)" -c "create database $DB" >/dev/null
fi
((AOT_ONLY)) && exit 0

# ---- 2. start-up (on a migrated database, the usual restart): without, then with the AOT cache ----
# One start differs from the next by a tenth of a second or more on a shared machine, so each figure is the median of
# three starts, printed with their range. The last start with the cache serves the rest of the run;
# BENCH_SERVE_WITHOUT_AOT=1 keeps the last one without it instead, to see what the cache costs in resident memory.
startups() { # label keep-the-last-running(0/1) [JVM options]; sets STARTUP, STARTUP_CPU (medians), STARTUP_RANGE
  local label=$1 keep=$2 i walls=() cpus=()
  shift 2
  for i in 1 2 3; do
    start_maf "$label" "$@"; walls+=("$STARTUP"); cpus+=("$STARTUP_CPU")
    ((i == 3 && keep)) || stop_maf
  done
  STARTUP=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
  STARTUP_CPU=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 2p)
  STARTUP_RANGE=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n '1p;3p' | paste -sd-)
}
start_maf migrate; stop_maf                       # first start: Flyway creates the schema
if [[ -n ${BENCH_SERVE_WITHOUT_AOT:-} ]]; then
  startups aot 0 -XX:AOTCache="$AOT"; STARTUP_AOT=$STARTUP CPU_AOT=$STARTUP_CPU RANGE_AOT=$STARTUP_RANGE
  startups plain 1; STARTUP_PLAIN=$STARTUP CPU_PLAIN=$STARTUP_CPU RANGE_PLAIN=$STARTUP_RANGE
else
  startups plain 0; STARTUP_PLAIN=$STARTUP CPU_PLAIN=$STARTUP_CPU RANGE_PLAIN=$STARTUP_RANGE
  startups aot 1 -XX:AOTCache="$AOT"; STARTUP_AOT=$STARTUP CPU_AOT=$STARTUP_CPU RANGE_AOT=$STARTUP_RANGE
fi
log "start-up, median of 3: ${STARTUP_PLAIN}s (${RANGE_PLAIN}; ${CPU_PLAIN} CPU-s) without, ${STARTUP_AOT}s (${RANGE_AOT}; ${CPU_AOT} CPU-s) with the AOT cache"
setup_stakeholder_and_clients

# ---- the anchor and the TLS origination hop ----
sed -e "s|@PKI@|$PKI|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@RUN@|$RUN|g" "$BENCH/nginx.conf" >"$RUN/nginx.conf"
nginx -p "$RUN" -c "$RUN/nginx.conf" -g 'daemon off;' & PIDS+=($!)
sed -e "s|@PKI@|$PKI|g" -e "s|@TOMAF@|$TO_MAF|g" -e "s|@TONGINX@|$TO_NGINX|g" -e "s|@MAFPORT@|$MAF_PORT|g" \
    -e "s|@NGINXPORT@|$NGINX_PORT|g" -e "s|@CLIENTPEM@|$PKI/bench-in-both.pem|g" "$BENCH/haproxy.cfg" >"$RUN/haproxy.cfg"
haproxy -q -db -f "$RUN/haproxy.cfg" & PIDS+=($!)
sleep 1

# ---- warm-up: a MAF in service has long finished compiling its hot paths; nginx never compiles anything ----
# The MAF has just started. On a slow machine its JIT compiles the handshake and procedure paths for minutes (seen:
# C2 busy for a third of a core 60 s into the registrations, bare mTLS at 352/s after 20 s and 557/s after 4
# minutes), so each kind of load is repeated in rounds of 10 s until the JIT compiled for less than 0.5 s of a round
# (5 % of a core; jstat's compile time), at most BENCH_WARMUP_ROUNDS (default 40). Each round's rate is logged, and
# the number of rounds is printed with the table. The cap was 12 until a slow machine showed the registrations still
# rising from 210/s at round 12 to 330/s at round 28, where the JIT settled: C2's queue drains slowly when the load
# takes both cores, and hot handshake methods ran profiled C1 code for two minutes (README, "The tenth round").
jit_seconds() { "$JAVA_HOME/bin/jstat" -compiler "$MAF_PID" | awk 'NR == 2 {print $4}'; }
settle() { # label, then a command that loads the MAF for 10 s; appends "label: N rounds" to WARMUP
  local label=$1 round before after
  shift
  for round in $(seq "${BENCH_WARMUP_ROUNDS:-40}"); do
    before=$(jit_seconds)
    "$@" | awk -v tag="[warm-up $label $round]" '/rate=|^Requests\/sec/ {print tag, $0}' >&2
    after=$(jit_seconds)
    awk -v b="$before" -v a="$after" 'BEGIN {exit !(a - b < 0.5)}' && break
  done
  log "$label: warmed up in $round rounds of 10 s (JIT $(awk -v b="$before" -v a="$after" 'BEGIN {printf "%.1f", a - b}') s in the last)"
  WARMUP+="${WARMUP:+, }$label $round x 10 s"
}
WARMUP=

# ---- CPU per request: where a request's CPU goes, however busy the machine is ----
# The CPU time the MAF's JVM and PostgreSQL (every process of the cluster: backends, WAL writer, checkpointer) used
# during a measurement, divided by the requests it served. It moves less with the neighbours' load than a rate does,
# though not nothing (README, "The tenth round"); with the rates, it tells whether a change made a request cheaper.
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_mark() { # "MAF-ticks PostgreSQL-ticks"
  local pg=0 pid
  for pid in $(pgrep -u postgres -x postgres); do pg=$((pg + $(cpu_ticks "$pid"))); done
  echo "$(cpu_ticks "$MAF_PID") $pg"
}
cpu_per_request() { # mark-before mark-after requests
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$TICK" 'BEGIN {split(b, x, " "); split(a, y, " ");
    if (n > 0) printf "MAF %.2f ms, PostgreSQL %.2f ms", (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n}'
}

# ---- (a) new mutual-TLS connection per request, 8 clients ----
log "(a) registrations, a new TLS 1.3 connection each"
# Warm-up from the 8 devices (above), then 3 s from the shared certificate.
settle registrations newconn_devices 10
newconn bench-mn "$MAF_PORT" POST /maf/symmKeyRegs "$KEY_BODY" 8 3 201 >/dev/null
CPU_BEFORE=$(cpu_mark)
REG=$(newconn bench-mn "$MAF_PORT" POST /maf/symmKeyRegs "$KEY_BODY" 8 "$SECS" 201)
CPU_REG=$(cpu_per_request "$CPU_BEFORE" "$(cpu_mark)" "$(field ok "$REG")")
# The same load from 8 devices, each registering its own keys: a source's registrations queue for its key ceiling's
# row (locked from the update in their one statement to its commit), those of different sources do not.
REG_DEVICES=$(newconn_devices "$SECS")
CPU_BEFORE=$(cpu_mark)
BARE=$(newconn bench-mn "$MAF_PORT" GET $BARE_PATH - 8 "$SECS" 404)
CPU_BARE=$(cpu_per_request "$CPU_BEFORE" "$(cpu_mark)" "$(field ok "$BARE")")
NGX_NEW=$(newconn bench-mn "$NGINX_PORT" POST /maf/symmKeyRegs "$KEY_BODY" 8 "$SECS" 201)
log "MAF $REG"; log "MAF, 8 devices: $REG_DEVICES"; log "bare $BARE"; log "nginx $NGX_NEW"

# ---- (b), (c) kept-alive retrievals: wrk, 16 connections, through HAProxy ----
wrk_run() { # plain-port ids-file seconds
  wrk -t1 -c16 -d"$3"s --latency -s "$BENCH/retrieve.lua" "http://127.0.0.1:$1" -- "$2"
}
wrk_rate() { awk '/^Requests\/sec/ {print $2}' <<<"$1"; }
wrk_pct() { awk -v p="$2" '$1==p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"; }
wrk_count() { awk '/ requests in / {print $1}' <<<"$1"; }
wrk_errors() { awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); e=$0} END {print (e ? e : 0)}' <<<"$1"; }
wrk_bad() { awk '/Non-2xx/ {n=$NF} /Socket errors/ {e=$0} END {print (n ? n : 0) (e ? " " e : "")}' <<<"$1"; }

log "(c) 1,000 stored keys"
seed 1000 1000 "$RUN/ids-1k.txt"
# The first kept-alive load: a long warm-up (the JIT compiles the retrieval path), so that the 1,000-key rate is not
# that of a colder JVM than the rates measured after it.
settle retrievals wrk_run "$TO_MAF" "$RUN/ids-1k.txt" 10
RET_1K=$(wrk_run "$TO_MAF" "$RUN/ids-1k.txt" "$SECS")
log "MAF, 1,000 keys: $(wrk_rate "$RET_1K")/s"

log "(b) 10,000 stored keys, MAF and nginx"
seed 9000 9000 "$RUN/ids-9k.txt"
cat "$RUN/ids-1k.txt" "$RUN/ids-9k.txt" >"$RUN/ids-10k.txt"
wrk_run "$TO_MAF" "$RUN/ids-10k.txt" 3 >/dev/null
CPU_BEFORE=$(cpu_mark)
RET_10K=$(wrk_run "$TO_MAF" "$RUN/ids-10k.txt" "$SECS")
CPU_RET=$(cpu_per_request "$CPU_BEFORE" "$(cpu_mark)" "$(wrk_count "$RET_10K")")
wrk_run "$TO_NGINX" "$RUN/ids-10k.txt" 3 >/dev/null
RET_NGX=$(wrk_run "$TO_NGINX" "$RUN/ids-10k.txt" "$SECS")
RSS_10K=$(rss_mb)
log "MAF, 10,000 keys: $(wrk_rate "$RET_10K")/s; nginx $(wrk_rate "$RET_NGX")/s; RSS ${RSS_10K} MB"

# The retrievals' own floor in the MAF: the same 16 kept-alive connections through the same hop, asking for the bare
# path (404 / 4004 from the MAF's catch-all: Vert.x, RESTEasy, the error body, the access log; no database, no audit
# record). What a retrieval costs beyond it is ours; what it costs up to it is the framework's, as bare mTLS is for
# a registration's handshake.
wrk_bare() { # plain-port seconds
  wrk -t1 -c16 -d"$2"s --latency "http://127.0.0.1:$1$BARE_PATH"
}
bare_code=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TO_MAF$BARE_PATH")
[[ $bare_code == 404 ]] || { log "kept-alive bare: expected 404 through HAProxy, got $bare_code"; exit 1; }
settle "kept-alive bare" wrk_bare "$TO_MAF" 10
CPU_BEFORE=$(cpu_mark)
RET_BARE=$(wrk_bare "$TO_MAF" "$SECS")
CPU_RET_BARE=$(cpu_per_request "$CPU_BEFORE" "$(cpu_mark)" "$(wrk_count "$RET_BARE")")
log "MAF, kept-alive bare: $(wrk_rate "$RET_BARE")/s"

RET_1M= RSS_1M=
if ((!QUICK)); then
  log "(c) 1,000,000 stored keys (sealed by KeyEncryption, COPY into PostgreSQL)"
  seed 990000 90000 "$RUN/ids-990k.txt"
  # 100,000 distinct keys drawn from the million: the 10,000 above and 90,000 of the new ones.
  cat "$RUN/ids-10k.txt" "$RUN/ids-990k.txt" >"$RUN/ids-1m.txt"
  wrk_run "$TO_MAF" "$RUN/ids-1m.txt" 3 >/dev/null
  RET_1M=$(wrk_run "$TO_MAF" "$RUN/ids-1m.txt" "$SECS")
  RSS_1M=$(rss_mb)
  log "MAF, 1,000,000 keys: $(wrk_rate "$RET_1M")/s; RSS ${RSS_1M} MB"
fi

# ---- (d) security associations end to end: register at the MAF, TLS-PSK at the demo IN-CSE, which retrieves ----
log "(d) security associations"
"$JAVA" -Xmx64m -jar target/maf-client.jar in-cse-demo --maf "$MAF" --maf-fqdn "$MAF_FQDN" --cert "$PKI/bench-in.pem" \
  --key "$PKI/bench-in.key" --ca "$PKI/ca.pem" --port "$INCSE_PORT" >"$RUN/in-cse.log" 2>&1 & PIDS+=($!)
for _ in $(seq 100); do grep -q 'IN-CSE demo listening' "$RUN/in-cse.log" && break; sleep 0.2; done
# 5 s of warm-up first, in the same JVM as the measurement, so that the load generator's own class loading and JIT
# are not in the p99. The MAF's and PostgreSQL's CPU per association is that of the whole run (warm-up included)
# divided by every association completed in it.
CPU_BEFORE=$(cpu_mark)
SA=$("${FIXTURE[@]}" sa "$MAF" "$MAF_FQDN" "$PKI" "$SP" "$SP" "$INCSE_PORT" 8 "$SECS" 5 2>/dev/null)
CPU_SA=$(cpu_per_request "$CPU_BEFORE" "$(cpu_mark)" "$(field all "$SA")")
RSS_END=$(rss_mb) RSS_SPLIT=$(rss_split)
HWM=$(awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$MAF_PID/status")

# ---- (c) again: 1,000 stored keys, at the end of the run ----
# The 1,000-key rate of (c) was measured minutes before the million, and a shared machine drifts by more than the
# million costs (seen: the same 1,000 keys at 2,554/s before the million, 2,006/s after it). So the million's rate is
# also compared with a database of 1,000 keys measured after it: the keys are removed (TRUNCATE, and the seeded
# sources' registrations) and 1,000 new ones seeded, on the same running MAF.
RET_1K_AFTER=
if ((!QUICK)); then
  log "(c) 1,000 stored keys again, after the million"
  psql -q -h 127.0.0.1 -U "$PGU" -d "$DB" -c "truncate key_registration, key_target, used_kcid" \
    -c "delete from client_registration where client_id like '//$SP/seed-%'" >/dev/null
  seed 1000 1000 "$RUN/ids-1k-after.txt"
  wrk_run "$TO_MAF" "$RUN/ids-1k-after.txt" 3 >/dev/null
  RET_1K_AFTER=$(wrk_run "$TO_MAF" "$RUN/ids-1k-after.txt" "$SECS")
  log "MAF, 1,000 keys after the million: $(wrk_rate "$RET_1K_AFTER")/s"
fi
if [[ ${BENCH_JVM_EXTRA:-} == *NativeMemoryTracking* ]]; then
  "$JAVA_HOME/bin/jcmd" "$MAF_PID" VM.native_memory summary >"$RUN/nmt.txt" 2>&1 || true
  grep -E '^(Total|-)[: ]|^ +\((malloc|mmap)' "$RUN/nmt.txt" | sed 's/^/  /' >&2 || true
fi

# ---- the table ----
ratio() { python3 -c "import sys; a,b=sys.argv[1:]; print(f'{float(a)/float(b):.2f}' if a and b and float(b) else '-')" "$1" "$2"; }
r_reg=$(field rate "$REG") r_dev=$(field rate "$REG_DEVICES") r_bare=$(field rate "$BARE") r_ngx=$(field rate "$NGX_NEW")
r_10k=$(wrk_rate "$RET_10K") r_ngxk=$(wrk_rate "$RET_NGX") r_1k=$(wrk_rate "$RET_1K") r_kbare=$(wrk_rate "$RET_BARE")
r_1m=$([[ -n $RET_1M ]] && wrk_rate "$RET_1M" || true)
r_1k_after=$([[ -n $RET_1K_AFTER ]] && wrk_rate "$RET_1K_AFTER" || true)
SPEED_AFTER=$(machine_speed)
cat <<EOF

MAF benchmark, $(date -u +%FT%TZ), $(nproc) cores, load ${SECS}s each; MAF JVM: ${MAF_JVM_OPTS[*]}
Machine speed (openssl speed ecdhx25519, operations/s on one core): ${SPEED_BEFORE} before the run, ${SPEED_AFTER} after it
Warm-up until the JIT settled: ${WARMUP}

| figure | MAF | nginx (the floor) | ratio |
|---|---|---|---|
| key registrations/s, new TLS 1.3 mTLS connection each, 8 clients | $r_reg (p50 $(field p50_ms "$REG") ms, p99 $(field p99_ms "$REG") ms) | $r_ngx | $(ratio "$r_reg" "$r_ngx") |
| same, 8 devices, each registering its own keys (8 sources) | $r_dev | | $(ratio "$r_dev" "$r_ngx") |
| same, bare mTLS (GET $BARE_PATH, 404 without the database) | $r_bare | | $(ratio "$r_bare" "$r_ngx") |
| registrations / bare mTLS of the MAF | | | $(ratio "$r_reg" "$r_bare") |
| key retrievals/s, 16 kept-alive connections, 10,000 keys at random | $r_10k (p50 $(wrk_pct "$RET_10K" 50%) ms, p99 $(wrk_pct "$RET_10K" 99%) ms) | $r_ngxk (p99 $(wrk_pct "$RET_NGX" 99%) ms) | $(ratio "$r_10k" "$r_ngxk") |
| same, kept-alive bare (GET $BARE_PATH, 404 without the database) | $r_kbare (p50 $(wrk_pct "$RET_BARE" 50%) ms, p99 $(wrk_pct "$RET_BARE" 99%) ms) | | $(ratio "$r_kbare" "$r_ngxk") |
| retrievals / kept-alive bare of the MAF | | | $(ratio "$r_10k" "$r_kbare") |
| key retrievals/s with 1,000 stored keys | $r_1k (p99 $(wrk_pct "$RET_1K" 99%) ms) | | |
| key retrievals/s with 1,000,000 stored keys (100,000 at random) | ${r_1m:-skipped (--quick)}$([[ -n $r_1m ]] && echo " (p99 $(wrk_pct "$RET_1M" 99%) ms)") | | $([[ -n $r_1m ]] && echo "$(ratio "$r_1m" "$r_1k") vs 1,000 keys before, $(ratio "$r_1m" "$r_1k_after") vs after") |
| key retrievals/s with 1,000 stored keys again, after the million | ${r_1k_after:-skipped (--quick)}$([[ -n $r_1k_after ]] && echo " (p99 $(wrk_pct "$RET_1K_AFTER" 99%) ms)") | | |
| security associations/s end to end, 8 devices | $(field rate "$SA") (p50 $(field p50_ms "$SA") ms, p99 $(field p99_ms "$SA") ms; registration p50 $(field registration_median "$SA") ms) | | |
| start-up of the production jar to its first answered TLS request, median of 3 starts | ${STARTUP_AOT} s with the AOT cache (${RANGE_AOT} s; ${CPU_AOT} CPU-s), ${STARTUP_PLAIN} s without (${RANGE_PLAIN} s; ${CPU_PLAIN} CPU-s) | | |
| RSS of the MAF (VmRSS) | ${RSS_10K} MB after (a)+(b), ${RSS_1M:--} MB after (c), ${RSS_END} MB at the end ($RSS_SPLIT; peak ${HWM} MB) | | |

CPU per request, during the measurement (from /proc; the MAF's JVM, and PostgreSQL): registrations $CPU_REG; \
bare mTLS $CPU_BARE; retrievals (10,000 keys) $CPU_RET; kept-alive bare $CPU_RET_BARE; security associations $CPU_SA

Failures (should be 0): registrations bad=$(field bad "$REG"), devices bad=$(field bad "$REG_DEVICES"), bare bad=$(field bad "$BARE"), nginx bad=$(field bad "$NGX_NEW"), \
retrievals non-2xx 1k=$(wrk_bad "$RET_1K") 10k=$(wrk_bad "$RET_10K") kept-alive bare socket errors=$(wrk_errors "$RET_BARE")$([[ -n $RET_1M ]] && echo " 1M=$(wrk_bad "$RET_1M") 1k after=$(wrk_bad "$RET_1K_AFTER")"), \
security associations bad=$(field bad "$SA")
EOF
