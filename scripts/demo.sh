#!/usr/bin/env bash
# npm run demo: install what is missing, start MariaDB and Redis, migrate, seed, build, serve on
# $PORT (3000) with every helper process. Ctrl-C / SIGTERM stops them all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export PORT="${PORT:-3000}"
export SITE_URL="${SITE_URL:-http://localhost:$PORT}"

BRIDGE_PID=""; SERVER_PID=""; GATEWAY_PID=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$BRIDGE_PID" ] && kill "$BRIDGE_PID" 2>/dev/null || true
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_packages
bash scripts/ensure-services.sh
start_bridge
start_payment_sandbox
log "migrating"; ferry db migrate >/dev/null
log "seeding the demo catalog"; ferry db seed ${FERRY_DEMO_PRODUCTS:+--products "$FERRY_DEMO_PRODUCTS"} >/dev/null
# Demo staff accounts (README lists them); kept if they already exist.
for role in admin purchaser warehouse service finance; do
  ferry user create --email "$role@ferry.local" --password "ferry-demo-$role" --role "$role" >/dev/null 2>&1 || true
done
# Cached catalog reads from an earlier build may describe data the seed has since replaced.
rm -rf "${NEXT_DIST_DIR:-.next}/cache"
log "building"; node_modules/.bin/next build >&2
log "serving on http://localhost:$PORT"
node_modules/.bin/next start -p "$PORT" &
SERVER_PID=$!
wait "$SERVER_PID"
