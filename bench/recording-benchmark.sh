#!/usr/bin/env bash
# Recording upload benchmark: MB/s of chunk uploads through the API (PUT …/recording/chunks/{seq},
# streamed to s3proxy with the MinIO client, SHA-256 + MD5 computed on the way) against the MinIO
# client straight to the same s3proxy in the same run (target ≥ 0.8×), and the node's live heap
# (after a forced full GC) while 1 GiB goes through in 64 MiB chunks. Starts its own Convene
# (embedded default, fresh data, ports 38080/38081/35433/39092/39093/39000, token issuer 38190 —
# the client itself, so no Keycloak runs — loopback only), runs bench/RecordingBenchmark.java,
# stops everything. Not part of ./mvnw verify.
#   bench/recording-benchmark.sh [CHUNKS] [CHUNK_MIB] [ROUNDS]      (defaults 16 × 64 MiB = 1 GiB, 2 rounds)
# CONVENE_BENCH_JAVA_OPTS adds JVM options to the Convene (its heap is -Xmx1g, as bin/convene's).
set -euo pipefail
chunks="${1:-16}"
chunk_mib="${2:-64}"
rounds="${3:-2}"
export CONVENE_PORT=38080 CONVENE_REALTIME_PORT=38081 CONVENE_KEYCLOAK_PORT=38180 CONVENE_POSTGRES_PORT=35433 \
       CONVENE_KAFKA_PORT=39092 CONVENE_KAFKA_CONTROLLER_PORT=39093 CONVENE_S3_PORT=39000 \
       CONVENE_IDENTITY_ISSUER_URI=http://127.0.0.1:38190/realms/bench
for port in 38080 38081 35433 39092 39093 39000 38190; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench: port $port is taken" >&2; exit 1; fi
done
source "$(dirname "${BASH_SOURCE[0]}")/convene-for-bench.sh"
# the MinIO client's classpath, as the integration module resolves it (from ~/.m2; nothing installed)
cp_file="$data/minio.classpath"
(cd "$root" && ./mvnw -q -B -ntp -pl integration dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null)
echo "bench: $chunks chunks of $chunk_mib MiB, $rounds rounds; load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
timeout 3600 java -Xmx512m -cp "$(cat "$cp_file")" "$root/bench/RecordingBenchmark.java" --chunks "$chunks" --chunk-mib "$chunk_mib" \
  --rounds "$rounds" --part-mib 8 --api-port 38080 --issuer-port 38190 --s3-port 39000 --app-pid "$app"
grep -E "WARN|ERROR" "$data/app.log" | grep -iv "deprecat" | tail -20 >&2 || true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load average now $(cut -d' ' -f1-3 /proc/loadavg), commit $(cd "$root" && git rev-parse --short HEAD)"
