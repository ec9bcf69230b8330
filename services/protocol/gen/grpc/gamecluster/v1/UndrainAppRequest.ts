// Original file: proto/gamecluster/v1/gamecluster.proto


export interface UndrainAppRequest {
  'appId'?: (string);
}

export interface UndrainAppRequest__Output {
  'appId': (string);
}
