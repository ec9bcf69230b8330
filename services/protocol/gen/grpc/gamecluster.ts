import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AccountCheck as _gamecluster_v1_AccountCheck, AccountCheck__Output as _gamecluster_v1_AccountCheck__Output } from './gamecluster/v1/AccountCheck.js';
import type { AccountCheckRs as _gamecluster_v1_AccountCheckRs, AccountCheckRs__Output as _gamecluster_v1_AccountCheckRs__Output } from './gamecluster/v1/AccountCheckRs.js';
import type { AllocateGameRequest as _gamecluster_v1_AllocateGameRequest, AllocateGameRequest__Output as _gamecluster_v1_AllocateGameRequest__Output } from './gamecluster/v1/AllocateGameRequest.js';
import type { AllocateGameResponse as _gamecluster_v1_AllocateGameResponse, AllocateGameResponse__Output as _gamecluster_v1_AllocateGameResponse__Output } from './gamecluster/v1/AllocateGameResponse.js';
import type { AllocateGamesRequest as _gamecluster_v1_AllocateGamesRequest, AllocateGamesRequest__Output as _gamecluster_v1_AllocateGamesRequest__Output } from './gamecluster/v1/AllocateGamesRequest.js';
import type { AllocateGamesResponse as _gamecluster_v1_AllocateGamesResponse, AllocateGamesResponse__Output as _gamecluster_v1_AllocateGamesResponse__Output } from './gamecluster/v1/AllocateGamesResponse.js';
import type { AllocateMatchRequest as _gamecluster_v1_AllocateMatchRequest, AllocateMatchRequest__Output as _gamecluster_v1_AllocateMatchRequest__Output } from './gamecluster/v1/AllocateMatchRequest.js';
import type { AllocateMatchResponse as _gamecluster_v1_AllocateMatchResponse, AllocateMatchResponse__Output as _gamecluster_v1_AllocateMatchResponse__Output } from './gamecluster/v1/AllocateMatchResponse.js';
import type { AppInfo as _gamecluster_v1_AppInfo, AppInfo__Output as _gamecluster_v1_AppInfo__Output } from './gamecluster/v1/AppInfo.js';
import type { AppInfoSync as _gamecluster_v1_AppInfoSync, AppInfoSync__Output as _gamecluster_v1_AppInfoSync__Output } from './gamecluster/v1/AppInfoSync.js';
import type { AppMgrServiceClient as _gamecluster_v1_AppMgrServiceClient, AppMgrServiceDefinition as _gamecluster_v1_AppMgrServiceDefinition } from './gamecluster/v1/AppMgrService.js';
import type { DrainAppRequest as _gamecluster_v1_DrainAppRequest, DrainAppRequest__Output as _gamecluster_v1_DrainAppRequest__Output } from './gamecluster/v1/DrainAppRequest.js';
import type { DrainAppResponse as _gamecluster_v1_DrainAppResponse, DrainAppResponse__Output as _gamecluster_v1_DrainAppResponse__Output } from './gamecluster/v1/DrainAppResponse.js';
import type { Echo as _gamecluster_v1_Echo, Echo__Output as _gamecluster_v1_Echo__Output } from './gamecluster/v1/Echo.js';
import type { EnterGame as _gamecluster_v1_EnterGame, EnterGame__Output as _gamecluster_v1_EnterGame__Output } from './gamecluster/v1/EnterGame.js';
import type { EnterGameRs as _gamecluster_v1_EnterGameRs, EnterGameRs__Output as _gamecluster_v1_EnterGameRs__Output } from './gamecluster/v1/EnterGameRs.js';
import type { GetLoginRequest as _gamecluster_v1_GetLoginRequest, GetLoginRequest__Output as _gamecluster_v1_GetLoginRequest__Output } from './gamecluster/v1/GetLoginRequest.js';
import type { GetLoginResponse as _gamecluster_v1_GetLoginResponse, GetLoginResponse__Output as _gamecluster_v1_GetLoginResponse__Output } from './gamecluster/v1/GetLoginResponse.js';
import type { Kick as _gamecluster_v1_Kick, Kick__Output as _gamecluster_v1_Kick__Output } from './gamecluster/v1/Kick.js';
import type { Leave as _gamecluster_v1_Leave, Leave__Output as _gamecluster_v1_Leave__Output } from './gamecluster/v1/Leave.js';
import type { ListAppsRequest as _gamecluster_v1_ListAppsRequest, ListAppsRequest__Output as _gamecluster_v1_ListAppsRequest__Output } from './gamecluster/v1/ListAppsRequest.js';
import type { ListAppsResponse as _gamecluster_v1_ListAppsResponse, ListAppsResponse__Output as _gamecluster_v1_ListAppsResponse__Output } from './gamecluster/v1/ListAppsResponse.js';
import type { ListRoomsRequest as _gamecluster_v1_ListRoomsRequest, ListRoomsRequest__Output as _gamecluster_v1_ListRoomsRequest__Output } from './gamecluster/v1/ListRoomsRequest.js';
import type { ListRoomsResponse as _gamecluster_v1_ListRoomsResponse, ListRoomsResponse__Output as _gamecluster_v1_ListRoomsResponse__Output } from './gamecluster/v1/ListRoomsResponse.js';
import type { LoginByToken as _gamecluster_v1_LoginByToken, LoginByToken__Output as _gamecluster_v1_LoginByToken__Output } from './gamecluster/v1/LoginByToken.js';
import type { LoginByTokenRs as _gamecluster_v1_LoginByTokenRs, LoginByTokenRs__Output as _gamecluster_v1_LoginByTokenRs__Output } from './gamecluster/v1/LoginByTokenRs.js';
import type { MatchPlayer as _gamecluster_v1_MatchPlayer, MatchPlayer__Output as _gamecluster_v1_MatchPlayer__Output } from './gamecluster/v1/MatchPlayer.js';
import type { Ping as _gamecluster_v1_Ping, Ping__Output as _gamecluster_v1_Ping__Output } from './gamecluster/v1/Ping.js';
import type { Pong as _gamecluster_v1_Pong, Pong__Output as _gamecluster_v1_Pong__Output } from './gamecluster/v1/Pong.js';
import type { ReserveSeatsRequest as _gamecluster_v1_ReserveSeatsRequest, ReserveSeatsRequest__Output as _gamecluster_v1_ReserveSeatsRequest__Output } from './gamecluster/v1/ReserveSeatsRequest.js';
import type { ReserveSeatsResponse as _gamecluster_v1_ReserveSeatsResponse, ReserveSeatsResponse__Output as _gamecluster_v1_ReserveSeatsResponse__Output } from './gamecluster/v1/ReserveSeatsResponse.js';
import type { Resume as _gamecluster_v1_Resume, Resume__Output as _gamecluster_v1_Resume__Output } from './gamecluster/v1/Resume.js';
import type { ResumeRs as _gamecluster_v1_ResumeRs, ResumeRs__Output as _gamecluster_v1_ResumeRs__Output } from './gamecluster/v1/ResumeRs.js';
import type { RoomInfo as _gamecluster_v1_RoomInfo, RoomInfo__Output as _gamecluster_v1_RoomInfo__Output } from './gamecluster/v1/RoomInfo.js';
import type { RoomJoin as _gamecluster_v1_RoomJoin, RoomJoin__Output as _gamecluster_v1_RoomJoin__Output } from './gamecluster/v1/RoomJoin.js';
import type { RoomMode as _gamecluster_v1_RoomMode, RoomMode__Output as _gamecluster_v1_RoomMode__Output } from './gamecluster/v1/RoomMode.js';
import type { RoomRequest as _gamecluster_v1_RoomRequest, RoomRequest__Output as _gamecluster_v1_RoomRequest__Output } from './gamecluster/v1/RoomRequest.js';
import type { RoomSpec as _gamecluster_v1_RoomSpec, RoomSpec__Output as _gamecluster_v1_RoomSpec__Output } from './gamecluster/v1/RoomSpec.js';
import type { Seat as _gamecluster_v1_Seat, Seat__Output as _gamecluster_v1_Seat__Output } from './gamecluster/v1/Seat.js';
import type { UndrainAppRequest as _gamecluster_v1_UndrainAppRequest, UndrainAppRequest__Output as _gamecluster_v1_UndrainAppRequest__Output } from './gamecluster/v1/UndrainAppRequest.js';
import type { UndrainAppResponse as _gamecluster_v1_UndrainAppResponse, UndrainAppResponse__Output as _gamecluster_v1_UndrainAppResponse__Output } from './gamecluster/v1/UndrainAppResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  gamecluster: {
    v1: {
      AccountCheck: MessageTypeDefinition<_gamecluster_v1_AccountCheck, _gamecluster_v1_AccountCheck__Output>
      AccountCheckRs: MessageTypeDefinition<_gamecluster_v1_AccountCheckRs, _gamecluster_v1_AccountCheckRs__Output>
      AllocateGameRequest: MessageTypeDefinition<_gamecluster_v1_AllocateGameRequest, _gamecluster_v1_AllocateGameRequest__Output>
      AllocateGameResponse: MessageTypeDefinition<_gamecluster_v1_AllocateGameResponse, _gamecluster_v1_AllocateGameResponse__Output>
      AllocateGamesRequest: MessageTypeDefinition<_gamecluster_v1_AllocateGamesRequest, _gamecluster_v1_AllocateGamesRequest__Output>
      AllocateGamesResponse: MessageTypeDefinition<_gamecluster_v1_AllocateGamesResponse, _gamecluster_v1_AllocateGamesResponse__Output>
      AllocateMatchRequest: MessageTypeDefinition<_gamecluster_v1_AllocateMatchRequest, _gamecluster_v1_AllocateMatchRequest__Output>
      AllocateMatchResponse: MessageTypeDefinition<_gamecluster_v1_AllocateMatchResponse, _gamecluster_v1_AllocateMatchResponse__Output>
      AppInfo: MessageTypeDefinition<_gamecluster_v1_AppInfo, _gamecluster_v1_AppInfo__Output>
      AppInfoSync: MessageTypeDefinition<_gamecluster_v1_AppInfoSync, _gamecluster_v1_AppInfoSync__Output>
      AppMgrService: SubtypeConstructor<typeof grpc.Client, _gamecluster_v1_AppMgrServiceClient> & { service: _gamecluster_v1_AppMgrServiceDefinition }
      AppState: EnumTypeDefinition
      AppType: EnumTypeDefinition
      DrainAppRequest: MessageTypeDefinition<_gamecluster_v1_DrainAppRequest, _gamecluster_v1_DrainAppRequest__Output>
      DrainAppResponse: MessageTypeDefinition<_gamecluster_v1_DrainAppResponse, _gamecluster_v1_DrainAppResponse__Output>
      Echo: MessageTypeDefinition<_gamecluster_v1_Echo, _gamecluster_v1_Echo__Output>
      EnterGame: MessageTypeDefinition<_gamecluster_v1_EnterGame, _gamecluster_v1_EnterGame__Output>
      EnterGameRs: MessageTypeDefinition<_gamecluster_v1_EnterGameRs, _gamecluster_v1_EnterGameRs__Output>
      GetLoginRequest: MessageTypeDefinition<_gamecluster_v1_GetLoginRequest, _gamecluster_v1_GetLoginRequest__Output>
      GetLoginResponse: MessageTypeDefinition<_gamecluster_v1_GetLoginResponse, _gamecluster_v1_GetLoginResponse__Output>
      Kick: MessageTypeDefinition<_gamecluster_v1_Kick, _gamecluster_v1_Kick__Output>
      Leave: MessageTypeDefinition<_gamecluster_v1_Leave, _gamecluster_v1_Leave__Output>
      ListAppsRequest: MessageTypeDefinition<_gamecluster_v1_ListAppsRequest, _gamecluster_v1_ListAppsRequest__Output>
      ListAppsResponse: MessageTypeDefinition<_gamecluster_v1_ListAppsResponse, _gamecluster_v1_ListAppsResponse__Output>
      ListRoomsRequest: MessageTypeDefinition<_gamecluster_v1_ListRoomsRequest, _gamecluster_v1_ListRoomsRequest__Output>
      ListRoomsResponse: MessageTypeDefinition<_gamecluster_v1_ListRoomsResponse, _gamecluster_v1_ListRoomsResponse__Output>
      LoginByToken: MessageTypeDefinition<_gamecluster_v1_LoginByToken, _gamecluster_v1_LoginByToken__Output>
      LoginByTokenRs: MessageTypeDefinition<_gamecluster_v1_LoginByTokenRs, _gamecluster_v1_LoginByTokenRs__Output>
      MatchPlayer: MessageTypeDefinition<_gamecluster_v1_MatchPlayer, _gamecluster_v1_MatchPlayer__Output>
      Ping: MessageTypeDefinition<_gamecluster_v1_Ping, _gamecluster_v1_Ping__Output>
      Pong: MessageTypeDefinition<_gamecluster_v1_Pong, _gamecluster_v1_Pong__Output>
      ReserveSeatsRequest: MessageTypeDefinition<_gamecluster_v1_ReserveSeatsRequest, _gamecluster_v1_ReserveSeatsRequest__Output>
      ReserveSeatsResponse: MessageTypeDefinition<_gamecluster_v1_ReserveSeatsResponse, _gamecluster_v1_ReserveSeatsResponse__Output>
      Resume: MessageTypeDefinition<_gamecluster_v1_Resume, _gamecluster_v1_Resume__Output>
      ResumeRs: MessageTypeDefinition<_gamecluster_v1_ResumeRs, _gamecluster_v1_ResumeRs__Output>
      ReturnCode: EnumTypeDefinition
      RoomInfo: MessageTypeDefinition<_gamecluster_v1_RoomInfo, _gamecluster_v1_RoomInfo__Output>
      RoomJoin: MessageTypeDefinition<_gamecluster_v1_RoomJoin, _gamecluster_v1_RoomJoin__Output>
      RoomMode: MessageTypeDefinition<_gamecluster_v1_RoomMode, _gamecluster_v1_RoomMode__Output>
      RoomRequest: MessageTypeDefinition<_gamecluster_v1_RoomRequest, _gamecluster_v1_RoomRequest__Output>
      RoomSpec: MessageTypeDefinition<_gamecluster_v1_RoomSpec, _gamecluster_v1_RoomSpec__Output>
      Seat: MessageTypeDefinition<_gamecluster_v1_Seat, _gamecluster_v1_Seat__Output>
      UndrainAppRequest: MessageTypeDefinition<_gamecluster_v1_UndrainAppRequest, _gamecluster_v1_UndrainAppRequest__Output>
      UndrainAppResponse: MessageTypeDefinition<_gamecluster_v1_UndrainAppResponse, _gamecluster_v1_UndrainAppResponse__Output>
    }
  }
}

