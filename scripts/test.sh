#!/usr/bin/env bash
# `npm test`: set up what is missing, type-check, then run every test (unit tests beside the code and the
# integration tests in test/) with node:test through tsx. Extra args are passed to node --test.
set -euo pipefail
cd "$(dirname "$0")/.."
# openssl: test/helpers/test-certs.ts (mTLS), test/tls.test.ts; chromium: test/browser.test.ts; mono: test/unity-client.test.ts
bash scripts/ensure-env.sh redis-server redis-sentinel prometheus openssl chromium \
  mcs:mono-mcs mono:mono-runtime cert-sync:ca-certificates-mono /usr/lib/mono/4.5/System.Net.Http.dll:libmono-system-net-http4.0-cil
node_modules/.bin/tsc --noEmit -p .
node_modules/.bin/tsc --noEmit -p examples/web   # the browser page (DOM types), excluded from the Node project
shopt -s globstar nullglob
files=(services/**/*.test.ts test/**/*.test.ts)
# Files run TEST_CONCURRENCY at a time (default 4): most of a file's time is waiting on real processes and timers,
# not CPU, so 2 cores run several at once; the slowest files go first so that none starts last and runs alone.
# The files that hold a process's memory per connection to a budget, or load the machine themselves (10,000
# sockets at once, a 2,000-player wave across a Redis restart, a herd of 500 that must meet a full cluster at once),
# or compare two registries whose 10 s reservations must not lapse in between (allocate-games), run after, one at a
# time: their budgets have slack for a noisy machine, not for three other test files at once.
slow=(test/expose-modes.test.ts test/sessions-idle-cost.test.ts test/chart-live.test.ts test/reliability-pods.test.ts test/workers.test.ts test/cluster-wave.test.ts)
alone=(test/hostile-clients.test.ts test/abuse-websocket.test.ts test/reliability-input.test.ts test/reliability-outage.test.ts test/allocate-games.test.ts test/queue-herd.test.ts)
ordered=()
for f in "${slow[@]}"; do [ -f "$f" ] && ordered+=("$f"); done
for f in "${files[@]}"; do [[ " ${slow[*]} ${alone[*]} " == *" $f "* ]] || ordered+=("$f"); done
GC_TEST_TIMES=$(mktemp -d)
export GC_TEST_TIMES
trap 'rm -rf "$GC_TEST_TIMES"' EXIT
reporters=(--import ./scripts/test-timing.mjs --test-reporter=spec --test-reporter-destination=stdout --test-reporter=./scripts/test-file-times.mjs --test-reporter-destination=stdout)
rc=0
node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-4}" "${reporters[@]}" "$@" "${ordered[@]}" || rc=$?
lone=()
for f in "${alone[@]}"; do [ -f "$f" ] && lone+=("$f"); done
node --import tsx --test --test-concurrency=1 "${reporters[@]}" "$@" "${lone[@]}" || rc=$?
exit $rc
