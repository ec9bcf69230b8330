#!/usr/bin/env bash
# Makes the Dockerfile's base image (ARG BASE_IMAGE=node:<major>[-bookworm]-slim[@sha256:…], or a literal FROM) available
# to buildah's local storage; prints the name to build with (scripts/image-check.sh passes it as --build-arg
# BASE_IMAGE). When a registry answers, that is a plain pull (by digest when the Dockerfile pins one). When none does (these machines reach the npm registry and Debian's mirror only), it
# assembles a stand-in under the same name: a Debian bookworm minbase rootfs (mmdebstrap), the Node binary of the same
# major from the npm package node-linux-<arch>, npm@10 from the npm registry, a `node` user with uid/gid 1000 (as the
# official image has), and this machine's CA bundle with NODE_EXTRA_CA_CERTS pointing at it (the network here
# intercepts TLS; without it `npm ci` in the build fails with SELF_SIGNED_CERT_IN_CHAIN). The assembled rootfs is
# cached as one tarball under .cache/image-base/, the committed image stays in buildah's storage.
# Usage: scripts/image-base.sh [Dockerfile]   Prints the base image name on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
dockerfile=${1:-Dockerfile}
log() { echo "image-base: $*" >&2; }

# The first FROM's image, its ${BASE_IMAGE} resolved from the ARG default; every stage of our Dockerfile uses the same
# base (test/dockerfile.test.ts checks the form).
from=$(awk 'toupper($1)=="FROM" { for (i=2;i<=NF;i++) if ($i !~ /^--/) { print $i; exit } }' "$dockerfile")
if [[ $from == '${BASE_IMAGE}' || $from == '$BASE_IMAGE' ]]; then
  from=$(sed -n 's/^ARG BASE_IMAGE=\(.*\)$/\1/p' "$dockerfile" | head -n1)
fi
if [[ ! $from =~ ^(docker\.io/(library/)?)?node:([0-9]+)(\.[0-9.]+)?-(bookworm-)?slim(@sha256:[0-9a-f]{64})?$ ]]; then
  log "base $from is not node:<major>[-bookworm]-slim[@digest]: cannot assemble a stand-in for it" && exit 1
fi
major=${BASH_REMATCH[3]}
pinned="docker.io/library/${from#docker.io/}"
pinned="docker.io/library/${pinned#docker.io/library/}"
# Local storage cannot hold a stand-in under a digest: it is named by the tag, and the build is told to use that.
name=${pinned%@*}

if buildah inspect --type image "$name" >/dev/null 2>&1; then
  log "$name is in local storage"
  echo "$name"; exit 0
fi
if timeout 120 buildah pull --quiet "$pinned" >/dev/null 2>&1; then
  [ "$pinned" = "$name" ] || buildah tag "$pinned" "$name"
  log "pulled $pinned"
  echo "$name"; exit 0
fi
log "$name cannot be pulled: assembling a stand-in (Debian bookworm minbase + Node $major from npm)"

case "$(uname -m)" in
  x86_64) narch=x64 ;;
  aarch64) narch=arm64 ;;
  *) log "no node-linux package for $(uname -m)" && exit 1 ;;
esac
ca=/etc/ssl/certs/ca-certificates.crt
work=""
ctr=""
cleanup() {
  [ -z "$ctr" ] || buildah rm "$ctr" >/dev/null 2>&1 || true
  [ -z "$work" ] || rm -rf "$work"
  rm -f "${rootfs_tar:-/nonexistent}.part"
}
trap cleanup EXIT
[ -f "$ca" ] || { log "$ca is missing (apt-get install ca-certificates)"; exit 1; }
cache=.cache/image-base
mkdir -p "$cache"
rootfs_tar="$cache/node$major-bookworm-$narch.tar"

if [ ! -s "$rootfs_tar" ]; then
  work=$(mktemp -d)
  log "npm pack node-linux-$narch@$major npm@10"
  (cd "$work" && npm pack --silent "node-linux-$narch@$major" "npm@10" >/dev/null)
  mkdir -p "$work/node" "$work/npm"
  tar -xzf "$work"/node-linux-"$narch"-*.tgz -C "$work/node"
  tar -xzf "$work"/npm-*.tgz -C "$work/npm"
  # The layout of the official image: /usr/local/bin/{node,npm,npx}, npm under /usr/local/lib/node_modules.
  # Docs, man pages and locales dropped as in Debian's slim images.
  log "mmdebstrap bookworm (minbase + ca-certificates)"
  mmdebstrap --quiet --format=tar --variant=minbase --include=ca-certificates --mode=root \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook="install -m 0755 '$work/node/package/bin/node' \"\$1/usr/local/bin/node\"" \
    --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules\" && cp -a '$work/npm/package' \"\$1/usr/local/lib/node_modules/npm\"" \
    --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
    --customize-hook="install -m 0644 '$ca' \"\$1/usr/local/share/ca-certificates-host.crt\"" \
    --customize-hook='chroot "$1" groupadd --gid 1000 node && chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
    bookworm "$rootfs_tar.part"
  mv "$rootfs_tar.part" "$rootfs_tar"
  rm -rf "$work"
fi

ctr=$(buildah from --quiet scratch)
buildah add --quiet "$ctr" "$rootfs_tar" / >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates-host.crt \
  --label gamecluster.stand-in=true \
  --cmd node "$ctr"
buildah commit --quiet --rm "$ctr" "$name" >/dev/null
ctr=""
log "committed the stand-in $name"
echo "$name"
