// Original file: proto/gamecluster/v1/gamecluster.proto


export interface DrainAppRequest {
  'appId'?: (string);
}

export interface DrainAppRequest__Output {
  'appId': (string);
}
