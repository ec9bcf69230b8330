// Original file: proto/gamecluster/v1/gamecluster.proto

import type { MatchPlayer as _gamecluster_v1_MatchPlayer, MatchPlayer__Output as _gamecluster_v1_MatchPlayer__Output } from '../../gamecluster/v1/MatchPlayer.js';
import type { RoomSpec as _gamecluster_v1_RoomSpec, RoomSpec__Output as _gamecluster_v1_RoomSpec__Output } from '../../gamecluster/v1/RoomSpec.js';

export interface AllocateMatchRequest {
  'matchId'?: (string);
  'players'?: (_gamecluster_v1_MatchPlayer)[];
  'room'?: (_gamecluster_v1_RoomSpec | null);
  'websocket'?: (boolean);
  'seatTtlMs'?: (number);
}

export interface AllocateMatchRequest__Output {
  'matchId': (string);
  'players': (_gamecluster_v1_MatchPlayer__Output)[];
  'room': (_gamecluster_v1_RoomSpec__Output | null);
  'websocket': (boolean);
  'seatTtlMs': (number);
}
