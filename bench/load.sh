#!/usr/bin/env bash
# Requests per second for public pages under load: gunicorn in production mode on PostgreSQL,
# wrk on 127.0.0.1 (Debian's package). Bounded: 10 s per page, then everything stops.
#
#   DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DB bash bench/load.sh [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-2}
port=8765
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

export DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false DATABASE_CONN_MAX_AGE=60
export SECRET_KEY="bench-only-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')"
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py loaddata model -v0
.venv/bin/python manage.py collectstatic --no-input -v0

.venv/bin/gunicorn collabmodel.wsgi --workers "$workers" --bind "127.0.0.1:$port" \
  --log-level warning &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

echo "gunicorn, $workers sync workers, $(nproc) cores; wrk: 2 threads, 16 connections, 10 s"
for path in /en/ /en/model/ "/en/model/?domains=leadership,communication" /en/model/communication/planning/; do
  printf '%-45s' "$path"
  wrk -t2 -c16 -d10s "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ {printf "%8s req/s", $2} /Latency/ {printf "  latency avg %s", $2}'
  echo
done
