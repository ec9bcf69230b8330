/**
 * `gamecluster/game`: the module API a studio writes its game against (docs/game-modules.md). Only types and the
 * pure `defineGame`: importing it never starts anything.
 */
export { defineGame, GameDefinitionError, GAME_MSG_MIN, GAME_MSG_MAX } from './define.js';
export type { GameContext, GameDefinition, GameMessage, Group, HookReturn, LeaveReason, MessageDecl, Player, TimerId } from './define.js';
