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

# Debian's chromium for the Playwright tests (Playwright cannot download its own browser here).
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Leaflet for the browser tests, from the npm registry (never committed; see tests/browser/package.json).
if [ ! -f tests/browser/node_modules/leaflet/dist/leaflet.js ] || \
   [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --silent
fi

.venv/bin/ruff check --quiet .
.venv/bin/python scripts/fmt_geodata.py --check
.venv/bin/python -m atlas.validate
exec .venv/bin/python -m pytest "$@"
