/**
 * `gamecluster/game`: the module API a studio writes its game against (docs/game-modules.md). Only types and the
 * pure `defineGame`: importing it never starts anything.
 */
export { defineGame, GameDefinitionError, GAME_MSG_MIN, GAME_MSG_MAX, ROOM_MAX_PLAYERS } from './define.js';
export type { GameContext, GameDefinition, GameMessage, Group, HookReturn, LeaveReason, MatchInfo, MessageDecl, Player, Room, RoomDisposeReason, RoomModeDecl, RoomsDecl, TimerId } from './define.js';
