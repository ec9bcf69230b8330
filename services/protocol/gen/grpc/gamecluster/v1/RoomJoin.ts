// Original file: proto/gamecluster/v1/gamecluster.proto


export interface RoomJoin {
  'roomId'?: (string);
}

export interface RoomJoin__Output {
  'roomId': (string);
}
