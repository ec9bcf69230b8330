// Original file: proto/gamecluster/v1/gamecluster.proto

import type { AppType as _gamecluster_v1_AppType, AppType__Output as _gamecluster_v1_AppType__Output } from '../../gamecluster/v1/AppType.js';

export interface ListAppsRequest {
  'appType'?: (_gamecluster_v1_AppType);
}

export interface ListAppsRequest__Output {
  'appType': (_gamecluster_v1_AppType__Output);
}
