#!/usr/bin/env bash
# Issue 15 items 1-2: concurrent uploads into one community (H2 and PostgreSQL) and acknowledged-then-lost after
# kill -9, for one packaged jar. Usage: bench/trust/run.sh [jar] [levels] [crash-runs]
#   bench/trust/run.sh target/chuangwen-0.1.0-SNAPSHOT.jar 10,50,100 10
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${1:-target/chuangwen-0.1.0-SNAPSHOT.jar}
levels=${2:-10,50,100}
runs=${3:-10}
work=target/bench-trust
tool=bench/trust/ConcurrentUploads.java

echo "## Concurrent uploads, H2 (embedded default)"
java "$tool" uploads --jar "$jar" --levels "$levels" --work "$work"

echo "## Concurrent uploads, PostgreSQL"
pgdir=$(mktemp -d /tmp/cw-trust-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'bench/trust/postgres.sh stop "$pgdir"' EXIT
bench/trust/postgres.sh start "$pgdir" "$pgport"
bench/trust/postgres.sh createdb "$pgdir" "$pgport" chuangwen
java "$tool" uploads --jar "$jar" --levels "$levels" --work "$work" \
  --db-url "jdbc:postgresql://127.0.0.1:$pgport/chuangwen" --db-user postgres --db-password ""

echo "## Acknowledged, then kill -9 (H2 embedded default)"
java "$tool" crash --jar "$jar" --runs "$runs" --work "$work"
