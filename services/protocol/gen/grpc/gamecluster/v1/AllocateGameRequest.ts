// Original file: proto/gamecluster/v1/gamecluster.proto


export interface AllocateGameRequest {
  'account'?: (string);
}

export interface AllocateGameRequest__Output {
  'account': (string);
}
