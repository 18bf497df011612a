#!/usr/bin/env bash
# Ring benchmark: sustained instant calls per second where every ring times out,
# and the p99 lag between a ring's due time and its timeout firing.
# Starts its own Convene (embedded default, fresh data, other ports), runs
# bench/RingBenchmark.java against it for SECONDS (default 60), stops it, and
# prints a Markdown table for docs/benchmarks.md. Not part of ./mvnw verify.
#   bench/ring-benchmark.sh [SECONDS] [CLIENT_THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
threads="${2:-4}"
jar="$root/app/target/convene.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B install -DskipTests)
data="$(mktemp -d)"
pg_driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"

export CONVENE_DATA_DIR="$data" CONVENE_PORT=18080 CONVENE_KEYCLOAK_PORT=18180 CONVENE_POSTGRES_PORT=15433 \
       CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 CONVENE_S3_PORT=19000
setsid java -Xmx1g --add-opens java.base/java.lang=ALL-UNNAMED -jar "$jar" > "$data/app.log" 2>&1 &
app=$!
stop() { status=$?; kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; exit "$status"; }
trap stop EXIT
echo "bench: starting Convene (log: $data/app.log) ..." >&2
for _ in $(seq 1 180); do
  grep -q "Convene is up" "$data/app.log" && break
  kill -0 "$app" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
  sleep 1
done
echo "bench: placing calls for $seconds s with $threads client threads ..." >&2
java -cp "$pg_driver" "$root/bench/RingBenchmark.java" --seconds "$seconds" --threads "$threads"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
