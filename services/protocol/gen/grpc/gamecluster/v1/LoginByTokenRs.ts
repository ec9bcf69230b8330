// Original file: proto/gamecluster/v1/gamecluster.proto

import type { ReturnCode as _gamecluster_v1_ReturnCode, ReturnCode__Output as _gamecluster_v1_ReturnCode__Output } from '../../gamecluster/v1/ReturnCode.js';

export interface LoginByTokenRs {
  'returnCode'?: (_gamecluster_v1_ReturnCode);
  'playerId'?: (string);
  'resumeToken'?: (string);
  'roomId'?: (string);
}

export interface LoginByTokenRs__Output {
  'returnCode': (_gamecluster_v1_ReturnCode__Output);
  'playerId': (string);
  'resumeToken': (string);
  'roomId': (string);
}
