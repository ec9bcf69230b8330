// Original file: proto/gamecluster/v1/gamecluster.proto

import type { ReturnCode as _gamecluster_v1_ReturnCode, ReturnCode__Output as _gamecluster_v1_ReturnCode__Output } from '../../gamecluster/v1/ReturnCode.js';
import type { Seat as _gamecluster_v1_Seat, Seat__Output as _gamecluster_v1_Seat__Output } from '../../gamecluster/v1/Seat.js';

export interface ReserveSeatsResponse {
  'returnCode'?: (_gamecluster_v1_ReturnCode);
  'roomId'?: (string);
  'appId'?: (string);
  'ip'?: (string);
  'port'?: (number);
  'wsPort'?: (number);
  'seats'?: (_gamecluster_v1_Seat)[];
  'expiresInMs'?: (number);
}

export interface ReserveSeatsResponse__Output {
  'returnCode': (_gamecluster_v1_ReturnCode__Output);
  'roomId': (string);
  'appId': (string);
  'ip': (string);
  'port': (number);
  'wsPort': (number);
  'seats': (_gamecluster_v1_Seat__Output)[];
  'expiresInMs': (number);
}
