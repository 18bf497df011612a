#!/usr/bin/env bash
# Presence benchmark: USERS distinct users' heartbeats (POST /api/presence/heartbeat) against the
# no-op GET /api/me (token check + the caller as JSON, no database) in the same run, alternated
# twice (no-op, heartbeat, no-op, heartbeat) so that a change in the machine's load shows. Load
# generator: wrk (installed with apt if missing; C, epoll, WRK_THREADS threads, CONNECTIONS
# keep-alive connections, closed loop) with bench/wrk-tokens.lua, which gives every request the
# next user's RS256 token. bench/issuer-serve.mjs signs the tokens and serves their JWKS, so no
# Keycloak runs. Besides throughput and latency, each phase reports the CPU time per request of
# the node (java), of PostgreSQL and of wrk — on a shared machine the CPU cost is the steadier
# figure. Then: how many users the database shows online, and the node's heap after GC and RSS.
# Starts its own Convene (embedded default, fresh data, other ports, loopback only); everything
# stops on exit. Not part of ./mvnw verify.
#   bench/presence-benchmark.sh [SECONDS] [CONNECTIONS] [USERS]
set -euo pipefail
seconds="${1:-30}"
connections="${2:-16}"
users="${3:-100000}"
threads="${WRK_THREADS:-2}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v wrk > /dev/null; then
  echo "bench: installing wrk ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) > /dev/null
fi
for port in 18080 18081 18190 15433 19092 19093 19000; do
  if ss -Htln "sport = :$port" | grep -q .; then echo "bench: port $port is in use (another benchmark?)" >&2; exit 1; fi
done
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund --silent)

export CONVENE_PORT=18080 CONVENE_POSTGRES_PORT=15433 CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 \
       CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081 CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:18190/realms/bench
work="$(mktemp -d)"
issuer=""
bench_cleanup() {
  [ -n "$issuer" ] && kill "$issuer" 2>/dev/null && wait "$issuer" 2>/dev/null
  rm -rf "$work"
}
CONVENE_BENCH_START=later
source "$bench/convene-for-bench.sh"

node "$bench/issuer-serve.mjs" --users "$users" --out "$work/tokens.txt" > "$work/issuer.out" &
issuer=$!
until grep -qs ready "$work/issuer.out"; do kill -0 "$issuer" || exit 1; sleep 1; done
convene_start
postmaster="$(ss -Htlnp "sport = :15433" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"

load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU clock ticks (1/100 s) used so far by the node, and by PostgreSQL (the postmaster, its live
# backends, and its exited children)
node_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
pg_ticks() {
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for p in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
  } | awk '{s += $1} END {print s}'
}
# the token cache's hits and misses so far (the node's metrics, read with the issuer's admin token)
cache_gets() {
  curl -s -H "Authorization: Bearer $(cat "$work/tokens.txt.admin")" http://127.0.0.1:18080/actuator/prometheus |
    awk '/^cache_gets_total/ && /convene.token.cache/ { if (/result="hit"/) h = $2; if (/result="miss"/) m = $2 }
         END { printf "%d %d\n", h, m }'
}
# the node's background CPU (relay polling, sweeps, Kafka, job executor) with no requests: subtracted below
n0=$(node_ticks); p0=$(pg_ticks); sleep 10
idle_node=$(( $(node_ticks) - n0 )); idle_pg=$(( $(pg_ticks) - p0 ))

