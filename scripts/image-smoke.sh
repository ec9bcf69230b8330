#!/usr/bin/env bash
# Smoke run of a published image on one platform (the release runs it for linux/amd64 and, under QEMU, linux/arm64
# before the image gets its version tag): a Redis, then appmgr, a login and a game from the image on the host network,
# each waited for on its /readyz, then a robot wave from the image through the whole player flow. Exit 0 only when
# the image is of that platform and every robot played; every container it started is removed.
# Usage: scripts/image-smoke.sh IMAGE_REF PLATFORM   (e.g. ghcr.io/gamecluster/gamecluster@sha256:… linux/arm64)
# Needs docker. Env: SMOKE_PLAYERS (20), SMOKE_READY_S (180: QEMU-emulated Node starts slowly).
set -euo pipefail
ref=${1:?image reference}
platform=${2:?platform, e.g. linux/arm64}
players=${SMOKE_PLAYERS:-20}
ready_s=${SMOKE_READY_S:-180}
run_id=gc-smoke-$$
log() { echo "image-smoke[$platform]: $*" >&2; }
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker logs --tail 20 "$c" >&2 2>/dev/null || true; docker rm -f "$c" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

docker pull --quiet --platform "$platform" "$ref" >/dev/null
arch=$(docker image inspect --format '{{.Os}}/{{.Architecture}}' "$ref")
[ "$arch" = "$platform" ] || { log "pulled $arch, expected $platform"; exit 1; }

start() { # name, then docker args
  local name="$run_id-$1"; shift
  docker run -d --name "$name" --network host "$@" >/dev/null
  containers+=("$name")
}
start redis docker.io/library/redis:7.4-alpine --port 16379 --save ''
common=(--platform "$platform" -e REDIS_URL=redis://127.0.0.1:16379 -e PREFIX=smoke -e LOG_LEVEL=warn)
start appmgr "${common[@]}" -e HTTP_PORT=18080 -e ADMIN_PORT=18081 -e GRPC_PORT=15051 "$ref" appmgr
start login "${common[@]}" -e PORT=15002 -e METRICS_PORT=19102 -e ADVERTISE_HOST=127.0.0.1 -e APPMGR_GRPC=127.0.0.1:15051 -e AUTH_MODE=open "$ref" login
start game "${common[@]}" -e PORT=16001 -e METRICS_PORT=19101 -e ADVERTISE_HOST=127.0.0.1 "$ref" game

for url in http://127.0.0.1:18080/readyz http://127.0.0.1:19102/readyz http://127.0.0.1:19101/readyz; do
  deadline=$((SECONDS + ready_s))
  until curl -fsS -o /dev/null "$url"; do
    [ $SECONDS -lt $deadline ] || { log "$url not ready after ${ready_s} s"; exit 1; }
    sleep 2
  done
done
log "appmgr, login and game ready; $players robots"
docker run --rm --network host --platform "$platform" "$ref" robots --appmgr http://127.0.0.1:18080 \
  --players "$players" --rate 10 --duration 2 --no-progress
log "ok: $ref runs on $platform"
