// Original file: proto/gamecluster/v1/gamecluster.proto

import type { RoomSpec as _gamecluster_v1_RoomSpec, RoomSpec__Output as _gamecluster_v1_RoomSpec__Output } from '../../gamecluster/v1/RoomSpec.js';
import type { RoomJoin as _gamecluster_v1_RoomJoin, RoomJoin__Output as _gamecluster_v1_RoomJoin__Output } from '../../gamecluster/v1/RoomJoin.js';

export interface RoomRequest {
  'create'?: (_gamecluster_v1_RoomSpec | null);
  'join'?: (_gamecluster_v1_RoomJoin | null);
  'find'?: (_gamecluster_v1_RoomSpec | null);
  'want'?: "create"|"join"|"find";
}

export interface RoomRequest__Output {
  'create'?: (_gamecluster_v1_RoomSpec__Output | null);
  'join'?: (_gamecluster_v1_RoomJoin__Output | null);
  'find'?: (_gamecluster_v1_RoomSpec__Output | null);
  'want'?: "create"|"join"|"find";
}
