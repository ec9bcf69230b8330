#!/usr/bin/env bash
# Generates the TypeScript-facing code of proto/gamecluster/v1/gamecluster.proto:
#  - services/protocol/gen/gamecluster.{js,d.ts}: protobufjs static codecs for the TCP frames (pbjs + pbts)
#  - services/protocol/gen/grpc/: proto-loader-gen-types types for the gRPC AppMgrService
# Never edit the output by hand; `npm run gen` rewrites it and a test checks it is current.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-services/protocol/gen}
bin=node_modules/.bin
mkdir -p "$out"
"$bin/pbjs" -t static-module -w es6 --force-number --no-create --no-verify --no-convert --no-delimited \
  --no-typeurl --no-service -o "$out/gamecluster.js" proto/gamecluster/v1/gamecluster.proto
# ESM needs the file extension on the protobufjs subpath import.
sed -i 's#from "protobufjs/minimal"#from "protobufjs/minimal.js"#' "$out/gamecluster.js"
"$bin/pbts" --no-comments -o "$out/gamecluster.d.ts" "$out/gamecluster.js"
rm -rf "$out/grpc"
"$bin/proto-loader-gen-types" --longs=Number --enums=String --defaults --oneofs --grpcLib=@grpc/grpc-js \
  --importFileExtension=.js -O "$out/grpc" -I proto -- gamecluster/v1/gamecluster.proto >/dev/null
# pbts adds a `long` import that --force-number makes unused (and protobufjs 8 does not ship it).
sed -i '/^import Long = require("long");$/d' "$out/gamecluster.d.ts"
