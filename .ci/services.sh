#!/usr/bin/env bash
# Install and start the real parts CI and benchmarks exercise: PostgreSQL, Chromium and wrk
# (Debian packages).
# Writes the PostgreSQL URL to var/ci-postgres-url. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  $SUDO pg_createcluster "$ver" main >/dev/null
fi
$SUDO pg_ctlcluster "$ver" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  as_pg psql -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 1
done
as_pg psql -qAtc "select 1 from pg_roles where rolname='gladi'" | grep -q 1 \
  || as_pg psql -qc "create role gladi login superuser password 'gladi'"
for db in gladi gladi_test; do
  as_pg psql -qAtc "select 1 from pg_database where datname='$db'" | grep -q 1 \
    || as_pg createdb -O gladi "$db"
done
echo "postgresql+psycopg://gladi:gladi@127.0.0.1:5432/gladi_test" > var/ci-postgres-url
echo "PostgreSQL $ver up; Chromium: $(chromium --version 2>/dev/null || echo missing)"
