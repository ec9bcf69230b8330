// Original file: proto/gamecluster/v1/gamecluster.proto


export interface DrainAppResponse {
  'found'?: (boolean);
}

export interface DrainAppResponse__Output {
  'found': (boolean);
}
