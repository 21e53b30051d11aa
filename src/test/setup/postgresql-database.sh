#!/usr/bin/env bash
# The PostgreSQL database of one test run (`mvn verify` runs the database tests on PostgreSQL as
# well as on H2; see pom.xml, execution "postgresql-tests").
#   postgresql-database.sh create <name>   starts the local server if it is not running (this
#                                          machine kind has PostgreSQL 15 on 127.0.0.1:5432, trust
#                                          auth), drops test databases earlier runs left behind
#                                          (older than two hours), creates <name>
#   postgresql-database.sh drop <name>     drops <name>
set -euo pipefail
action="$1"
name="$2"
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

if [ "$action" = drop ]; then
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
  exit 0
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL for the database tests"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    for _ in $(seq 1 30); do
      pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break
      sleep 1
    done
  fi
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is not running on 127.0.0.1:5432 and could not be started: the tests run the database tests on PostgreSQL too." >&2
  exit 1
fi

# names are campaign_test_<yyyyMMddHHmmss>_<n>: drop those of runs that ended more than two hours ago
cutoff=$(date -u -d '2 hours ago' +%Y%m%d%H%M%S)
for stale in $("${PSQL[@]}" -c "SELECT datname FROM pg_database WHERE datname LIKE 'campaign_test_%'"); do
  stamp=$(echo "$stale" | sed -E 's/^campaign_test_([0-9]{14}).*/\1/')
  if [ "$stale" != "$name" ] && [[ "$stamp" =~ ^[0-9]{14}$ ]] && [ "$stamp" -lt "$cutoff" ]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$stale\" WITH (FORCE)"
  fi
done
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
"${PSQL[@]}" -c "CREATE DATABASE \"$name\""
echo "PostgreSQL test database $name created"
