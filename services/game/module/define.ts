/**
 * The game module API (`import { defineGame } from 'gamecluster/game'`, docs/game-modules.md): the
 * types a studio's module is written against and `defineGame`, which checks a definition's shape (name, proto,
 * message ids 10000–65535 with a direction and a type, tick rate, hooks) and returns it unchanged. It is pure and
 * depends on nothing of the pod, so a module resolved from another copy of the package still works: the game pod
 * validates again when it loads the module (services/game/module/load.ts).
 */
import type { Logger } from 'pino';

/** Why a player left (onLeave's second argument). */
export type LeaveReason = 'left' | 'closed' | 'grace_expired' | 'kicked' | 'drained';

/** A message of the module's own proto: its id (10000–65535), its name, who sends it, its protobuf type. */
export interface MessageDecl {
  name: string;
  from: 'client' | 'server';
  /** Fully qualified protobuf type, e.g. `arena.v1.Move`. */
  type: string;
}

/** A decoded client message as onMessage sees it. */
export interface GameMessage<B = any> {
  id: number;
  name: string;
  body: B;
}

/** One player of the module. Sends go by identity: to a player who left or is away they are dropped (counted stale). */
export interface Player<D = any> {
  readonly account: string;
  readonly playerId: string;
  /** The module's own per-player state (starts as `{}`). */
  data: D;
  /** True inside the resume grace (the connection dropped; the player may come back). */
  readonly away: boolean;
  /** True once the player has left (onLeave ran or is running). */
  readonly left: boolean;
  /** Sends a server message of the module by name; false when dropped (away, left, unknown to the socket). */
  send(name: string, body: object): boolean;
  /** Sends S2C_Kick{REASON_GAME} and ends the session (onLeave(player, 'kicked')); `reason` goes to logs. */
  kick(reason: string): void;
}

/** A named set of players whose broadcast encodes the frame once for all members. */
export interface Group<D = any> {
  readonly name: string;
  readonly size: number;
  readonly members: ReadonlySet<Player<D>>;
  add(player: Player<D>): void;
  remove(player: Player<D>): void;
  has(player: Player<D>): boolean;
  /** Sends to every member (not `except`), encoding the message and its frame once; returns the deliveries. */
  broadcast(name: string, body: object, opts?: { except?: Player<D> }): number;
}

export type TimerId = number;

/** What every hook gets as its last argument. */
export interface GameContext<D = any> {
  /** Players of this pod by account (away players included). */
  readonly players: ReadonlyMap<string, Player<D>>;
  /** The group `name`, created on first use (a group without members is forgotten). */
  group(name: string): Group<D>;
  /** Runs `fn` once after `ms` (repeat: true → every `ms`); cleared when the pod closes. */
  setTimer(ms: number, fn: () => void, opts?: { repeat?: boolean }): TimerId;
  clearTimer(id: TimerId): void;
  /** True once the pod is draining (no new players; the ones here stay until they leave or the drain timeout). */
  readonly draining: boolean;
  readonly log: Logger;
}

type MaybePromise = void | Promise<void>;

export interface GameDefinition<D = any> {
  name: string;
  /** The module's .proto (protobufjs loads it); absent when it declares no messages. */
  proto?: URL | string;
  /** id → message; ids 10000–65535. */
  messages?: Record<number, MessageDecl>;
  /** onTick rate in Hz (0/absent: no tick). */
  tickHz?: number;
  onJoin?(player: Player<D>, game: GameContext<D>): MaybePromise;
  onMessage?(player: Player<D>, msg: GameMessage, game: GameContext<D>): MaybePromise;
  onAway?(player: Player<D>, game: GameContext<D>): MaybePromise;
  onResume?(player: Player<D>, game: GameContext<D>): MaybePromise;
  onLeave?(player: Player<D>, reason: LeaveReason, game: GameContext<D>): MaybePromise;
  onTick?(dtMs: number, game: GameContext<D>): MaybePromise;
  onDrain?(game: GameContext<D>): MaybePromise;
}

export const GAME_MSG_MIN = 10000;
export const GAME_MSG_MAX = 65535;
export const MAX_TICK_HZ = 1000;
const HOOKS = ['onJoin', 'onMessage', 'onAway', 'onResume', 'onLeave', 'onTick', 'onDrain'] as const;

/** A definition that does not fit the API; `problem` is one line. */
export class GameDefinitionError extends Error {
  readonly code = 'GAME_DEFINITION_INVALID';
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'GameDefinitionError';
  }
}

/** Throws GameDefinitionError naming the first problem of `def`. */
export function validateDefinition(def: unknown): asserts def is GameDefinition {
  const fail = (p: string): never => {
    throw new GameDefinitionError(p);
  };
  if (!def || typeof def !== 'object') fail('the module does not export a game definition (export default defineGame({...}))');
  const d = def as Record<string, unknown>;
  if (typeof d.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(d.name)) fail('name: 1-64 chars of [A-Za-z0-9_.-]');
  const msgs = d.messages ?? {};
  if (typeof msgs !== 'object' || msgs === null || Array.isArray(msgs)) fail('messages: an object { id: { name, from, type } }');
  const names = new Set<string>();
  for (const [k, v] of Object.entries(msgs as object)) {
    const id = Number(k);
    if (!Number.isInteger(id) || id < GAME_MSG_MIN || id > GAME_MSG_MAX) fail(`messages: id ${k} is outside ${GAME_MSG_MIN}–${GAME_MSG_MAX}`);
    const m = v as Partial<MessageDecl> | null;
    if (!m || typeof m.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(m.name)) fail(`messages[${k}].name: an identifier of 1-64 chars`);
    if (names.has(m!.name!)) fail(`messages[${k}].name: ${m!.name} is declared twice`);
    names.add(m!.name!);
    if (m!.from !== 'client' && m!.from !== 'server') fail(`messages[${k}].from: 'client' or 'server'`);
    if (typeof m!.type !== 'string' || !m!.type) fail(`messages[${k}].type: a protobuf type name such as game.v1.Move`);
  }
  if (names.size > 0 && d.proto === undefined) fail('proto: required when messages are declared');
  if (d.proto !== undefined && !(d.proto instanceof URL) && typeof d.proto !== 'string') fail('proto: a URL or a path');
  if (d.tickHz !== undefined && (typeof d.tickHz !== 'number' || !Number.isFinite(d.tickHz) || d.tickHz < 0 || d.tickHz > MAX_TICK_HZ)) fail(`tickHz: a number from 0 to ${MAX_TICK_HZ}`);
  for (const h of HOOKS) if (d[h] !== undefined && typeof d[h] !== 'function') fail(`${h}: a function`);
  if (d.tickHz && !d.onTick) fail('tickHz is set but onTick is missing');
}

/** Declares a game module: checks the definition (throws GameDefinitionError) and returns it. */
export function defineGame<D = any>(def: GameDefinition<D>): GameDefinition<D> {
  validateDefinition(def);
  return def;
}
