#!/usr/bin/env bash
# Makes sure MariaDB and Redis are installed and running on this machine (Debian), so that
# `npm run demo` and `npm test` work from a fresh clone. Idempotent; quiet when all is well.
set -euo pipefail

log() { echo "[services] $*" >&2; }
SUDO=""; if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

db_host="127.0.0.1"; db_port="3306"
if [ -n "${DATABASE_URL:-}" ]; then
  db_host="$(node -e 'const u=new URL(process.env.DATABASE_URL);process.stdout.write(u.hostname)')"
  db_port="$(node -e 'const u=new URL(process.env.DATABASE_URL);process.stdout.write(u.port||"3306")')"
fi

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() { for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done; return 1; }

# --- MariaDB -------------------------------------------------------------------------------
if [ "$db_host" = "127.0.0.1" ] || [ "$db_host" = "localhost" ]; then
  if ! port_open "$db_host" "$db_port"; then
    if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
      log "installing MariaDB"; apt_install mariadb-server
    fi
    log "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    $SUDO start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    wait_port "$db_host" "$db_port" || { log "MariaDB did not come up on $db_host:$db_port"; exit 1; }
  fi
  # Root over TCP with an empty password (the documented local default) needs native auth.
  if ! mariadb -h 127.0.0.1 -P "$db_port" -u root -e 'select 1' >/dev/null 2>&1; then
    $SUDO mariadb -u root -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')" >/dev/null 2>&1 || true
  fi
fi

# --- Redis ---------------------------------------------------------------------------------
if ! port_open 127.0.0.1 6379; then
  if ! command -v redis-server >/dev/null; then log "installing Redis"; apt_install redis-server; fi
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_port 127.0.0.1 6379 || { log "Redis did not come up"; exit 1; }
fi

# --- Chromium (only when asked: end-to-end tests and audits) ------------------------------
if [ "${FERRY_NEED_CHROMIUM:-0}" = "1" ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium"; apt_install chromium
fi
exit 0
