// Original file: proto/gamecluster/v1/gamecluster.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AllocateGameRequest as _gamecluster_v1_AllocateGameRequest, AllocateGameRequest__Output as _gamecluster_v1_AllocateGameRequest__Output } from '../../gamecluster/v1/AllocateGameRequest.js';
import type { AllocateGameResponse as _gamecluster_v1_AllocateGameResponse, AllocateGameResponse__Output as _gamecluster_v1_AllocateGameResponse__Output } from '../../gamecluster/v1/AllocateGameResponse.js';
import type { AllocateGamesRequest as _gamecluster_v1_AllocateGamesRequest, AllocateGamesRequest__Output as _gamecluster_v1_AllocateGamesRequest__Output } from '../../gamecluster/v1/AllocateGamesRequest.js';
import type { AllocateGamesResponse as _gamecluster_v1_AllocateGamesResponse, AllocateGamesResponse__Output as _gamecluster_v1_AllocateGamesResponse__Output } from '../../gamecluster/v1/AllocateGamesResponse.js';
import type { AllocateMatchRequest as _gamecluster_v1_AllocateMatchRequest, AllocateMatchRequest__Output as _gamecluster_v1_AllocateMatchRequest__Output } from '../../gamecluster/v1/AllocateMatchRequest.js';
import type { AllocateMatchResponse as _gamecluster_v1_AllocateMatchResponse, AllocateMatchResponse__Output as _gamecluster_v1_AllocateMatchResponse__Output } from '../../gamecluster/v1/AllocateMatchResponse.js';
import type { DrainAppRequest as _gamecluster_v1_DrainAppRequest, DrainAppRequest__Output as _gamecluster_v1_DrainAppRequest__Output } from '../../gamecluster/v1/DrainAppRequest.js';
import type { DrainAppResponse as _gamecluster_v1_DrainAppResponse, DrainAppResponse__Output as _gamecluster_v1_DrainAppResponse__Output } from '../../gamecluster/v1/DrainAppResponse.js';
import type { GetLoginRequest as _gamecluster_v1_GetLoginRequest, GetLoginRequest__Output as _gamecluster_v1_GetLoginRequest__Output } from '../../gamecluster/v1/GetLoginRequest.js';
import type { GetLoginResponse as _gamecluster_v1_GetLoginResponse, GetLoginResponse__Output as _gamecluster_v1_GetLoginResponse__Output } from '../../gamecluster/v1/GetLoginResponse.js';
import type { ListAppsRequest as _gamecluster_v1_ListAppsRequest, ListAppsRequest__Output as _gamecluster_v1_ListAppsRequest__Output } from '../../gamecluster/v1/ListAppsRequest.js';
import type { ListAppsResponse as _gamecluster_v1_ListAppsResponse, ListAppsResponse__Output as _gamecluster_v1_ListAppsResponse__Output } from '../../gamecluster/v1/ListAppsResponse.js';
import type { ListRoomsRequest as _gamecluster_v1_ListRoomsRequest, ListRoomsRequest__Output as _gamecluster_v1_ListRoomsRequest__Output } from '../../gamecluster/v1/ListRoomsRequest.js';
import type { ListRoomsResponse as _gamecluster_v1_ListRoomsResponse, ListRoomsResponse__Output as _gamecluster_v1_ListRoomsResponse__Output } from '../../gamecluster/v1/ListRoomsResponse.js';
import type { ReserveSeatsRequest as _gamecluster_v1_ReserveSeatsRequest, ReserveSeatsRequest__Output as _gamecluster_v1_ReserveSeatsRequest__Output } from '../../gamecluster/v1/ReserveSeatsRequest.js';
import type { ReserveSeatsResponse as _gamecluster_v1_ReserveSeatsResponse, ReserveSeatsResponse__Output as _gamecluster_v1_ReserveSeatsResponse__Output } from '../../gamecluster/v1/ReserveSeatsResponse.js';
import type { UndrainAppRequest as _gamecluster_v1_UndrainAppRequest, UndrainAppRequest__Output as _gamecluster_v1_UndrainAppRequest__Output } from '../../gamecluster/v1/UndrainAppRequest.js';
import type { UndrainAppResponse as _gamecluster_v1_UndrainAppResponse, UndrainAppResponse__Output as _gamecluster_v1_UndrainAppResponse__Output } from '../../gamecluster/v1/UndrainAppResponse.js';

