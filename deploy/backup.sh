#!/usr/bin/env bash
# Back the app's database up: pg_dump's custom format (compressed; restored with pg_restore,
# docs/operations.md) into BACKUP_DIR (default /var/backups/collabmodel), keeping the dumps
# of the last KEEP_DAYS days (default 14). Prints the new dump's path.
# usage: deploy/backup.sh [DATABASE_URL]   (default: the one in /etc/collabmodel/database_url,
# or in the folder COLLABMODEL_CONFIG names)
set -euo pipefail
cd "$(dirname "$0")/.."
backup_dir=${BACKUP_DIR:-/var/backups/collabmodel}
keep_days=${KEEP_DAYS:-14}
url=${1:-$(cat "${COLLABMODEL_CONFIG:-/etc/collabmodel}/database_url")}

# The address's parts as libpq's variables, so that the password shows in no process list.
eval "$(.venv/bin/python -c '
import shlex, sys
from urllib.parse import unquote, urlsplit
url = urlsplit(sys.stdin.read().strip())
parts = {"PGHOST": url.hostname, "PGPORT": url.port, "PGUSER": url.username,
         "PGPASSWORD": url.password, "PGDATABASE": url.path.lstrip("/")}
for name, value in parts.items():
    if value:
        print(f"export {name}={shlex.quote(unquote(str(value)))}")
' <<<"$url")"

umask 077
mkdir -p "$backup_dir"
file="$backup_dir/collabmodel-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under another name first: a dump that stopped half-way is never taken for a backup.
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial"
mv "$file.partial" "$file"
find "$backup_dir" -name 'collabmodel-*.dump' -mtime +"$keep_days" -delete
echo "$file"