# one closed-loop wrk phase: the Lua summary (JSON) plus the phase's name, load average and CPU ticks
phase() {
  local name="$1" method="$2" path="$3" duration="$4" before n0 p0 h0 m0 h1 m1
  before="$(load)"; n0=$(node_ticks); p0=$(pg_ticks); read -r h0 m0 < <(cache_gets)
  { TIMEFORMAT='cpu %U %S'; time wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s \
      -s "$bench/wrk-tokens.lua" http://127.0.0.1:18080 -- "$method" "$path" "$work/tokens.txt" > "$work/wrk.out"; } \
    2> "$work/wrk.time"
  local wrk_cpu node pg
  wrk_cpu="$(awk '/^cpu/{print $2 + $3}' "$work/wrk.time")"
  node=$(( $(node_ticks) - n0 )); pg=$(( $(pg_ticks) - p0 )); read -r h1 m1 < <(cache_gets)
  tail -1 "$work/wrk.out" | sed "s|^{|{\"phase\":\"$name\",\"load\":\"$before\",\"cacheHits\":$((h1 - h0)),\"cacheMisses\":$((m1 - m0)),\"nodeTicks\":$node,\"pgTicks\":$pg,\"wrkCpu\":$wrk_cpu,\"idleNodeTicksPer10s\":$idle_node,\"idlePgTicksPer10s\":$idle_pg,|" \
    | tee -a "$work/phases.json" >&2
}
echo "bench: $users users, $seconds s per phase, wrk $threads threads / $connections connections ..." >&2
phase warm-up-noop GET /api/me "$seconds" > /dev/null 2>&1
phase warm-up-heartbeat POST /api/presence/heartbeat "$seconds" > /dev/null 2>&1
: > "$work/phases.json"
for round in 1 2; do
  phase "noop $round" GET /api/me "$seconds"
  phase "heartbeat $round" POST /api/presence/heartbeat "$seconds"
done
# the last phase's users (it starts again from the first user) are written by the 1 s batch writer
expected="$(node -e 'const p = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse).pop();
  console.log(Math.min(Number(process.argv[2]), p.requests))' "$work/phases.json" "$users")"
online=0
for waited in $(seq 1 60); do
  sleep 1
  online="$(java -cp "$pg_driver" "$bench/BenchSql.java" jdbc:postgresql://127.0.0.1:15433/postgres \
    "select count(*) from presence where status = 'online' and last_heartbeat > now() - interval '90 seconds'")"
  [ "$online" -ge "$expected" ] && break
done
rows="$(java -cp "$pg_driver" "$bench/BenchSql.java" jdbc:postgresql://127.0.0.1:15433/postgres \
  "select count(*) || ' rows, ' || count(*) filter (where status = 'online') || ' announced online, newest heartbeat '
          || coalesce(round(extract(epoch from now() - max(last_heartbeat)))::text, '–') || ' s ago' from presence")"
jcmd "$app" GC.run > /dev/null
heap="$(jcmd "$app" GC.heap_info | sed -nE 's/.*total ([0-9]+)K, used ([0-9]+)K.*/\2/p' | head -1)"
rss="$(awk '/VmRSS/{print $2}' "/proc/$app/status")"

node --input-type=module -e '
import fs from "node:fs";
const phases = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const ms = (us) => (us / 1000).toFixed(2);
// µs of CPU per request: ticks are 10 ms; the node'"'"'s idle background is subtracted
const per = (p, ticks, idlePer10s) => Math.max(0, (ticks - idlePer10s * p.seconds / 10) * 10000 / p.requests).toFixed(0);
console.log("| phase | load avg before | requests | non-2xx / socket errors | requests/s | p50 / p90 / p99 / max (ms) | CPU µs per request: node / PostgreSQL / wrk | token cache hits |");
console.log("|---|---|---|---|---|---|---|---|");
for (const p of phases) {
  console.log(`| ${p.phase} | ${p.load} | ${p.requests} | ${p.non2xx} / ${p.connectErrors + p.readErrors + p.writeErrors + p.timeouts} | ` +
    `${p.perSecond.toFixed(0)} | ${ms(p.p50)} / ${ms(p.p90)} / ${ms(p.p99)} / ${ms(p.max)} | ` +
    `${per(p, p.nodeTicks, p.idleNodeTicksPer10s)} / ${per(p, p.pgTicks, p.idlePgTicksPer10s)} / ${(p.wrkCpu * 1e6 / p.requests).toFixed(0)} | ` +
    `${(100 * p.cacheHits / Math.max(1, p.cacheHits + p.cacheMisses)).toFixed(0)} % |`);
}
for (let i = 0; i + 1 < phases.length; i += 2) {
  const [n, h] = [phases[i], phases[i + 1]];
  console.log(`round ${i / 2 + 1}: heartbeat/no-op throughput ${(h.perSecond / n.perSecond).toFixed(2)}, ` +
    `p99 ${ms(h.p99)} ms vs ${ms(n.p99)} ms`);
}
console.log(`node background CPU without requests: ${phases[0].idleNodeTicksPer10s} ms/s (java), ${phases[0].idlePgTicksPer10s} ms/s (PostgreSQL)`);
' "$work/phases.json"
echo "users online in the database ${waited} s after the last round: $online of the $expected it sent heartbeats for ($rows)"
echo "node with the users present: heap used after GC $((heap / 1024)) MiB, RSS $((rss / 1024)) MiB (java + embedded Kafka/S3 in one process; PostgreSQL is its own process)"
echo "load average at the end: $(load)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
