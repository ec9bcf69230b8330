// Original file: proto/gamecluster/v1/gamecluster.proto


export interface UndrainAppResponse {
  'found'?: (boolean);
}

export interface UndrainAppResponse__Output {
  'found': (boolean);
}
