// Original file: proto/gamecluster/v1/gamecluster.proto

import type { AppInfo as _gamecluster_v1_AppInfo, AppInfo__Output as _gamecluster_v1_AppInfo__Output } from '../../gamecluster/v1/AppInfo.js';

export interface ListAppsResponse {
  'apps'?: (_gamecluster_v1_AppInfo)[];
}

export interface ListAppsResponse__Output {
  'apps': (_gamecluster_v1_AppInfo__Output)[];
}
