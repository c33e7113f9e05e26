#!/usr/bin/env bash
# The production topology, tested (npm run test:topology; README "Running in production"):
# Debian's nginx terminates TLS with a self-signed certificate for localhost and balances two
# `next start` processes of the built app, which share one PostgreSQL database, with
# TRUSTED_PROXY_HOPS=1. The browser test (e2e-topology/) then checks, through https: a sign-in on one
# server used on the other, Secure cookies and HSTS, the address allowlist against a forged
# X-Forwarded-For, a passkey at a host name, a mail job delivered once, and a server killed mid-load
# losing no acknowledged write. Needs: a build (npm run build), nginx, openssl, chromium, and a
# PostgreSQL server (TEST_DATABASE_URL, default postgresql://root@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${TEST_DATABASE_URL:-postgresql://root@127.0.0.1:5432/postgres}"
PORT_TLS=8443
PORT_A=3401
PORT_B=3402
WORK="$(mktemp -d)"
DB="ally_topology_$(openssl rand -hex 4)"
DB_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$PG_URL" "$DB")"
pids=()

cleanup() {
  local rc=$?
  set +e
  if [ "$rc" -ne 0 ]; then
    for log in "$WORK"/app-*.log "$WORK"/nginx-error.log; do [ -f "$log" ] && { echo "--- $(basename "$log")"; tail -n 30 "$log"; }; done
  fi
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null; done
  sleep 1
  psql "$PG_URL" -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

for port in $PORT_TLS $PORT_A $PORT_B 3211 3212; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use"; exit 1; fi
done

echo "[topology] certificate, database $DB, mail server"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
# The browser trusts exactly this certificate, by the hash of its public key.
TOPOLOGY_SPKI="$(openssl x509 -in "$WORK/cert.pem" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
psql "$PG_URL" -q -c "CREATE DATABASE $DB"
setsid npx tsx e2e/mail-server.ts >"$WORK/mail.log" 2>&1 &
pids+=($!)

export DATABASE_URL="$DB_URL"
export NEXTAUTH_URL="https://localhost:$PORT_TLS"
export NEXTAUTH_SECRET="$(openssl rand -hex 32)"
export DATA_ENCRYPTION_KEY="$(openssl rand -base64 32)"
export TRUSTED_PROXY_HOPS=1
export SMTP_URL="smtp://127.0.0.1:3211"
export SEED_DEMO=1
export NEXT_TELEMETRY_DISABLED=1

start_app() {
  # The server as `npm start` runs it; the process group is what the load test kills.
  setsid npm start -- -p "$1" -H 127.0.0.1 >"$WORK/app-$1.log" 2>&1 &
  pids+=($!)
  echo $! >"$WORK/app-$1.pid"
}
wait_for() {
  for _ in $(seq 1 90); do curl -fsk "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "[topology] $1 did not answer"; tail -n 40 "$WORK"/app-*.log; exit 1
}

echo "[topology] two app servers on one PostgreSQL"
# The first migrates and seeds; the second starts beside it (migrations take an advisory lock anyway).
start_app $PORT_A
wait_for "http://127.0.0.1:$PORT_A/api/health"
start_app $PORT_B
wait_for "http://127.0.0.1:$PORT_B/api/health"

echo "[topology] nginx with TLS in front of both"
cat >"$WORK/nginx.conf" <<EOF
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  client_max_body_size 10m;
  upstream app { server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=30s; server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=30s; }
  server {
    listen 127.0.0.1:$PORT_TLS ssl;
    listen [::1]:$PORT_TLS ssl;
    server_name localhost;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-Host \$host:\$server_port;
      # Which server answered, for the test that a session works on both.
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK"
wait_for "https://localhost:$PORT_TLS/api/health"

echo "[topology] browser and HTTP checks"
# Node (the test's own requests) trusts the certificate as a company's CA would be trusted.
NODE_EXTRA_CA_CERTS="$WORK/cert.pem" TOPOLOGY_URL="https://localhost:$PORT_TLS" TOPOLOGY_SPKI="$TOPOLOGY_SPKI" TOPOLOGY_DB="$DB_URL" \
  TOPOLOGY_SERVERS="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" TOPOLOGY_KILL_PID_FILE="$WORK/app-$PORT_B.pid" \
  npx playwright test -c playwright.topology.config.ts
