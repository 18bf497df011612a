# Sourced by the bench scripts: builds the app jar if needed, starts one Convene from it
# (embedded default, fresh data in a temp folder, the ports the caller exported, loopback
# only), waits until it is up, and stops it and removes its data when the script exits.
# Sets: root, data, app (the pid), pg_driver (the PostgreSQL JDBC driver from ~/.m2).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${CONVENE_BENCH_JAR:-$root/app/target/convene.jar}"   # another build's jar, e.g. to compare two versions
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -ntp -pl app -am package -DskipTests)
data="$(mktemp -d)"
pg_driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
export CONVENE_DATA_DIR="$data" CONVENE_BIND_ADDRESS=127.0.0.1
# CONVENE_BENCH_JAVA_OPTS: extra JVM options for this Convene (e.g. a flight recording); none by default
setsid java -Xmx1g ${CONVENE_BENCH_JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED -jar "$jar" > "$data/app.log" 2>&1 &
app=$!
stop() { status=$?; kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; exit "$status"; }
trap stop EXIT
echo "bench: starting Convene (log: $data/app.log) ..." >&2
for _ in $(seq 1 180); do
  grep -q "Convene is up" "$data/app.log" && break
  kill -0 "$app" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
  sleep 1
done
