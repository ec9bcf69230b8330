#!/usr/bin/env bash
# Shared set-up of `npm start` and `npm test` on a fresh machine: node_modules (npm ci, which also builds dist/)
# and the system packages the project runs against. Installs with apt-get when root, else says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each argument is a Debian package named for its command (redis-server, prometheus, chromium) or `check:package`,
# where check is a command or an absolute path the package provides (mcs:mono-mcs, /usr/lib/…/X.dll:libmono-…).
need_pkgs=("$@")

if [ -L node_modules ]; then
  # A link to an install shared by several checkouts (git worktrees): `npm ci` would empty the shared folder through
  # the link and replace the link by a copy, so it is never run here; that install is kept up to date where it lives.
  [ -d node_modules/ ] || { echo "gamecluster: node_modules links to a missing folder: $(readlink node_modules)" >&2; exit 1; }
  [ -f dist/cli.js ] || npm run build >&2
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "gamecluster: installing npm dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
elif [ ! -f dist/cli.js ]; then
  npm run build >&2
fi

missing=()
for item in "${need_pkgs[@]}"; do
  check="${item%%:*}"
  pkg="${item##*:}"
  if [[ "$check" == /* ]]; then
    [ -e "$check" ] || missing+=("$pkg")
  else
    command -v "$check" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gamecluster: installing ${missing[*]} with apt-get…" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
  else
    echo "gamecluster: missing ${missing[*]}: install it (e.g. sudo apt-get install ${missing[*]}) or set REDIS_URL to a running Redis" >&2
    exit 1
  fi
fi
