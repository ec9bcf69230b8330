// Original file: proto/gamecluster/v1/gamecluster.proto

export const AppState = {
  APP_STATE_UNSPECIFIED: 'APP_STATE_UNSPECIFIED',
  APP_STATE_READY: 'APP_STATE_READY',
  APP_STATE_DRAINING: 'APP_STATE_DRAINING',
} as const;

export type AppState =
  | 'APP_STATE_UNSPECIFIED'
  | 0
  | 'APP_STATE_READY'
  | 1
  | 'APP_STATE_DRAINING'
  | 2

export type AppState__Output = typeof AppState[keyof typeof AppState]
