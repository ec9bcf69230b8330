#!/usr/bin/env bash
# The image, built and run here (called by .ci/run after `npm test`; not part of `npm test`, so the suite stays fast).
# 1. the base image: pulled, or a stand-in assembled by scripts/image-base.sh when no registry answers;
# 2. `buildah bud --isolation chroot --layers --build-arg BASE_IMAGE=<that image>` of the repository's real
#    Dockerfile (layers cached between runs);
# 3. scripts/image-run.ts: appmgr, a login and two games from the image as uid 1000 plus a host redis-server, then a
#    robot wave from the image: exit 0 only with 0 failures. Everything it starts is stopped, its containers removed.
# Env: IMAGE (default localhost/gamecluster/gamecluster:dev), IMAGE_PLAYERS (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
image=${IMAGE:-localhost/gamecluster/gamecluster:dev}
log() { echo "image-check: $*" >&2; }

missing=()
for bin in buildah mmdebstrap; do command -v "$bin" >/dev/null 2>&1 || missing+=("$bin"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
  else
    log "missing ${missing[*]}: install them (sudo apt-get install buildah mmdebstrap)"; exit 1
  fi
fi

t0=$(date +%s)
base=$(bash scripts/image-base.sh Dockerfile)
t1=$(date +%s)
log "base image $base ready in $((t1 - t0)) s"
buildlog=$(mktemp)
# The Dockerfile's BASE_IMAGE is pinned by digest upstream; here the build uses the base image-base.sh made available.
if ! buildah bud --isolation chroot --layers --quiet --build-arg "BASE_IMAGE=$base" -f Dockerfile -t "$image" . >"$buildlog" 2>&1; then
  tail -n 60 "$buildlog" >&2; rm -f "$buildlog"
  log "buildah bud failed"; exit 1
fi
rm -f "$buildlog"
t2=$(date +%s)
size=$(buildah images --format '{{.Size}}' "$image" | head -n1)
log "built $image in $((t2 - t1)) s: $size"
# What the chart relies on: the numeric non-root user, the entrypoint, and no dev tree in the final stage.
user=$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image")
entrypoint=$(buildah inspect --type image --format '{{.OCIv1.Config.Entrypoint}}' "$image")
[ "$user" = "1000:1000" ] || { log "image USER is '$user', expected 1000:1000"; exit 1; }
[ "$entrypoint" = '[gamecluster]' ] || { log "image ENTRYPOINT is $entrypoint, expected [gamecluster]"; exit 1; }
ctr=$(buildah from --quiet --pull=false "$image")
mnt=$(buildah mount "$ctr")
# Every package the lock file marks dev-only (the lock file decides, not a list kept here).
mapfile -t dev < <(node -e '
  const { existsSync } = require("node:fs");
  const lock = require(process.argv[1] + "/package-lock.json");
  for (const [path, p] of Object.entries(lock.packages)) if (path && p.dev && existsSync(process.argv[2] + "/app/" + path + "/package.json")) console.log(path);
' "$PWD" "$mnt")
modules=$(du -sm "$mnt/app/node_modules" | cut -f1)
buildah umount "$ctr" >/dev/null; buildah rm "$ctr" >/dev/null
[ ${#dev[@]} -eq 0 ] || { log "dev-only packages in the final image: ${dev[*]:0:10}"; exit 1; }
log "USER $user, ENTRYPOINT $entrypoint, /app/node_modules ${modules} MB (production only)"
node --import tsx scripts/image-run.ts --image "$image" --players "${IMAGE_PLAYERS:-200}"
log "image built and run in $(( $(date +%s) - t0 )) s"
