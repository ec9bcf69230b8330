// Original file: proto/gamecluster/v1/gamecluster.proto

import type { ReturnCode as _gamecluster_v1_ReturnCode, ReturnCode__Output as _gamecluster_v1_ReturnCode__Output } from '../../gamecluster/v1/ReturnCode.js';

export interface AllocateGameResponse {
  'returnCode'?: (_gamecluster_v1_ReturnCode);
  'appId'?: (string);
  'ip'?: (string);
  'port'?: (number);
  'wsPort'?: (number);
  'roomId'?: (string);
}

export interface AllocateGameResponse__Output {
  'returnCode': (_gamecluster_v1_ReturnCode__Output);
  'appId': (string);
  'ip': (string);
  'port': (number);
  'wsPort': (number);
  'roomId': (string);
}
