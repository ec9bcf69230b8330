// Original file: proto/gamecluster/v1/gamecluster.proto

import type { RoomInfo as _gamecluster_v1_RoomInfo, RoomInfo__Output as _gamecluster_v1_RoomInfo__Output } from '../../gamecluster/v1/RoomInfo.js';

export interface ListRoomsResponse {
  'rooms'?: (_gamecluster_v1_RoomInfo)[];
}

export interface ListRoomsResponse__Output {
  'rooms': (_gamecluster_v1_RoomInfo__Output)[];
}
