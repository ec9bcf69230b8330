// Original file: proto/gamecluster/v1/gamecluster.proto

export const AppType = {
  APP_TYPE_UNSPECIFIED: 'APP_TYPE_UNSPECIFIED',
  APP_TYPE_LOGIN: 'APP_TYPE_LOGIN',
  APP_TYPE_GAME: 'APP_TYPE_GAME',
  APP_TYPE_APPMGR: 'APP_TYPE_APPMGR',
} as const;

export type AppType =
  | 'APP_TYPE_UNSPECIFIED'
  | 0
  | 'APP_TYPE_LOGIN'
  | 1
  | 'APP_TYPE_GAME'
  | 2
  | 'APP_TYPE_APPMGR'
  | 4

export type AppType__Output = typeof AppType[keyof typeof AppType]
