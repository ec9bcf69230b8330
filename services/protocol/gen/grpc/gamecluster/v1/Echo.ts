// Original file: proto/gamecluster/v1/gamecluster.proto

import type { Long } from '@grpc/proto-loader';

export interface Echo {
  'payload'?: (Buffer | Uint8Array | string);
  'clientTimeMs'?: (number | string | Long);
}

export interface Echo__Output {
  'payload': (Buffer);
  'clientTimeMs': (number);
}
