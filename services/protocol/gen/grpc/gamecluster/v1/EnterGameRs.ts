// Original file: proto/gamecluster/v1/gamecluster.proto

import type { ReturnCode as _gamecluster_v1_ReturnCode, ReturnCode__Output as _gamecluster_v1_ReturnCode__Output } from '../../gamecluster/v1/ReturnCode.js';

export interface EnterGameRs {
  'returnCode'?: (_gamecluster_v1_ReturnCode);
  'ip'?: (string);
  'port'?: (number);
  'token'?: (string);
  'roomId'?: (string);
}

export interface EnterGameRs__Output {
  'returnCode': (_gamecluster_v1_ReturnCode__Output);
  'ip': (string);
  'port': (number);
  'token': (string);
  'roomId': (string);
}
