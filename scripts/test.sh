#!/usr/bin/env bash
# Runs every test: the type check, the server and CLI tests on SQLite and on PostgreSQL, and the browser tests
# in Chromium. Ends with one line "N passed, N failed" summed over every runner.
#   QUNYUN_TEST_DBS="sqlite postgres"  which databases (default: sqlite, plus postgres when one answers)
#   QUNYUN_TEST_PG_URL                 the PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test)
set -u
shopt -s globstar nullglob
cd "$(dirname "$0")/.."

PG_URL=${QUNYUN_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}
export QUNYUN_TEST_PG_URL=$PG_URL
passed=0
failed=0
status=0

# run LABEL COMMAND...: runs a node:test command, adds its pass/fail counts to the totals.
run() {
  local label=$1; shift
  local log
  log=$(mktemp)
  echo "=== $label"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -aE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  f=$(grep -aE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "!!! $label exited with $rc"; fi
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" -ne 0 ] && status=1
  rm -f "$log"
}

# step LABEL COMMAND...: a non-test step (type check, build) that counts as one test.
step() {
  local label=$1; shift
  echo "=== $label"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; echo "!!! $label failed"; fi
}

pg_reachable() {
  node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$PG_URL" 2>/dev/null
}

DBS=${QUNYUN_TEST_DBS:-}
if [ -z "$DBS" ]; then
  DBS=sqlite
  if (cd packages/server && pg_reachable); then DBS="sqlite postgres"; else echo "(PostgreSQL at $PG_URL not reachable: running on SQLite only)"; fi
fi

step "type check (server)" npx tsc -p packages/server
step "type check (web)" npx tsc -p packages/web
step "build console" npm run build --silent

server_tests=(packages/server/src/**/*.test.ts packages/server/test/**/*.test.ts)
browser_tests=(packages/web/e2e/**/*.test.ts)
for db in $DBS; do
  run "server and CLI tests on $db" env QUNYUN_TEST_DB="$db" node --import tsx --test --test-reporter=spec "${server_tests[@]}"
  if [ ${#browser_tests[@]} -gt 0 ]; then
    run "browser tests on $db" env QUNYUN_TEST_DB="$db" node --import tsx --test --test-concurrency=1 --test-reporter=spec "${browser_tests[@]}"
  fi
done

echo
echo "$passed passed, $failed failed"
exit $status
