// Original file: proto/gamecluster/v1/gamecluster.proto


export interface LoginByToken {
  'account'?: (string);
  'token'?: (string);
}

export interface LoginByToken__Output {
  'account': (string);
  'token': (string);
}
