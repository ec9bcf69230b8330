// Original file: proto/gamecluster/v1/gamecluster.proto


// Original file: proto/gamecluster/v1/gamecluster.proto

export const _gamecluster_v1_Kick_Reason = {
  REASON_UNSPECIFIED: 'REASON_UNSPECIFIED',
  REASON_DUPLICATE_LOGIN: 'REASON_DUPLICATE_LOGIN',
  REASON_SERVER_DRAINING: 'REASON_SERVER_DRAINING',
  REASON_PROTOCOL_ERROR: 'REASON_PROTOCOL_ERROR',
  REASON_IDLE: 'REASON_IDLE',
  REASON_GAME: 'REASON_GAME',
} as const;

export type _gamecluster_v1_Kick_Reason =
  | 'REASON_UNSPECIFIED'
  | 0
  | 'REASON_DUPLICATE_LOGIN'
  | 1
  | 'REASON_SERVER_DRAINING'
  | 2
  | 'REASON_PROTOCOL_ERROR'
  | 3
  | 'REASON_IDLE'
  | 4
  | 'REASON_GAME'
  | 5

export type _gamecluster_v1_Kick_Reason__Output = typeof _gamecluster_v1_Kick_Reason[keyof typeof _gamecluster_v1_Kick_Reason]

export interface Kick {
  'reason'?: (_gamecluster_v1_Kick_Reason);
}

export interface Kick__Output {
  'reason': (_gamecluster_v1_Kick_Reason__Output);
}
