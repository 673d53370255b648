# Shared set-up for scripts/run and scripts/test: a virtualenv on Python 3.12+ with the
# project's dependencies. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3 \
      "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  echo "No Python 3.12 or newer found. Install one (e.g. 'pyenv install 3.13') and try again." >&2
  exit 1
}

# ensure_venv [extra]: create .venv if needed and install the project (with an optional extra).
ensure_venv() {
  local extra=${1:-}
  local spec="."
  [ -n "$extra" ] && spec=".[$extra]"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  # xstatic-bootstrap is source-only and needs setuptools<81 to build.
  .venv/bin/python -m pip install --quiet --build-constraint build-constraints.txt -e "$spec"
}

# What the app needs from Debian: Pango (WeasyPrint's text layout), fonts with every letter of
# the Baltic Sea Region and emoji, and HarfBuzz's subsetter, to render PDF workbooks; gettext,
# to compile the translations.
APP_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-color-emoji libharfbuzz-subset0 gettext)

install_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
