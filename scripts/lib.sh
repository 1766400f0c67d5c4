# Shared by demo.sh and test.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NEXT_TELEMETRY_DISABLED=1

log() { echo "[ferry] $*" >&2; }

# Installs npm packages when node_modules is missing or older than the lockfile.
ensure_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    # `npm ci` refuses a lockfile whose optional platform builds (other OSes' binaries of swc,
    # jieba, …) this registry does not carry; `npm install` installs the same locked versions and
    # skips those, so it is the fallback.
    npm ci --no-audit --no-fund >&2 2>/dev/null || npm install --no-audit --no-fund >&2
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 2 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  return 1
}

# Starts the Upstash-protocol bridge to the local redis-server unless something already serves it.
start_bridge() {
  local url="${UPSTASH_REDIS_REST_URL:-http://127.0.0.1:8079}"
  local hostport="${url#http://}"; hostport="${hostport%%/*}"
  if port_open "${hostport%%:*}" "${hostport##*:}"; then return 0; fi
  node --import tsx sandboxes/upstash-bridge/server.ts >&2 &
  BRIDGE_PID=$!
  wait_http "$url/healthz" 30 || { log "the Redis bridge did not start"; exit 1; }
}

ferry() { node_modules/.bin/tsx --conditions=react-server cli/ferry.ts "$@"; }

# Starts the sandbox payment gateway (Stripe's wire protocol, hosted pay page, signed webhooks to
# this Ferry) unless something already serves its port.
start_payment_sandbox() {
  local url="${SANDBOX_GATEWAY_URL:-http://127.0.0.1:8081}"
  local hostport="${url#http://}"; hostport="${hostport%%/*}"
  local port="${hostport##*:}"
  if port_open 127.0.0.1 "$port"; then return 0; fi
  # The pay page is opened by the shopper's browser on the same host name as the shop.
  PORT="$port" SANDBOX_PUBLIC_URL="http://localhost:$port" SANDBOX_WEBHOOK_URL="$SITE_URL/api/webhooks/payments/sandbox" \
    node --import tsx sandboxes/payment-gateway/server.ts >&2 &
  GATEWAY_PID=$!
  wait_http "http://127.0.0.1:$port/healthz" 30 || { log "the payment sandbox did not start"; exit 1; }
}

# Starts the 1688 open-platform sandbox (product detail, catalog walk, orders, signed pushes to this
# Ferry) unless something already serves its port. ALIBABA_SANDBOX_OFFERS sets the catalog size.
start_1688_sandbox() {
  local url="${ALIBABA_1688_BASE_URL:-http://127.0.0.1:8085}"
  local hostport="${url#http://}"; hostport="${hostport%%/*}"
  local port="${hostport##*:}"
  if port_open 127.0.0.1 "$port"; then return 0; fi
  PORT="$port" ALIBABA_SANDBOX_PUSH_URL="${ALIBABA_SANDBOX_PUSH_URL:-$SITE_URL/api/webhooks/1688}" \
    node --import tsx sandboxes/alibaba-1688/server.ts >&2 &
  SUPPLIER_PID=$!
  wait_http "http://127.0.0.1:$port/healthz" 60 || { log "the 1688 sandbox did not start"; exit 1; }
}

# Starts the 17TRACK tracking sandbox (carrier journeys played on its clock, signed webhooks to this
# Ferry, duplicated and reordered on purpose) unless something already serves its port.
# TRACKING_SANDBOX_SPEED sets how much faster than real time parcels travel.
start_tracking_sandbox() {
  local url="${TRACKING_17TRACK_BASE_URL:-http://127.0.0.1:8087}"
  local hostport="${url#http://}"; hostport="${hostport%%/*}"
  local port="${hostport##*:}"
  if port_open 127.0.0.1 "$port"; then return 0; fi
  PORT="$port" TRACKING_SANDBOX_WEBHOOK_URL="${TRACKING_SANDBOX_WEBHOOK_URL:-$SITE_URL/api/webhooks/tracking/17track}" \
    node --import tsx sandboxes/tracking-17track/server.ts >&2 &
  TRACKING_PID=$!
  wait_http "http://127.0.0.1:$port/healthz" 30 || { log "the tracking sandbox did not start"; exit 1; }
}

# The demo's mailbox: unless SMTP_URL names a real server, starts the mail sandbox (an SMTP receiver
# on MAIL_SINK_SMTP_PORT, its mailbox page on MAIL_SINK_HTTP_PORT) and points SMTP_URL at it, so
# password-reset links arrive somewhere readable (the admin's outbox keeps them redacted).
start_mail_sink() {
  if [ -n "${SMTP_URL:-}" ]; then return 0; fi
  local smtp_port="${MAIL_SINK_SMTP_PORT:-8025}" http_port="${MAIL_SINK_HTTP_PORT:-8026}"
  export SMTP_URL="smtp://127.0.0.1:$smtp_port"
  if port_open 127.0.0.1 "$smtp_port"; then return 0; fi
  MAIL_SINK_SMTP_PORT="$smtp_port" MAIL_SINK_HTTP_PORT="$http_port" node --import tsx sandboxes/mail-sink/server.ts >&2 &
  MAIL_PID=$!
  wait_http "http://127.0.0.1:$http_port/healthz" 30 || { log "the mail sandbox did not start"; exit 1; }
}
