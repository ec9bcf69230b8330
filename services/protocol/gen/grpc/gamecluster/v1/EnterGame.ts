// Original file: proto/gamecluster/v1/gamecluster.proto

import type { RoomRequest as _gamecluster_v1_RoomRequest, RoomRequest__Output as _gamecluster_v1_RoomRequest__Output } from '../../gamecluster/v1/RoomRequest.js';

export interface EnterGame {
  'room'?: (_gamecluster_v1_RoomRequest | null);
  'admission'?: (string);
}

export interface EnterGame__Output {
  'room': (_gamecluster_v1_RoomRequest__Output | null);
  'admission': (string);
}
