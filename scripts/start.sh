#!/usr/bin/env bash
# `npm start`: set up what is missing, then run `gamecluster local` (a whole cluster on this machine + a robot wave).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${REDIS_URL:-}" ]; then bash scripts/ensure-env.sh redis-server; else bash scripts/ensure-env.sh; fi
exec node dist/cli.js local "$@"
