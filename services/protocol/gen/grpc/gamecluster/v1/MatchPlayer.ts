// Original file: proto/gamecluster/v1/gamecluster.proto


export interface MatchPlayer {
  'account'?: (string);
  'team'?: (string);
  'data'?: ({[key: string]: string});
}

export interface MatchPlayer__Output {
  'account': (string);
  'team': (string);
  'data': ({[key: string]: string});
}
