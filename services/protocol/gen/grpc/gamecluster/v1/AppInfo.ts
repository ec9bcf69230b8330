// Original file: proto/gamecluster/v1/gamecluster.proto

import type { AppType as _gamecluster_v1_AppType, AppType__Output as _gamecluster_v1_AppType__Output } from '../../gamecluster/v1/AppType.js';
import type { AppState as _gamecluster_v1_AppState, AppState__Output as _gamecluster_v1_AppState__Output } from '../../gamecluster/v1/AppState.js';
import type { RoomMode as _gamecluster_v1_RoomMode, RoomMode__Output as _gamecluster_v1_RoomMode__Output } from '../../gamecluster/v1/RoomMode.js';
import type { Long } from '@grpc/proto-loader';

export interface AppInfo {
  'appId'?: (string);
  'appType'?: (_gamecluster_v1_AppType);
  'online'?: (number);
  'ip'?: (string);
  'port'?: (number);
  'state'?: (_gamecluster_v1_AppState);
  'lastSeenMs'?: (number | string | Long);
  'capacity'?: (number);
  'wsPort'?: (number);
  'runId'?: (string);
  'caps'?: (string)[];
  'modes'?: (_gamecluster_v1_RoomMode)[];
  'rooms'?: (number);
}

export interface AppInfo__Output {
  'appId': (string);
  'appType': (_gamecluster_v1_AppType__Output);
  'online': (number);
  'ip': (string);
  'port': (number);
  'state': (_gamecluster_v1_AppState__Output);
  'lastSeenMs': (number);
  'capacity': (number);
  'wsPort': (number);
  'runId': (string);
  'caps': (string)[];
  'modes': (_gamecluster_v1_RoomMode__Output)[];
  'rooms': (number);
}
