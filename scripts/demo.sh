#!/usr/bin/env bash
# npm run demo: install what is missing, start MariaDB and Redis, migrate, seed, build, serve on
# $PORT (3000) with every helper process. Ctrl-C / SIGTERM stops them all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export PORT="${PORT:-3000}"
export SITE_URL="${SITE_URL:-http://localhost:$PORT}"
# This is the demo: its published secrets are allowed (a production start without this refuses them).
export FERRY_DEMO=1

BRIDGE_PID=""; SERVER_PID=""; GATEWAY_PID=""; SUPPLIER_PID=""; MAIL_PID=""; TRACKING_PID=""
# While the demo runs, the CLI finds it here when started without PORT or SITE_URL (lib/cache/running-server.ts).
RUN_RECORD="var/run/server.json"
cleanup() {
  trap - EXIT INT TERM
  [ -n "$SERVER_PID" ] && grep -qs "\"pid\":$SERVER_PID}" "$RUN_RECORD" && rm -f "$RUN_RECORD" || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$BRIDGE_PID" ] && kill "$BRIDGE_PID" 2>/dev/null || true
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  [ -n "$SUPPLIER_PID" ] && kill "$SUPPLIER_PID" 2>/dev/null || true
  [ -n "$MAIL_PID" ] && kill "$MAIL_PID" 2>/dev/null || true
  [ -n "$TRACKING_PID" ] && kill "$TRACKING_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_packages
bash scripts/ensure-services.sh
start_bridge
start_payment_sandbox
start_mail_sink
# The demo's marketplace: the 1688 sandbox serves the deterministic catalog and its image CDN.
export ALIBABA_1688_BASE_URL="${ALIBABA_1688_BASE_URL:-http://127.0.0.1:8085}"
export ALIBABA_1688_CDN_URL="${ALIBABA_1688_CDN_URL:-$ALIBABA_1688_BASE_URL}"
# Its sellers ship a paid order a minute after payment, so a demo order reaches the warehouse's
# expected parcels (and can be scanned at the receiving desk) without a call to its control API.
export ALIBABA_SANDBOX_AUTO_SHIP_SECONDS="${ALIBABA_SANDBOX_AUTO_SHIP_SECONDS:-60}"
ALIBABA_SANDBOX_OFFERS="${ALIBABA_SANDBOX_OFFERS:-${FERRY_DEMO_PRODUCTS:-1000}}" start_1688_sandbox
# The demo's carriers: the 17TRACK sandbox plays a dispatched parcel's journey an hour a second, so
# it goes from "information received" to "delivered" in about two to four minutes, webhooks and all.
export TRACKING_17TRACK_BASE_URL="${TRACKING_17TRACK_BASE_URL:-http://127.0.0.1:8087}"
export TRACKING_SANDBOX_SPEED="${TRACKING_SANDBOX_SPEED:-3600}"
start_tracking_sandbox
log "migrating"; ferry db migrate >/dev/null
log "categories and exchange rates"; ferry db seed --products 0 >/dev/null
# The catalog arrives the way it does in production: a sync from the marketplace (resumed or
# refreshed on later runs), then the image pipeline through the sandbox's CDN.
log "syncing the catalog from the 1688 sandbox"; ferry catalog sync --full >/dev/null
# Demo staff accounts (README lists them); kept if they already exist.
for role in admin purchaser warehouse service finance; do
  ferry user create --email "$role@ferry.local" --password "ferry-demo-$role" --role "$role" >/dev/null 2>&1 || true
done
# Cached catalog reads from an earlier build may describe data the seed has since replaced.
rm -rf "${NEXT_DIST_DIR:-.next}/cache"
log "building"; node_modules/.bin/next build >&2
log "serving on http://localhost:$PORT"
node scripts/serve.mjs -p "$PORT" &
SERVER_PID=$!
DB_NAME="${DATABASE_URL:-mysql://root@127.0.0.1:3306/ferry}"; DB_NAME="${DB_NAME##*/}"; DB_NAME="${DB_NAME%%\?*}"
mkdir -p "$(dirname "$RUN_RECORD")"
printf '{"siteUrl":"%s","database":"%s","pid":%d}\n' "$SITE_URL" "$DB_NAME" "$SERVER_PID" >"$RUN_RECORD.tmp" && mv "$RUN_RECORD.tmp" "$RUN_RECORD"
wait "$SERVER_PID"
