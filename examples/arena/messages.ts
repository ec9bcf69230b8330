/**
 * The arena message table and rules, shared by the module (arena.ts), the robots and the client SDK (Node and
 * browser): no imports, so any bundler takes it as is.
 */
export const messages = {
  10001: { name: 'Move', from: 'client', type: 'arena.v1.Move' },
  10002: { name: 'State', from: 'server', type: 'arena.v1.State' },
  10003: { name: 'Joined', from: 'server', type: 'arena.v1.Joined' },
} as const;

/** The room mode the arena declares: clients ask for `{ find: { mode: ARENA_MODE } }`. */
export const ARENA_MODE = 'arena';

/** The rules clients may rely on (also sent in Joined). */
export const ARENA_RULES = {
  roomSize: 16,
  tickHz: 20,
  width: 1000,
  height: 1000,
  maxStep: 10,
  /** Moves per player per second the module applies; more are ignored. */
  maxMovesPerSec: 40,
} as const;
