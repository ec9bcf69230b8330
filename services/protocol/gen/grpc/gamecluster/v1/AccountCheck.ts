// Original file: proto/gamecluster/v1/gamecluster.proto


export interface AccountCheck {
  'account'?: (string);
  'password'?: (string);
  'token'?: (string);
}

export interface AccountCheck__Output {
  'account': (string);
  'password': (string);
  'token': (string);
}
