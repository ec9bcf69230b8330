// Original file: proto/gamecluster/v1/gamecluster.proto


export interface ListRoomsRequest {
  'mode'?: (string);
  'labels'?: ({[key: string]: string});
  'includePrivate'?: (boolean);
  'limit'?: (number);
}

export interface ListRoomsRequest__Output {
  'mode': (string);
  'labels': ({[key: string]: string});
  'includePrivate': (boolean);
  'limit': (number);
}
