#!/usr/bin/env bash
# npm test: lint, typecheck, unit tests, then integration and end-to-end tests against a real
# MariaDB, Redis (through the Upstash bridge) and a production build served the way `npm start`
# serves it (scripts/serve.mjs: Next plus the socket address for rate limits).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export DATABASE_URL="${TEST_DATABASE_URL:-mysql://root@127.0.0.1:3306/ferry_test}"
export MEDIA_DIR="var/test-media"
export PRIVATE_MEDIA_DIR="var/test-private-media"
export NEXT_DIST_DIR=".next-test"
export PORT="${TEST_PORT:-3100}"
export SITE_URL="http://localhost:$PORT"
export FERRY_DEBUG_STATS=1
# The tests run on the published demo secrets: say so, or the production server refuses them.
export FERRY_DEMO=1
# The test shop accepts both the sandbox gateway (its own) and Stripe: each secret vouches only for its orders.
export STRIPE_WEBHOOK_SECRET="${TEST_STRIPE_WEBHOOK_SECRET:-whsec_ferry_test_stripe}"
export UPSTASH_REDIS_REST_URL="${TEST_UPSTASH_REDIS_REST_URL:-http://127.0.0.1:8078}"
export FERRY_TEST_BASE_URL="$SITE_URL"
export SANDBOX_GATEWAY_URL="${TEST_SANDBOX_GATEWAY_URL:-http://127.0.0.1:8082}"
# Short background-job period so expired reservations and stored webhooks are picked up quickly.
export FERRY_JOBS_INTERVAL_SECONDS=2
# The test server's marketplace: its own 1688 sandbox (more offers than the seeded 1000, so link
# imports create new products), pushing to the test server.
export ALIBABA_1688_BASE_URL="${TEST_ALIBABA_1688_BASE_URL:-http://127.0.0.1:8086}"
export ALIBABA_1688_CDN_URL="$ALIBABA_1688_BASE_URL"
export ALIBABA_SANDBOX_OFFERS=2000
# The test server's carriers: its own 17TRACK sandbox, webhooks to the test server. Its clock stands
# still (tests move parcels through its control API); duplicates and reordering stay on.
export TRACKING_17TRACK_BASE_URL="${TEST_TRACKING_17TRACK_BASE_URL:-http://127.0.0.1:8088}"
export TRACKING_SANDBOX_SPEED="${TEST_TRACKING_SANDBOX_SPEED:-0}"

BRIDGE_PID=""; SERVER_PID=""; GATEWAY_PID=""; SUPPLIER_PID=""; TRACKING_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$BRIDGE_PID" ] && kill "$BRIDGE_PID" 2>/dev/null || true
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  [ -n "$SUPPLIER_PID" ] && kill "$SUPPLIER_PID" 2>/dev/null || true
  [ -n "$TRACKING_PID" ] && kill "$TRACKING_PID" 2>/dev/null || true
}
trap cleanup EXIT

ensure_packages
FERRY_NEED_CHROMIUM=1 bash scripts/ensure-services.sh

log "lint"; npm run --silent lint
log "typecheck"; npx tsc --noEmit
log "unit tests"; npx vitest run --project unit

log "test database"
npx tsx --conditions=react-server scripts/reset-test-database.ts
# The test database starts empty, so do its sign-in and link-import limits: back-to-back runs must
# not inherit the previous run's attempts (keys are namespaced by database name).
TEST_DB_NAME="${DATABASE_URL##*/}"; TEST_DB_NAME="${TEST_DB_NAME%%\?*}"
redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" --scan --pattern "ferry:rl:${TEST_DB_NAME}:*" | xargs -r redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" del >/dev/null
ferry db migrate >/dev/null
ferry db seed --products "${FERRY_TEST_PRODUCTS:-1000}" >/dev/null
start_bridge
start_payment_sandbox
start_1688_sandbox
start_tracking_sandbox
ferry user create --email admin@ferry.test --password ferry-test-admin --role admin >/dev/null

# A clean build: the data cache under the build folder must not outlive the reseeded database.
rm -rf "$NEXT_DIST_DIR"
log "building"; node_modules/.bin/next build >/dev/null
node scripts/serve.mjs -p "$PORT" >var/test-server.log 2>&1 &
SERVER_PID=$!
wait_http "$SITE_URL/api/internal/stats" 60 || { log "the server did not start"; cat var/test-server.log >&2; exit 1; }

log "integration tests"; npx vitest run --project integration
log "end-to-end tests"; npx playwright test
# Last, on its own: the fault suite kills and restarts a MariaDB and a Redis of its own around its
# own `next start` of this build (ports FAULTS_*_PORT, defaults 3317, 6391, 8154, 3206). The test
# server stops first: the two would otherwise share the build folder's data cache.
kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
log "fault tests"; npx vitest run --project faults
