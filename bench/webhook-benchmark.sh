#!/usr/bin/env bash
# Webhook benchmark: signed deliveries per second to loopback receivers that answer 500 to the
# first attempt of 10 % of the deliveries, zero loss and zero duplicate first attempts checked
# pair by pair, and the commit → first-attempt-received latency, with same-run baselines (the
# API alone; the receivers' round trip from a plain HTTP client at the same rate). Starts its own
# Convene (embedded default, fresh data, ports of its own — 28080/28081/25433/29092/29093/29000,
# receivers from 28191, token issuer 28190 — loopback only) whose token issuer is the load client
# itself (it serves a JWKS and signs an admin's RS256 token, so no Keycloak runs), runs
# bench/WebhookBenchmark.java, stops everything. Not part of ./mvnw verify.
#   bench/webhook-benchmark.sh [SECONDS] [DELIVERIES_PER_SECOND] [WEBHOOKS] [BASELINE_SECONDS] [SOURCE]
# SOURCE: outbox (default; a bench-only JDBC insert of the outbox row EventOutbox writes: the
# cheapest source, found by the relay's poll) or api (PATCH /api/meetings/{id}: the real path).
# FAIL_PERCENT (env, default 10): the share of first attempts the receivers answer 500.
# CONVENE_BENCH_JAVA_OPTS adds JVM options to the Convene (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
seconds="${1:-60}"
rate="${2:-300}"
webhooks="${3:-10}"
baseline="${4:-20}"
source="${5:-outbox}"
receivers=2
export CONVENE_PORT=28080 CONVENE_REALTIME_PORT=28081 CONVENE_KEYCLOAK_PORT=28180 CONVENE_POSTGRES_PORT=25433 \
       CONVENE_KAFKA_PORT=29092 CONVENE_KAFKA_CONTROLLER_PORT=29093 CONVENE_S3_PORT=29000 \
       CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:28190/realms/bench \
       CONVENE_WEBHOOKS_ALLOWED_TARGETS=127.0.0.1:28191,127.0.0.1:28192
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
echo "bench: $rate deliveries/s ($webhooks webhooks, events from $source) for $seconds s; load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
pg_pid_file="$(find "$data" -maxdepth 4 -name postmaster.pid | head -1)"
timeout 1800 java -cp "$pg_driver" "$root/bench/WebhookBenchmark.java" --seconds "$seconds" --rate "$rate" --baseline-seconds "$baseline" --source "$source" \
  --fail-percent "${FAIL_PERCENT:-10}" \
  --webhooks "$webhooks" --receivers "$receivers" --api-port 28080 --issuer-port 28190 --receiver-port 28191 \
  --db jdbc:postgresql://127.0.0.1:25433/postgres --app-pid "$app" --pg-pid-file "$pg_pid_file"
grep -E "WARN|ERROR" "$data/app.log" | grep -iv "deprecat" | tail -20 >&2 || true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
