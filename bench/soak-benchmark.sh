#!/usr/bin/env bash
# Soak benchmark (issue 14): SECONDS (default 600) of calls (instant calls rung and timed out, a
# quarter answered and ended), reminders (meetings whose 15-min reminder falls within the soak,
# deleted after it), webhooks (an org-wide subscription to every event, a loopback receiver on
# 58090 answering 500 to 10 % of first attempts) and REST heartbeats, mixed at moderate rates.
# Every 30 s: row counts of our tables and Camunda's (runtime, history, incidents), unpublished
# outbox rows, the node's heap used after a full GC (jcmd). At the end: every event published,
# every webhook delivery received (or retried), every reminder and ring accounted for — no lost
# event — and each line's slope over the second half with a verdict (flat = the change over the
# second half within 5 % of its mean, at least 20 rows / 16 MiB). Baseline, same PostgreSQL, same
# run: pgbench TPC-B for 60 s before the soak (PGBENCH_SECONDS, scale 10, 4 clients, 2 threads),
# its tps next to the soak's requests/s.
# Starts its own Convene (embedded default with Keycloak, fresh data, ports 58080/58081/58180/
# 55433/59092/59093/59000, receiver 58090, loopback only), runs bench/SoakBenchmark.java, stops
# everything. Not part of ./mvnw verify. Run it under the shared lock: flock /tmp/bench.lock bench/soak-benchmark.sh
#   bench/soak-benchmark.sh [SECONDS]
# Rates (env): CALL_RATE (2/s), ANSWER_PERCENT (25), MEETING_RATE (0.5/s), HEARTBEAT_RATE (2/s), FAIL_PERCENT (10).
set -euo pipefail
seconds="${1:-600}"
export CONVENE_PORT=58080 CONVENE_REALTIME_PORT=58081 CONVENE_KEYCLOAK_PORT=58180 CONVENE_POSTGRES_PORT=55433 \
       CONVENE_KAFKA_PORT=59092 CONVENE_KAFKA_CONTROLLER_PORT=59093 CONVENE_S3_PORT=59000 \
       CONVENE_WEBHOOKS_ALLOWED_TARGETS=127.0.0.1:58090
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
source "$bench/convene-for-bench.sh"
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!bench' || echo '-dirty')"
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"

# the baseline: pgbench TPC-B on the node's own PostgreSQL, in a database of its own, dropped after
pg_seconds="${PGBENCH_SECONDS:-60}"
export PGPASSWORD=postgres
pg=(-h 127.0.0.1 -p 55433 -U postgres)
psql "${pg[@]}" -d postgres -qc "create database pgbench" >/dev/null
pgbench "${pg[@]}" -i -q -s 10 pgbench >/dev/null 2>&1
echo "bench: pgbench TPC-B for $pg_seconds s (scale 10, 4 clients, 2 threads); load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
pg_out="$(pgbench "${pg[@]}" -n -T "$pg_seconds" -c 4 -j 2 pgbench 2>&1)"
tps="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"
psql "${pg[@]}" -d postgres -qc "drop database pgbench" >/dev/null
echo "bench: pgbench: $tps tps" >&2

echo "bench: soak for $seconds s; load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
timeout $((seconds + 900)) java -cp "$pg_driver" "$bench/SoakBenchmark.java" --seconds "$seconds" --app-pid "$app" \
  --call-rate "${CALL_RATE:-2}" --answer-percent "${ANSWER_PERCENT:-25}" --meeting-rate "${MEETING_RATE:-0.5}" \
  --heartbeat-rate "${HEARTBEAT_RATE:-2}" --fail-percent "${FAIL_PERCENT:-10}" \
  --pgbench "TPC-B, ${pg_seconds} s, scale 10, 4 clients" --pgbench-tps "${tps:-0}" \
  --api http://127.0.0.1:58080 --keycloak http://127.0.0.1:58180 --db jdbc:postgresql://127.0.0.1:55433/postgres \
  --receiver-port 58090 --commit "$commit" --machine "$machine"
grep -E "WARN|ERROR" "$data/app.log" | grep -iv "deprecat" | tail -20 >&2 || true
echo "machine: $machine, $(java -version 2>&1 | head -1); load average before $load_before, now $(cut -d' ' -f1-3 /proc/loadavg)"
