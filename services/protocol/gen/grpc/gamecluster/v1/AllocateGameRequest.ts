// Original file: proto/gamecluster/v1/gamecluster.proto


export interface AllocateGameRequest {
  'account'?: (string);
  'websocket'?: (boolean);
}

export interface AllocateGameRequest__Output {
  'account': (string);
  'websocket': (boolean);
}
