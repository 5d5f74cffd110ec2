#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it when missing and we can; otherwise stop with
# one line saying how to get it.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $path: installing Debian's chromium package…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$path" ] && exit 0
fi
echo "The browser tests need Chromium at $path: install it with 'sudo apt-get install -y --no-install-recommends chromium' or set CHROMIUM_PATH." >&2
exit 1
