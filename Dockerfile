# syntax=docker/dockerfile:1
# gamecluster: one image for every component; the Helm chart passes the command (appmgr|login|game|robots) as args.
# Published as ghcr.io/gamecluster/gamecluster:<version> for linux/amd64 and linux/arm64 (.github/workflows/release.yml);
# built and run locally with buildah by scripts/image-check.sh (docs/operations.md, "The image").

# The base of both stages: Node 24 (LTS) on Debian bookworm slim. Renovate (.github/renovate.json) pins it by digest
# (`node:24-bookworm-slim@sha256:…`) and keeps that digest current, so a release builds on exactly the base it was
# tested with; scripts/image-check.sh passes its own (a pulled or locally assembled stand-in) with --build-arg.
ARG BASE_IMAGE=node:24-bookworm-slim

# ---- build: production dependencies + the compiler only, TypeScript → dist/ ----
FROM ${BASE_IMAGE} AS build
WORKDIR /app
# Dependencies first so source edits reuse this layer. Scripts are skipped because `prepare` builds and the sources
# are not copied yet; the build runs explicitly below. The dev tree (~460 MB: buf, kubectl, benchmarks, test models)
# is not needed to compile: production dependencies, then typescript and the @types packages the services use,
# at the versions package-lock.json pins, installed beside them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && tools=$(node -e "const p=require('./package-lock.json').packages; console.log(['typescript','@types/node','@types/cli-progress','@types/ws'].map((n)=>n+'@'+p['node_modules/'+n].version).join(' '))") \
 && npm install --prefix /tmp/build-tools --no-save --no-package-lock --no-audit --no-fund $tools \
 && cp -a /tmp/build-tools/node_modules/. node_modules/ \
 && rm -rf /tmp/build-tools
COPY tsconfig.json tsconfig.build.json tsconfig.examples.json ./
COPY scripts/copy-assets.mjs ./scripts/
COPY proto ./proto
COPY services ./services
# The sample game (the built-in `arena` module) compiles to dist/examples/arena with its .proto.
COPY examples ./examples
RUN npm run build

# ---- run: production dependencies only ----
FROM ${BASE_IMAGE} AS run
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would try to build with the (absent) dev dependencies.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY proto ./proto
COPY bin ./bin
# `gamecluster` on PATH, as `npm install -g` would do: bin/gamecluster execs node on dist/cli.js with the command's
# Node flags (login and game: a 1 MiB young generation; services/platform/node-flags.ts), so `docker run … game`
# ships what was measured, and node is still PID 1.
# /app/game is where a studio image puts its game module (`FROM` this image, COPY the module, GAME_MODULE=...;
# docs/game-modules.md): `gamecluster` is importable from there (`import { defineGame } from 'gamecluster/game'`).
RUN chmod 0755 dist/cli.js bin/gamecluster && ln -s /app/bin/gamecluster /usr/local/bin/gamecluster \
 && mkdir -p /app/game/node_modules && ln -s /app /app/game/node_modules/gamecluster
# The image's unprivileged `node` user, numeric so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# appmgr HTTP, appmgr admin, appmgr gRPC, login, game, login/game metrics.
EXPOSE 8080 8081 50051 5002 6001 9100
# node is PID 1 and handles SIGTERM itself (drain, then exit 0), so no init wrapper is needed.
ENTRYPOINT ["gamecluster"]
CMD ["--help"]
