// Original file: proto/gamecluster/v1/gamecluster.proto

import type { AllocateGameResponse as _gamecluster_v1_AllocateGameResponse, AllocateGameResponse__Output as _gamecluster_v1_AllocateGameResponse__Output } from '../../gamecluster/v1/AllocateGameResponse.js';

export interface AllocateGamesResponse {
  'responses'?: (_gamecluster_v1_AllocateGameResponse)[];
}

export interface AllocateGamesResponse__Output {
  'responses': (_gamecluster_v1_AllocateGameResponse__Output)[];
}
