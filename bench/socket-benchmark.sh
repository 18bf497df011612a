#!/usr/bin/env bash
# Socket benchmark: SOCKETS concurrent authenticated Socket.IO sockets (socket.io-client 4.8.1,
# websocket transport, one connection and one user each) against one Convene node; reports the
# connect rate and the node's heap used after GC and RSS per connection (with all of them
# connected minus with 0, after a warm-up round). Baseline in the same run, first: the same number
# of plain WebSocket connections to a no-op Netty server (bench/NoopWebSocketServer.java, the same
# Netty jars, threads and -Xmx as the node) measured the same way. The Node client signs one RS256
# token per user and serves the JWKS (bench/issuer.mjs), so no Keycloak runs. Loopback only;
# everything it starts stops on exit. Not part of ./mvnw verify.
#   bench/socket-benchmark.sh [SOCKETS] [CONCURRENT_HANDSHAKES] [HOLD_SECONDS]
set -euo pipefail
sockets="${1:-10000}"
concurrency="${2:-200}"
hold="${3:-30}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# each side holds one descriptor per socket, plus the JVM's own (jars, Kafka, PostgreSQL pool)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((sockets + 2000)) ]; then
  echo "bench: ulimit -n is $(ulimit -n); $sockets sockets need at least $((sockets + 2000)) (raise the hard limit)" >&2
  exit 1
fi
for port in 18080 18081 18082 18190 15433 19092 19093 19000; do
  if ss -Htln "sport = :$port" | grep -q .; then echo "bench: port $port is in use (another benchmark?)" >&2; exit 1; fi
done
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund --silent)

export CONVENE_PORT=18080 CONVENE_POSTGRES_PORT=15433 CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 \
       CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081 CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:18190/realms/bench
CONVENE_BENCH_START=later
noop=""
work="$(mktemp -d)"
bench_cleanup() {
  [ -n "$noop" ] && kill "$noop" 2>/dev/null && wait "$noop" 2>/dev/null
  rm -rf "$work"
}
source "$bench/convene-for-bench.sh"
export PG_DRIVER="$pg_driver"
client() { node --max-old-space-size=4096 "$bench/socket-client.mjs" --sockets "$sockets" --concurrency "$concurrency" \
  --hold "$hold" "$@"; }
load() { echo "$(cut -d' ' -f1-3 /proc/loadavg)"; }

# 1. baseline: plain WebSocket connections to a no-op server on the node's Netty
(cd "$work" && unzip -q -o "$jar" 'BOOT-INF/lib/netty-*.jar')
setsid java -Xmx1g -cp "$(ls "$work"/BOOT-INF/lib/netty-*.jar | tr '\n' :)" "$bench/NoopWebSocketServer.java" 18082 \
  > "$work/noop.log" 2>&1 &
noop=$!
for _ in $(seq 1 30); do grep -qs "no-op WebSocket server" "$work/noop.log" && break; sleep 1; done
echo "bench: baseline, load average $(load) ..." >&2
client --mode ws --url ws://127.0.0.1:18082/ws --pid "$noop" > "$work/baseline.json"
kill "$noop"; wait "$noop" 2>/dev/null || true; noop=""

# 2. the node: authenticated Socket.IO sockets
convene_start
echo "bench: Convene, load average $(load) ..." >&2
client --mode socketio --url http://127.0.0.1:18081 --pid "$app" > "$work/convene.json"
echo "load average at the end: $(load)"

node --input-type=module -e '
import fs from "node:fs";
const [b, c] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
const mib = (k) => (k / 1024).toFixed(0);
const row = (name, r) => `| ${name} | ${r.connected} of ${r.sockets} | ${r.connectsPerSecond.toFixed(0)} | ` +
  `${r.connectMillisP50.toFixed(1)} / ${r.connectMillisP99.toFixed(1)} | ${r.stillOpenAfterHold} | ` +
  `${mib(r.idle.heapUsedKiB)} → ${mib(r.loaded.heapUsedKiB)} | ${(r.heapBytesPerConnection / 1024).toFixed(1)} | ` +
  `${mib(r.idle.rssKiB)} → ${mib(r.loaded.rssKiB)} | ${(r.rssBytesPerConnection / 1024).toFixed(1)} |`;
console.log("| server | connected | connects/s | connect p50 / p99 (ms) | open after hold | heap after GC 0 → N (MiB) | heap KiB/conn | RSS 0 → N (MiB) | RSS KiB/conn |");
console.log("|---|---|---|---|---|---|---|---|---|");
console.log(row("no-op WebSocket (baseline)", b));
console.log(row("Convene Socket.IO + token", c));
console.log(`ratios Convene / baseline: connects/s ${(c.connectsPerSecond / b.connectsPerSecond).toFixed(2)}, ` +
  `heap per connection ${(c.heapBytesPerConnection / b.heapBytesPerConnection).toFixed(1)}, ` +
  `RSS per connection ${(c.rssBytesPerConnection / b.rssBytesPerConnection).toFixed(1)}`);
console.log(`Convene: sockets recorded by presence ${c.recordedByPresence}, dropped while held ${c.droppedWhileHeld}, ` +
  `no-op acks after the hold ${c.noopAcks}; errors ${JSON.stringify(c.errors)}; baseline errors ${JSON.stringify(b.errors)}`);
' "$work/baseline.json" "$work/convene.json"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), node $(node -v)"