export interface AppMgrServiceClient extends grpc.Client {
  AllocateGame(argument: _gamecluster_v1_AllocateGameRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  AllocateGame(argument: _gamecluster_v1_AllocateGameRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  AllocateGame(argument: _gamecluster_v1_AllocateGameRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  AllocateGame(argument: _gamecluster_v1_AllocateGameRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  allocateGame(argument: _gamecluster_v1_AllocateGameRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  allocateGame(argument: _gamecluster_v1_AllocateGameRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  allocateGame(argument: _gamecluster_v1_AllocateGameRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  allocateGame(argument: _gamecluster_v1_AllocateGameRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateGameResponse__Output>): grpc.ClientUnaryCall;
  
  AllocateGames(argument: _gamecluster_v1_AllocateGamesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  AllocateGames(argument: _gamecluster_v1_AllocateGamesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  AllocateGames(argument: _gamecluster_v1_AllocateGamesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  AllocateGames(argument: _gamecluster_v1_AllocateGamesRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  allocateGames(argument: _gamecluster_v1_AllocateGamesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  allocateGames(argument: _gamecluster_v1_AllocateGamesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  allocateGames(argument: _gamecluster_v1_AllocateGamesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  allocateGames(argument: _gamecluster_v1_AllocateGamesRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateGamesResponse__Output>): grpc.ClientUnaryCall;
  
  AllocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  AllocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  AllocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  AllocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  allocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  allocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  allocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  allocateMatch(argument: _gamecluster_v1_AllocateMatchRequest, callback: grpc.requestCallback<_gamecluster_v1_AllocateMatchResponse__Output>): grpc.ClientUnaryCall;
  
  DrainApp(argument: _gamecluster_v1_DrainAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  DrainApp(argument: _gamecluster_v1_DrainAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  DrainApp(argument: _gamecluster_v1_DrainAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  DrainApp(argument: _gamecluster_v1_DrainAppRequest, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  drainApp(argument: _gamecluster_v1_DrainAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  drainApp(argument: _gamecluster_v1_DrainAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  drainApp(argument: _gamecluster_v1_DrainAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  drainApp(argument: _gamecluster_v1_DrainAppRequest, callback: grpc.requestCallback<_gamecluster_v1_DrainAppResponse__Output>): grpc.ClientUnaryCall;
  
  GetLogin(argument: _gamecluster_v1_GetLoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  GetLogin(argument: _gamecluster_v1_GetLoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  GetLogin(argument: _gamecluster_v1_GetLoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  GetLogin(argument: _gamecluster_v1_GetLoginRequest, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  getLogin(argument: _gamecluster_v1_GetLoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  getLogin(argument: _gamecluster_v1_GetLoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  getLogin(argument: _gamecluster_v1_GetLoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  getLogin(argument: _gamecluster_v1_GetLoginRequest, callback: grpc.requestCallback<_gamecluster_v1_GetLoginResponse__Output>): grpc.ClientUnaryCall;
  
  ListApps(argument: _gamecluster_v1_ListAppsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  ListApps(argument: _gamecluster_v1_ListAppsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  ListApps(argument: _gamecluster_v1_ListAppsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  ListApps(argument: _gamecluster_v1_ListAppsRequest, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  listApps(argument: _gamecluster_v1_ListAppsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  listApps(argument: _gamecluster_v1_ListAppsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  listApps(argument: _gamecluster_v1_ListAppsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  listApps(argument: _gamecluster_v1_ListAppsRequest, callback: grpc.requestCallback<_gamecluster_v1_ListAppsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRooms(argument: _gamecluster_v1_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gamecluster_v1_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gamecluster_v1_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  ListRooms(argument: _gamecluster_v1_ListRoomsRequest, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gamecluster_v1_ListRoomsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gamecluster_v1_ListRoomsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gamecluster_v1_ListRoomsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  listRooms(argument: _gamecluster_v1_ListRoomsRequest, callback: grpc.requestCallback<_gamecluster_v1_ListRoomsResponse__Output>): grpc.ClientUnaryCall;
  
  ReserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  ReserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  ReserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  ReserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  reserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  reserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  reserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  reserveSeats(argument: _gamecluster_v1_ReserveSeatsRequest, callback: grpc.requestCallback<_gamecluster_v1_ReserveSeatsResponse__Output>): grpc.ClientUnaryCall;
  
  UndrainApp(argument: _gamecluster_v1_UndrainAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  UndrainApp(argument: _gamecluster_v1_UndrainAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  UndrainApp(argument: _gamecluster_v1_UndrainAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  UndrainApp(argument: _gamecluster_v1_UndrainAppRequest, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  undrainApp(argument: _gamecluster_v1_UndrainAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  undrainApp(argument: _gamecluster_v1_UndrainAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  undrainApp(argument: _gamecluster_v1_UndrainAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  undrainApp(argument: _gamecluster_v1_UndrainAppRequest, callback: grpc.requestCallback<_gamecluster_v1_UndrainAppResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AppMgrServiceHandlers extends grpc.UntypedServiceImplementation {
  AllocateGame: grpc.handleUnaryCall<_gamecluster_v1_AllocateGameRequest__Output, _gamecluster_v1_AllocateGameResponse>;
  
  AllocateGames: grpc.handleUnaryCall<_gamecluster_v1_AllocateGamesRequest__Output, _gamecluster_v1_AllocateGamesResponse>;
  
  AllocateMatch: grpc.handleUnaryCall<_gamecluster_v1_AllocateMatchRequest__Output, _gamecluster_v1_AllocateMatchResponse>;
  
  DrainApp: grpc.handleUnaryCall<_gamecluster_v1_DrainAppRequest__Output, _gamecluster_v1_DrainAppResponse>;
  
  GetLogin: grpc.handleUnaryCall<_gamecluster_v1_GetLoginRequest__Output, _gamecluster_v1_GetLoginResponse>;
  
  ListApps: grpc.handleUnaryCall<_gamecluster_v1_ListAppsRequest__Output, _gamecluster_v1_ListAppsResponse>;
  
  ListRooms: grpc.handleUnaryCall<_gamecluster_v1_ListRoomsRequest__Output, _gamecluster_v1_ListRoomsResponse>;
  
  ReserveSeats: grpc.handleUnaryCall<_gamecluster_v1_ReserveSeatsRequest__Output, _gamecluster_v1_ReserveSeatsResponse>;
  
  UndrainApp: grpc.handleUnaryCall<_gamecluster_v1_UndrainAppRequest__Output, _gamecluster_v1_UndrainAppResponse>;
  
}

export interface AppMgrServiceDefinition extends grpc.ServiceDefinition {
  AllocateGame: MethodDefinition<_gamecluster_v1_AllocateGameRequest, _gamecluster_v1_AllocateGameResponse, _gamecluster_v1_AllocateGameRequest__Output, _gamecluster_v1_AllocateGameResponse__Output>
  AllocateGames: MethodDefinition<_gamecluster_v1_AllocateGamesRequest, _gamecluster_v1_AllocateGamesResponse, _gamecluster_v1_AllocateGamesRequest__Output, _gamecluster_v1_AllocateGamesResponse__Output>
  AllocateMatch: MethodDefinition<_gamecluster_v1_AllocateMatchRequest, _gamecluster_v1_AllocateMatchResponse, _gamecluster_v1_AllocateMatchRequest__Output, _gamecluster_v1_AllocateMatchResponse__Output>
  DrainApp: MethodDefinition<_gamecluster_v1_DrainAppRequest, _gamecluster_v1_DrainAppResponse, _gamecluster_v1_DrainAppRequest__Output, _gamecluster_v1_DrainAppResponse__Output>
  GetLogin: MethodDefinition<_gamecluster_v1_GetLoginRequest, _gamecluster_v1_GetLoginResponse, _gamecluster_v1_GetLoginRequest__Output, _gamecluster_v1_GetLoginResponse__Output>
  ListApps: MethodDefinition<_gamecluster_v1_ListAppsRequest, _gamecluster_v1_ListAppsResponse, _gamecluster_v1_ListAppsRequest__Output, _gamecluster_v1_ListAppsResponse__Output>
  ListRooms: MethodDefinition<_gamecluster_v1_ListRoomsRequest, _gamecluster_v1_ListRoomsResponse, _gamecluster_v1_ListRoomsRequest__Output, _gamecluster_v1_ListRoomsResponse__Output>
  ReserveSeats: MethodDefinition<_gamecluster_v1_ReserveSeatsRequest, _gamecluster_v1_ReserveSeatsResponse, _gamecluster_v1_ReserveSeatsRequest__Output, _gamecluster_v1_ReserveSeatsResponse__Output>
  UndrainApp: MethodDefinition<_gamecluster_v1_UndrainAppRequest, _gamecluster_v1_UndrainAppResponse, _gamecluster_v1_UndrainAppRequest__Output, _gamecluster_v1_UndrainAppResponse__Output>
}
