#!/usr/bin/env bash
# Fan-out benchmark: RATE domain events per second committed for SECONDS, each delivered to FANOUT
# of SOCKETS connected sockets; reports commit → client latency p50/p99 of every delivery. The
# events are presence.changed rows that bench/FanoutGenerator.java inserts into the outbox with
# JDBC (bench-only source, one event per transaction); from the outbox on it is the real path:
# relay → Kafka → the node's consumer → EventRouting → Socket.IO gateway → socket.io-client.
# Baseline in the same run: the Socket.IO round trip of an ack'd no-op event, before and during
# the load. Starts its own Convene (embedded default, fresh data, other ports, loopback only) whose
# token issuer is the client (bench/fanout-client.mjs); everything stops on exit.
# Not part of ./mvnw verify.
#   bench/fanout-benchmark.sh [RATE] [SECONDS] [SOCKETS] [FANOUT]
set -euo pipefail
rate="${1:-1000}"
seconds="${2:-30}"
sockets="${3:-1000}"
fanout="${4:-10}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
for port in 18080 18081 18190 15433 19092 19093 19000; do
  if ss -Htln "sport = :$port" | grep -q .; then echo "bench: port $port is in use (another benchmark?)" >&2; exit 1; fi
done
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund --silent)

export CONVENE_PORT=18080 CONVENE_POSTGRES_PORT=15433 CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 \
       CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081 CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:18190/realms/bench
source "$bench/convene-for-bench.sh"
export PG_DRIVER="$pg_driver"
out="$(mktemp)"
before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: load average $before; $sockets sockets, $rate events/s for $seconds s, fan-out $fanout ..." >&2
node --max-old-space-size=4096 "$bench/fanout-client.mjs" --url http://127.0.0.1:18081 --sockets "$sockets" \
  --fanout "$fanout" --rate "$rate" --seconds "$seconds" > "$out"
after="$(cut -d' ' -f1-3 /proc/loadavg)"

node --input-type=module -e '
import fs from "node:fs";
const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const f = (x) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1));
const row = (name, s) => `| ${name} | ${s.count} | ${f(s.p50)} | ${f(s.p90)} | ${f(s.p99)} | ${f(s.p999)} | ${f(s.max)} |`;
const g = r.generator;
console.log(`events committed ${r.events} in ${g.seconds.toFixed(1)} s (${g.perSecond.toFixed(0)}/s, ${g.lateBy10ms} started >10 ms late), ` +
  `reached a socket ${r.eventsReached}; deliveries ${r.deliveries} of ${r.deliveriesExpected} expected ` +
  `(+ ${r.userConnectedDeliveries} presence:user_connected), unmatched ${r.unmatchedDeliveries}`);
console.log("| measured | count | p50 (ms) | p90 | p99 | p99.9 | max |");
console.log("|---|---|---|---|---|---|---|");
console.log(row("commit → client (presence:update)", r.latency));
console.log(row("  first half of the events", r.latencyFirstHalf));
console.log(row("  second half", r.latencySecondHalf));
console.log(`| outbox occurred_at → published_at (relay, from the outbox) | ${g.published} of ${g.outboxRows} | ${f(g.relayP50)} | | ${f(g.relayP99)} | | ${f(g.relayMax)} |`);
console.log(row("baseline: ack'\''d no-op round trip, no load", r.pingIdle));
console.log(row("baseline: ack'\''d no-op round trip, during the load", r.pingLoaded));
console.log(`ratio commit→client / no-op round trip during the load: p50 ${(r.latency.p50 / r.pingLoaded.p50).toFixed(1)}, ` +
  `p99 ${(r.latency.p99 / r.pingLoaded.p99).toFixed(1)}`);
' "$out"
rm -f "$out"
echo "load average before / after: $before / $after"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), node $(node -v)"
