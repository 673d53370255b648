#!/usr/bin/env bash
# manage.py with the services' settings and secrets, for installing, upgrading and maintenance
# (docs/deploy.md): `deploy/manage.sh migrate`. The settings are read from /etc/collabmodel/, or
# from the folder COLLABMODEL_CONFIG names.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${COLLABMODEL_CONFIG:-/etc/collabmodel}
set -a
# shellcheck source=collabmodel.env
source "$config/collabmodel.env"
set +a
export SECRET_KEY_FILE="$config/secret_key"
export DATABASE_URL_FILE="$config/database_url"
export EMAIL_HOST_PASSWORD_FILE="$config/email_host_password"
exec .venv/bin/python manage.py "$@"
