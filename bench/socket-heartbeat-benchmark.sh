#!/usr/bin/env bash
# Socket heartbeat benchmark (issue 9: heartbeats ≥ 15,000/s with p99 ≤ 10 ms against a no-op in the
# same run): SOCKETS authenticated Socket.IO sockets (socket.io-client 4.8.1, websocket transport,
# one connection and one user each, RS256 tokens signed by bench/issuer-serve.mjs, which serves the
# JWKS: no Keycloak runs), spread over PROCS Node processes (bench/socket-heartbeat-client.mjs).
# Closed loop: INFLIGHT emits outstanding in all, at most one per socket; each emit waits for its
# ack. Heartbeat = `presence:heartbeat` (no payload; ack {ok: true, data: {}}). Baseline, same
# sockets, same loop: an unknown event (`bench:noop`), which the gateway answers with a 400 problem
# ack without calling any use case. Phases: a warm-up of each, then no-op, heartbeat, no-op,
# heartbeat, SECONDS each. Per phase: acks/s, ack latency p50/p90/p99/max, the CPU time per ack of
# the node (its idle background subtracted), of PostgreSQL and of the client processes, the load
# average. Then how many users the database shows heartbeated (last_heartbeat written by the 1 s
# batch writer) and online. Starts its own Convene (embedded default, fresh data, ports
# 48080/48081/45433/49092/49093/49000, issuer 48190, loopback only); everything stops on exit.
# Not part of ./mvnw verify.
#   bench/socket-heartbeat-benchmark.sh [SECONDS] [SOCKETS] [INFLIGHT] [PROCS]
set -euo pipefail
seconds="${1:-30}"
sockets="${2:-2000}"
inflight="${3:-24}"
procs="${4:-2}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((sockets + 2000)) ]; then
  echo "bench: ulimit -n is $(ulimit -n); $sockets sockets need at least $((sockets + 2000))" >&2
  exit 1
fi
for port in 48080 48081 48190 45433 49092 49093 49000; do
  if ss -Htln "sport = :$port" | grep -q .; then echo "bench: port $port is in use (another benchmark?)" >&2; exit 1; fi
done
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund --silent)

export CONVENE_PORT=48080 CONVENE_POSTGRES_PORT=45433 CONVENE_KAFKA_PORT=49092 CONVENE_KAFKA_CONTROLLER_PORT=49093 \
       CONVENE_S3_PORT=49000 CONVENE_REALTIME_PORT=48081 CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:48190/realms/bench
work="$(mktemp -d)"
issuer=""
bench_cleanup() {
  [ -n "$issuer" ] && kill "$issuer" 2>/dev/null && wait "$issuer" 2>/dev/null
  rm -rf "$work"
}
CONVENE_BENCH_START=later
source "$bench/convene-for-bench.sh"
db=jdbc:postgresql://127.0.0.1:45433/postgres
sql() { java -cp "$pg_driver" "$bench/BenchSql.java" "$db" "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

node "$bench/issuer-serve.mjs" --users "$sockets" --out "$work/tokens.txt" --issuer-port 48190 > "$work/issuer.out" &
issuer=$!
until grep -qs ready "$work/issuer.out"; do kill -0 "$issuer" || exit 1; sleep 1; done
convene_start
postmaster="$(ss -Htlnp "sport = :45433" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!docs' || echo '+changes')"
[ -n "${CONVENE_BENCH_JAR:-}" ] && commit="$commit (node: $CONVENE_BENCH_JAR)"

echo "bench: $sockets sockets over $procs processes, $inflight emits in flight, $seconds s per phase, load $(load) ..." >&2
node "$bench/socket-heartbeat-client.mjs" --url http://127.0.0.1:48081 --tokens "$work/tokens.txt" \
  --sockets "$sockets" --procs "$procs" --inflight "$inflight" --seconds "$seconds" --pid "$app" --postmaster "$postmaster" \
  --phases "warm-up-noop:bench:noop,warm-up-heartbeat:presence:heartbeat,noop 1:bench:noop,heartbeat 1:presence:heartbeat,noop 2:bench:noop,heartbeat 2:presence:heartbeat" \
  > "$work/phases.json"

# the last heartbeat phase's users are written by the 1 s batch writer (PresenceSweep.flushHeartbeats)
since="$(node -e 'const p = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
  .filter((l) => l.event === "presence:heartbeat").pop(); console.log(p.startedAt)' "$work/phases.json")"
heartbeated=0
for waited in $(seq 1 30); do
  sleep 1
  heartbeated="$(sql "select count(*) from presence where user_id like 'bench-user-%' and last_heartbeat >= '$since'")"
  [ "$heartbeated" -ge "$sockets" ] && break
done
rows="$(sql "select count(*) || ' bench users'' rows, ' || count(*) filter (where status = 'online') || ' announced online, '
  || count(*) filter (where last_heartbeat is not null) || ' with a heartbeat, newest '
  || coalesce(round(extract(epoch from now() - max(last_heartbeat)))::text, '–') || ' s ago' from presence where user_id like 'bench-user-%'")"

node --input-type=module -e '
import fs from "node:fs";
const phases = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l))
  .filter((p) => !p.phase.startsWith("warm-up"));
