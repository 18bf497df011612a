#!/usr/bin/env bash
# Idle-node timer benchmark: after 5 warm-up probes (reported, not counted: a cold node's first timers),
# PROBES timer probes (the no-op timer-probe process, PT10S timer), one
# every SPACING_MS, on an otherwise idle Convene; prints their lateness p50/p95/p99/max. Baseline in the
# same run: the same number of plain JVM timers of 10 s in the client, and the ratio.
# Starts its own Convene (embedded default, fresh data, other ports), waits 20 s after it is up so
# startup work is over, runs bench/TimerProbeBenchmark.java, stops it. Not part of ./mvnw verify.
#   bench/timer-probe-benchmark.sh [PROBES] [SPACING_MS]
set -euo pipefail
probes="${1:-50}"
spacing="${2:-1000}"
export CONVENE_PORT=22080 CONVENE_KEYCLOAK_PORT=22180 CONVENE_POSTGRES_PORT=23433 \
       CONVENE_KAFKA_PORT=29192 CONVENE_KAFKA_CONTROLLER_PORT=29193 CONVENE_S3_PORT=29100 CONVENE_REALTIME_PORT=22081
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
sleep 20
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: $probes timer probes, one every $spacing ms ..." >&2
java -cp "$pg_driver" "$root/bench/TimerProbeBenchmark.java" --probes "$probes" --spacing-ms "$spacing"
echo "date: $(date -u +%FT%TZ), commit: $(git -C "$root" rev-parse --short HEAD), load before/after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
