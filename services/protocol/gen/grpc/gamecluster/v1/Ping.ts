// Original file: proto/gamecluster/v1/gamecluster.proto

import type { Long } from '@grpc/proto-loader';

export interface Ping {
  'clientTimeMs'?: (number | string | Long);
}

export interface Ping__Output {
  'clientTimeMs': (number);
}