const ms = (v) => v.toFixed(2);
// µs of CPU per ack; ticks are 10 ms; net = the node'"'"'s and PostgreSQL'"'"'s idle background subtracted
const per = (p, ticks, idlePerSecond) => Math.max(0, (ticks - idlePerSecond * p.wall) * 10000 / p.acks).toFixed(1);
const raw = (p, ticks) => (ticks * 10000 / p.acks).toFixed(1);
const client = (p) => p.clientCpuMicros.reduce((a, b) => a + b, 0);
const cores = (p, micros) => (micros / 1e6 / p.wall).toFixed(2);
console.log("| phase | load avg before | acks | answers | acks/s | p50 / p90 / p99 / max (ms) | CPU µs per ack: node net (raw) / PostgreSQL net / client | cores used: node / client processes |");
console.log("|---|---|---|---|---|---|---|---|");
for (const p of phases) {
  const answers = Object.entries(p.replies).map(([k, v]) => `${k === "expected" ? (p.event === "presence:heartbeat" ? "ok" : "400 problem") : k} ${v}`).join(", ")
    + (p.unanswered ? `, unanswered ${p.unanswered}` : "");
  console.log(`| ${p.phase} | ${p.load} | ${p.acks} | ${answers} | ${p.perSecond.toFixed(0)} | ` +
    `${ms(p.p50)} / ${ms(p.p90)} / ${ms(p.p99)} / ${ms(p.max)} | ` +
    `${per(p, p.nodeTicks, p.idleNodeTicksPerSecond)} (${raw(p, p.nodeTicks)}) / ${per(p, p.pgTicks, p.idlePgTicksPerSecond)} / ${(client(p) / p.acks).toFixed(1)} | ` +
    `${cores(p, p.nodeTicks * 10000)} / ${p.clientCpuMicros.map((c) => cores(p, c)).join(" + ")} |`);
}
for (let i = 0; i + 1 < phases.length; i += 2) {
  const [n, h] = [phases[i], phases[i + 1]];
  const ratio = (f) => (f(n) > 0 && f(h) > 0 ? (f(h) / f(n)).toFixed(2) : "n/a");
  console.log(`round ${i / 2 + 1}: heartbeat / no-op: acks/s ${(h.perSecond / n.perSecond).toFixed(2)}, ` +
    `p99 ${(h.p99 / n.p99).toFixed(2)} (${ms(h.p99)} vs ${ms(n.p99)} ms), node CPU per ack net ` +
    `${ratio((p) => Number(per(p, p.nodeTicks, p.idleNodeTicksPerSecond)))} (raw ${ratio((p) => Number(raw(p, p.nodeTicks)))}), ` +
    `client CPU per ack ${ratio((p) => client(p) / p.acks)}`);
}
const p0 = phases[0];
console.log(`${p0.sockets} sockets over ${p0.procs} client processes, ${p0.inflight} emits in flight; sockets dropped during the phases: ` +
  `${phases.reduce((s, p) => s + p.dropped, 0)}; node background without emits (before / after the phases): ` +
  `${p0.idleNodeTicksPerSecondBeforeAfter.map((t) => (t * 10).toFixed(0)).join(" / ")} ms/s (java; the lower one is subtracted), ` +
  `${(p0.idlePgTicksPerSecond * 10).toFixed(0)} ms/s (PostgreSQL)`);
' "$work/phases.json"
echo "users heartbeated in the last heartbeat phase, in the database ${waited} s after it: $heartbeated of $sockets ($rows)"
echo "load average at the end: $(load)"
echo "commit $commit, $(date -u +%FT%TZ), machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), node $(node -v)"
