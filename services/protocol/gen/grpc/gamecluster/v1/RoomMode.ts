// Original file: proto/gamecluster/v1/gamecluster.proto


export interface RoomMode {
  'mode'?: (string);
  'maxPlayers'?: (number);
}

export interface RoomMode__Output {
  'mode': (string);
  'maxPlayers': (number);
}
