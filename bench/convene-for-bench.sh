# Sourced by the bench scripts: builds the app jar in this worktree if it is missing or older than
# the sources (`package`, never `install`: nothing goes to ~/.m2), starts one Convene from it
# (embedded default, fresh data in a temp folder, the ports the caller exported, loopback only),
# waits until it is up, and stops it and removes its data when the script exits.
# Sets: root, jar, pg_driver (the PostgreSQL JDBC driver from ~/.m2), and after convene_start:
# data, app (the pid). A caller that needs to run something first sets CONVENE_BENCH_START=later
# and calls convene_start itself; it may define bench_cleanup, which runs on exit too.
# CONVENE_BENCH_JAR runs another build's jar; BENCH_KEEP_LOG=FILE keeps the node's log; CONVENE_BENCH_ARGS adds arguments to the app
# (e.g. --logging.level.io.convene.api.realtime=debug).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${CONVENE_BENCH_JAR:-$root/app/target/convene.jar}"   # another build's jar, e.g. to compare two versions
app=""
data=""
if [ -z "${CONVENE_BENCH_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find "$root" \( -path "$root/bench" -o -name target -o -name node_modules \) -prune -o \
     \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]; }; then
  echo "bench: building $jar ..." >&2
  (cd "$root" && ./mvnw -q -B -ntp -pl app -am package -DskipTests)
fi
pg_driver="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"

stop() {
  status=$?
  if [ "$(type -t bench_cleanup)" = function ]; then bench_cleanup || true; fi
  if [ -n "$app" ]; then kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ -n "$data" ]; then
    [ -n "${BENCH_KEEP_LOG:-}" ] && cp "$data/app.log" "$BENCH_KEEP_LOG"
    rm -rf "$data"
  fi
  exit "$status"
}
trap stop EXIT

convene_start() {
  data="$(mktemp -d)"
  export CONVENE_DATA_DIR="$data" CONVENE_BIND_ADDRESS=127.0.0.1
  # CONVENE_BENCH_JAVA_OPTS: extra JVM options for this Convene (e.g. a flight recording); none by default
  setsid java -Xmx1g ${CONVENE_BENCH_JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED -jar "$jar" ${CONVENE_BENCH_ARGS:-} \
    > "$data/app.log" 2>&1 &
  app=$!
  echo "bench: starting Convene (log: $data/app.log) ..." >&2
  for _ in $(seq 1 180); do
    grep -q "Convene is up" "$data/app.log" && return 0
    kill -0 "$app" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
    sleep 1
  done
  echo "bench: Convene did not come up in 180 s" >&2
  exit 1
}

[ "${CONVENE_BENCH_START:-now}" = later ] || convene_start
