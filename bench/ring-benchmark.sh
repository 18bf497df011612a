#!/usr/bin/env bash
# Ring benchmark: sustained instant calls per second where every ring times out,
# and the p99 lag between a ring's due time and its timeout firing. Baseline in the same run: the
# lateness of the no-op timer-probe process's PT10S timer (2 probes/s started meanwhile, admin token).
# Starts its own Convene (embedded default, fresh data, other ports), runs
# bench/RingBenchmark.java against it for SECONDS (default 60), stops it, and
# prints a Markdown table for docs/benchmarks.md. Not part of ./mvnw verify.
#   bench/ring-benchmark.sh [SECONDS] [CLIENT_THREADS]
set -euo pipefail
seconds="${1:-60}"
threads="${2:-4}"
export CONVENE_PORT=18080 CONVENE_KEYCLOAK_PORT=18180 CONVENE_POSTGRES_PORT=15433 \
       CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
echo "bench: placing calls for $seconds s with $threads client threads ..." >&2
java -cp "$pg_driver" "$root/bench/RingBenchmark.java" --seconds "$seconds" --threads "$threads"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
