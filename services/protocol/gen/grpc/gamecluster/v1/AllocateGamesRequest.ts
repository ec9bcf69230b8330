// Original file: proto/gamecluster/v1/gamecluster.proto

import type { AllocateGameRequest as _gamecluster_v1_AllocateGameRequest, AllocateGameRequest__Output as _gamecluster_v1_AllocateGameRequest__Output } from '../../gamecluster/v1/AllocateGameRequest.js';

export interface AllocateGamesRequest {
  'requests'?: (_gamecluster_v1_AllocateGameRequest)[];
}

export interface AllocateGamesRequest__Output {
  'requests': (_gamecluster_v1_AllocateGameRequest__Output)[];
}
