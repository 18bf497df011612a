# Sourced by the bench scripts: pgbench_baseline SECONDS runs pgbench's TPC-B (scale 10, 4 clients,
# 2 threads) for SECONDS against the PostgreSQL of the Convene the script started (its own database
# "pgbench", so Convene's tables are untouched), and sets pgbench_tps. Needs pgbench on the PATH
# (Debian: apt-get install postgresql-client).
pgbench_baseline() {
  local seconds="$1" port="${CONVENE_POSTGRES_PORT:?}"
  command -v pgbench >/dev/null || { echo "bench: pgbench not found (apt-get install postgresql-client)" >&2; pgbench_tps=0; return; }
  export PGPASSWORD=postgres
  psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "drop database if exists pgbench" -c "create database pgbench" >/dev/null
  pgbench -q -i -s 10 -h 127.0.0.1 -p "$port" -U postgres pgbench >/dev/null 2>&1
  echo "bench: baseline: pgbench TPC-B for $seconds s on the same PostgreSQL ..." >&2
  pgbench_tps="$(pgbench -c 4 -j 2 -T "$seconds" -h 127.0.0.1 -p "$port" -U postgres pgbench 2>/dev/null \
    | awk '/^tps/ {print $3; exit}')"
  psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "drop database if exists pgbench" >/dev/null
}
