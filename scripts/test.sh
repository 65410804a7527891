#!/usr/bin/env bash
# The test command: sets up everything on a fresh machine, then runs the whole suite.
#   bash scripts/test.sh            # all tests (unit, data, AppTest, real browser)
#   bash scripts/test.sh tests/unit # any pytest arguments
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# Debian's chromium for the Playwright tests (Playwright cannot download its own browser here),
# Debian's Node.js and npm for the map client's tests and linter, and Debian's HAProxy for the test
# of several replicas (tests/browser/test_replicas.py; scripts/replicas.py runs the binary itself
# with its own config, never the system service).
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
{ command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; } || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ESLint, jsdom and Leaflet from the npm registry (package-lock.json; node_modules is never committed).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi

.venv/bin/ruff check --quiet .
npx --no-install eslint static tests/js
# The files the app serves from its packages (Leaflet, Leaflet.markercluster) under static/vendor/, as the
# app does at start-up: the map client's tests load the very plugin the browser gets.
.venv/bin/python -c "from atlas.map import client; from atlas.paths import geodata_dir; client.install_static(geodata_dir())"
node --test --test-reporter=dot tests/js/
.venv/bin/python scripts/fmt_geodata.py --check
.venv/bin/python -m atlas.validate
exec .venv/bin/python -m pytest "$@"
