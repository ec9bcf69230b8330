// Original file: proto/gamecluster/v1/gamecluster.proto


export interface Seat {
  'account'?: (string);
  'token'?: (string);
}

export interface Seat__Output {
  'account': (string);
  'token': (string);
}
