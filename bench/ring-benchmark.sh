#!/usr/bin/env bash
# Ring benchmark: sustained instant calls per second where every ring times out,
# and the p99 lag between a ring's due time and its timeout firing. Baseline in the same run: the
# lateness of the no-op timer-probe process's PT10S timer (2 probes/s started meanwhile, admin token).
# Throughput baseline in the same run: pgbench TPC-B on the same PostgreSQL for the same SECONDS,
# after the calls have drained; the ratio calls/s ÷ pgbench tps is the figure to compare across runs.
# Starts its own Convene (embedded default, fresh data, other ports), runs
# bench/RingBenchmark.java against it for SECONDS (default 60), stops it, and
# prints a Markdown table for docs/benchmarks.md. Not part of ./mvnw verify.
#   bench/ring-benchmark.sh [SECONDS] [CLIENT_THREADS] [RATE]
# RATE (calls/s): open loop at that rate (default 0: closed loop, CLIENT_THREADS callers back to back).
set -euo pipefail
seconds="${1:-60}"
threads="${2:-4}"
rate="${3:-0}"
export CONVENE_PORT=18080 CONVENE_KEYCLOAK_PORT=18180 CONVENE_POSTGRES_PORT=15433 \
       CONVENE_KAFKA_PORT=19092 CONVENE_KAFKA_CONTROLLER_PORT=19093 CONVENE_S3_PORT=19000 CONVENE_REALTIME_PORT=18081
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
source "$root/bench/pgbench-baseline.sh"
echo "bench: placing calls for $seconds s with $threads client threads (rate $rate/s, 0 = closed loop) ..." >&2
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$pg_driver" "$root/bench/RingBenchmark.java" --seconds "$seconds" --threads "$threads" --rate "$rate" | tee "$data/ring.out"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
pgbench_baseline "$seconds"
calls_per_s="$(awk -F'|' '/^\| [0-9]/ {gsub(/ /,"",$5); print $5; exit}' "$data/ring.out")"
echo "baseline, same run: pgbench TPC-B $seconds s: $pgbench_tps tps; calls/s ÷ pgbench tps = $(awk -v c="$calls_per_s" -v t="$pgbench_tps" 'BEGIN{ if (t>0) printf "%.4f", c/t; else print "n/a" }')"
echo "date: $(date -u +%FT%TZ), commit: $(git -C "$root" rev-parse --short HEAD), load before/after: $load_before / $load_after"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
