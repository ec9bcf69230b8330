// Original file: proto/gamecluster/v1/gamecluster.proto


export interface Resume {
  'account'?: (string);
  'resumeToken'?: (string);
}

export interface Resume__Output {
  'account': (string);
  'resumeToken': (string);
}
