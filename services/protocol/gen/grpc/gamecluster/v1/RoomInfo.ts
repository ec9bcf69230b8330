// Original file: proto/gamecluster/v1/gamecluster.proto

import type { Long } from '@grpc/proto-loader';

export interface RoomInfo {
  'roomId'?: (string);
  'appId'?: (string);
  'mode'?: (string);
  'players'?: (number);
  'reserved'?: (number);
  'maxPlayers'?: (number);
  'isPrivate'?: (boolean);
  'locked'?: (boolean);
  'labels'?: ({[key: string]: string});
  'createdAtMs'?: (number | string | Long);
}

export interface RoomInfo__Output {
  'roomId': (string);
  'appId': (string);
  'mode': (string);
  'players': (number);
  'reserved': (number);
  'maxPlayers': (number);
  'isPrivate': (boolean);
  'locked': (boolean);
  'labels': ({[key: string]: string});
  'createdAtMs': (number);
}
