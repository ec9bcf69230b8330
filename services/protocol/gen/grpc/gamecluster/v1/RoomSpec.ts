// Original file: proto/gamecluster/v1/gamecluster.proto


export interface RoomSpec {
  'mode'?: (string);
  'maxPlayers'?: (number);
  'isPrivate'?: (boolean);
  'labels'?: ({[key: string]: string});
}

export interface RoomSpec__Output {
  'mode': (string);
  'maxPlayers': (number);
  'isPrivate': (boolean);
  'labels': ({[key: string]: string});
}
