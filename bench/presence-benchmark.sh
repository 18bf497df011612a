#!/usr/bin/env bash
# Presence benchmark: USERS distinct users' heartbeats (POST /api/presence/heartbeat) against the
# no-op GET /api/me (token check + the caller as JSON, no database) in the same run, then the
# heap and RSS of the node with every user present. Starts its own Convene (embedded default,
# fresh data, other ports, loopback only) whose token issuer is the load client itself (it
# serves a JWKS and signs one RS256 token per user, so no Keycloak runs), runs
# bench/PresenceBenchmark.java, stops everything. Not part of ./mvnw verify.
#   bench/presence-benchmark.sh [SECONDS] [CLIENT_THREADS] [USERS]
set -euo pipefail
seconds="${1:-30}"
threads="${2:-16}"
users="${3:-100000}"
export CONVENE_PORT=18080 CONVENE_POSTGRES_PORT=15433 CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 \
       CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081 CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:18190/realms/bench
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
echo "bench: $users users, $seconds s per phase, $threads client threads ..." >&2
timeout 1800 java -cp "$pg_driver" "$root/bench/PresenceBenchmark.java" --seconds "$seconds" --threads "$threads" \
  --users "$users"
jcmd "$app" GC.run > /dev/null
echo "node with $users users present: heap used after GC $(jcmd "$app" GC.heap_info | awk '/garbage-first heap/{print $0}' | sed -E 's/.*used ([0-9]+K).*/\1/'), RSS $(( $(ps -o rss= -p "$app") / 1024 )) MiB (java + embedded Kafka/S3 in one process; PostgreSQL is its own process)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
