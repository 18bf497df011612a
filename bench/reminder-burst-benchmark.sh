#!/usr/bin/env bash
# Reminder burst benchmark (issue 14): PENDING meetings pending (default 200,000), BURST of them
# (default 5,000) with their "15 min before start" reminder due in the same second T. Per burst
# meeting: bob's notification row (created_at − T, PostgreSQL) and the meeting:reminder socket event
# (arrival − T, the real socket.io-client connected as bob); p50/p95/p99/max and how many arrived
# exactly once. Baselines in the same run: timer probes (no-op PT10S process) due before and during
# the burst, and ring timeouts of a light stream of instant calls (alice → bob, never answered)
# that fall into the burst. Also EXPLAIN (ANALYZE, BUFFERS) of Camunda's job acquisition query at
# that pending count. Meetings are created through the REST API (8 client threads); when PENDING
# would take more than MAX_CREATE_SECONDS (900) to create at the measured rate, the background is
# capped to what fits and the script says so (the burst stays BURST).
# Starts its own Convene (embedded default with Keycloak, fresh data, ports 58080/58081/58180/
# 55433/59092/59093/59000, loopback only), runs bench/ReminderBurstBenchmark.java, stops everything.
# Not part of ./mvnw verify. Run it under the shared lock: flock /tmp/bench.lock bench/reminder-burst-benchmark.sh
#   bench/reminder-burst-benchmark.sh [PENDING] [BURST]
set -euo pipefail
pending="${1:-200000}"
burst="${2:-5000}"
export CONVENE_PORT=58080 CONVENE_REALTIME_PORT=58081 CONVENE_KEYCLOAK_PORT=58180 CONVENE_POSTGRES_PORT=55433 \
       CONVENE_KAFKA_PORT=59092 CONVENE_KAFKA_CONTROLLER_PORT=59093 CONVENE_S3_PORT=59000
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -d "$bench/node_modules" ] || (cd "$bench" && npm ci --no-audit --no-fund --silent)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
source "$bench/convene-for-bench.sh"
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!bench' || echo '-dirty')"
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "bench: $pending meetings pending, $burst due in one second; load average $load_before ..." >&2
timeout 3600 java -cp "$pg_driver" "$bench/ReminderBurstBenchmark.java" --pending "$pending" --burst "$burst" \
  --threads "${CLIENT_THREADS:-8}" --max-create-seconds "${MAX_CREATE_SECONDS:-900}" \
  --api http://127.0.0.1:58080 --keycloak http://127.0.0.1:58180 --socket http://127.0.0.1:58081 \
  --db jdbc:postgresql://127.0.0.1:55433/postgres --node-client "$bench/event-client.mjs" \
  --commit "$commit" --machine "$machine"
grep -E "WARN|ERROR" "$data/app.log" | grep -iv "deprecat" | tail -20 >&2 || true
echo "machine: $machine, $(java -version 2>&1 | head -1); load average before $load_before, now $(cut -d' ' -f1-3 /proc/loadavg)"
