// Original file: proto/gamecluster/v1/gamecluster.proto

import type { MatchPlayer as _gamecluster_v1_MatchPlayer, MatchPlayer__Output as _gamecluster_v1_MatchPlayer__Output } from '../../gamecluster/v1/MatchPlayer.js';

export interface ReserveSeatsRequest {
  'roomId'?: (string);
  'players'?: (_gamecluster_v1_MatchPlayer)[];
  'requestId'?: (string);
  'websocket'?: (boolean);
  'seatTtlMs'?: (number);
}

export interface ReserveSeatsRequest__Output {
  'roomId': (string);
  'players': (_gamecluster_v1_MatchPlayer__Output)[];
  'requestId': (string);
  'websocket': (boolean);
  'seatTtlMs': (number);
}
