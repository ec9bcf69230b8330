/**
 * The game module API (`import { defineGame } from 'gamecluster/game'`, docs/game-modules.md): the
 * types a studio's module is written against and `defineGame`, which checks a definition's shape (name, proto,
 * message ids 10000–65535 with a direction and a type, tick rate, room modes, hooks) and returns it unchanged. It is pure and
 * depends on nothing of the pod, so a module resolved from another copy of the package still works: the game pod
 * validates again when it loads the module (services/game/module/load.ts).
 */
import type { Logger } from 'pino';

/** Why a player left (onLeave's second argument). */
export type LeaveReason = 'left' | 'closed' | 'grace_expired' | 'kicked' | 'drained';

/** Why a room ended (onRoomDispose's second argument). */
export type RoomDisposeReason = 'empty' | 'closed' | 'drained';

/** One room mode the module declares (`rooms.modes[<mode>]`). */
export interface RoomModeDecl {
  /** The largest room of this mode (1–1000); a request may ask for fewer (`max_players`). */
  maxPlayers: number;
  /** How long a room of this mode lives without any player (away ones count as present); default ROOM_EMPTY_MS. */
  emptyTimeoutMs?: number;
}

/** The rooms a module hosts: its modes by name (≤ 32 chars of [a-z0-9_-]). */
export interface RoomsDecl {
  modes: Record<string, RoomModeDecl>;
}

/** A matchmaker's seat (AllocateMatch / ReserveSeats): the player's team and data. */
export interface MatchInfo {
  team: string;
  data: Record<string, string>;
}

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
export interface Player<D = any, R = any> {
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
  /**
   * The room he came for (null: he came without one, or the module declares no rooms). He is in it before onJoin,
   * stays in it while away and after a resume, and leaves it when he leaves: in onLeave `room` still names it (he is
   * no longer among its players), so the module can tell the others.
   */
  readonly room: Room<D, R> | null;
  /** A matchmaker's seat: his team and data (else null). */
  readonly match: MatchInfo | null;
  /** Sends S2C_Kick{REASON_GAME} and ends the session (onLeave(player, 'kicked')); `reason` goes to logs. */
  kick(reason: string): void;
}

/**
 * A room the platform routes players to (docs/game-modules.md "Rooms"): it lives in this pod, players reach it by id
 * (create, join, find, a matchmaker's seats) from any appmgr. Its broadcast encodes once, as a group's does.
 */
export interface Room<D = any, R = any> {
  /** 8 characters of 23456789ABCDEFGHJKMNPQRSTUVWXYZ, chosen by the platform. */
  readonly id: string;
  readonly mode: string;
  /** Its size (≤ the mode's maxPlayers): the platform never seats more. */
  readonly maxPlayers: number;
  /** Never listed; joined only by id. */
  readonly isPrivate: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** The module's own per-room state (starts as `{}`). */
  data: R;
  /** Its players by account, live and away. */
  readonly players: ReadonlyMap<string, Player<D, R>>;
  /** Closed to `join` and `find` (a matchmaker's ReserveSeats still seats players). */
  readonly locked: boolean;
  /** True once it ended (onRoomDispose ran or is running); its methods then do nothing. */
  readonly ended: boolean;
  lock(): void;
  unlock(): void;
  /** Replaces its labels (≤ 8 pairs, keys and values ≤ 64 chars; throws TypeError otherwise). */
  setLabels(labels: Record<string, string>): void;
  /** Sends to every player of the room (not `except`), encoding the message and its frame once; returns the deliveries. */
  broadcast(name: string, body: object, opts?: { except?: Player<D, R> }): number;
  /** Kicks its players (S2C_Kick{REASON_GAME}, onLeave 'kicked') and ends it (onRoomDispose 'closed'); `reason` goes to logs. */
  close(reason?: string): void;
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
export interface GameContext<D = any, R = any> {
  /** Players of this pod by account (away players included). */
  readonly players: ReadonlyMap<string, Player<D, R>>;
  /** The rooms this pod holds, by id (empty when the module declares no rooms). */
  readonly rooms: ReadonlyMap<string, Room<D, R>>;
  /** The group `name`, created on first use (a group without members is forgotten). */
  group(name: string): Group<D>;
  /** Runs `fn` once after `ms` (repeat: true → every `ms`); cleared when the pod closes. */
  setTimer(ms: number, fn: () => void, opts?: { repeat?: boolean }): TimerId;
  clearTimer(id: TimerId): void;
  /** True once the pod is draining (no new players; the ones here stay until they leave or the drain timeout). */
  readonly draining: boolean;
  readonly log: Logger;
}

/**
 * What a hook returns: anything. A promise (or any thenable) is watched, and its rejection is handled as a throw;
 * any other value is ignored, so `onMessage: (p, m) => p.send('Said', …)` is fine.
 */
export type HookReturn = unknown;

/** `D`: the module's per-player `data`; `R`: its per-room `data`. */
export interface GameDefinition<D = any, R = any> {
  name: string;
  /** The module's .proto (protobufjs loads it); absent when it declares no messages. */
  proto?: URL | string;
  /** id → message; ids 10000–65535. */
  messages?: Record<number, MessageDecl>;
  /** onTick rate in Hz (0/absent: no tick). */
  tickHz?: number;
  /** The room modes this module hosts (absent: no rooms; the pod is never chosen for a room request). */
  rooms?: RoomsDecl;
  onJoin?(player: Player<D, R>, game: GameContext<D, R>): HookReturn;
  onMessage?(player: Player<D, R>, msg: GameMessage, game: GameContext<D, R>): HookReturn;
  onAway?(player: Player<D, R>, game: GameContext<D, R>): HookReturn;
  onResume?(player: Player<D, R>, game: GameContext<D, R>): HookReturn;
  onLeave?(player: Player<D, R>, reason: LeaveReason, game: GameContext<D, R>): HookReturn;
  onTick?(dtMs: number, game: GameContext<D, R>): HookReturn;
  onDrain?(game: GameContext<D, R>): HookReturn;
  /** A room starts on this pod: its first seat was redeemed (before that player's onJoin; `room.players` is empty). */
  onRoomCreate?(room: Room<D, R>, game: GameContext<D, R>): HookReturn;
  /** A room ended: `'empty'` (no player for its empty timeout), `'closed'` (room.close), `'drained'` (the pod drained). */
  onRoomDispose?(room: Room<D, R>, reason: RoomDisposeReason, game: GameContext<D, R>): HookReturn;
}

/** The module's own message ids: wire.ts GAME_MSG_ID_MIN/MAX, spelled again so this file imports nothing of the pod (define.test.ts holds them equal). */
export const GAME_MSG_MIN = 10000;
export const GAME_MSG_MAX = 65535;
export const MAX_TICK_HZ = 1000;
/** Room sizes a mode may declare (rooms.md: a match of 100 declares 100; at most 1000). */
export const ROOM_MAX_PLAYERS = 1000;
/** Modes one module may declare: they label metrics and travel in every heartbeat. */
export const ROOM_MAX_MODES = 32;
/** The longest per-mode emptyTimeoutMs (as ROOM_EMPTY_MS). */
export const ROOM_MAX_EMPTY_TIMEOUT_MS = 3_600_000;
export const ROOM_MODE_RE = /^[a-z0-9_-]{1,32}$/;
/** Labels of one room (rooms.md): at most 8 pairs, keys 1–64 chars, values ≤ 64 chars. */
export const ROOM_MAX_LABELS = 8;
export const ROOM_LABEL_MAX_CHARS = 64;

/** What is wrong with `labels` as a room's labels, or undefined. */
export function roomLabelsProblem(labels: unknown): string | undefined {
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return 'labels: an object of string pairs';
  const entries = Object.entries(labels);
  if (entries.length > ROOM_MAX_LABELS) return `labels: at most ${ROOM_MAX_LABELS} pairs`;
  for (const [k, v] of entries) {
    if (k.length === 0 || k.length > ROOM_LABEL_MAX_CHARS) return `labels: keys are 1-${ROOM_LABEL_MAX_CHARS} chars`;
    if (typeof v !== 'string' || v.length > ROOM_LABEL_MAX_CHARS) return `labels.${k}: a string of at most ${ROOM_LABEL_MAX_CHARS} chars`;
  }
  return undefined;
}
const HOOKS = ['onJoin', 'onMessage', 'onAway', 'onResume', 'onLeave', 'onTick', 'onDrain', 'onRoomCreate', 'onRoomDispose'] as const;

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
  if (d.rooms !== undefined) validateRooms(d.rooms, fail);
  else if (d.onRoomCreate || d.onRoomDispose) fail('onRoomCreate/onRoomDispose are set but rooms declares no modes (rooms: { modes: { <mode>: { maxPlayers } } })');
}

function validateRooms(rooms: unknown, fail: (p: string) => never): void {
  const modes = (rooms as { modes?: unknown } | null)?.modes;
  if (!rooms || typeof rooms !== 'object' || !modes || typeof modes !== 'object' || Array.isArray(modes)) fail('rooms: { modes: { <mode>: { maxPlayers, emptyTimeoutMs? } } }');
  const entries = Object.entries(modes as object);
  if (entries.length === 0) fail('rooms.modes: declare at least one mode, or leave rooms out');
  if (entries.length > ROOM_MAX_MODES) fail(`rooms.modes: at most ${ROOM_MAX_MODES} modes`);
  for (const [name, v] of entries) {
    if (!ROOM_MODE_RE.test(name)) fail(`rooms.modes: mode name ${JSON.stringify(name).slice(0, 80)} must be 1-32 chars of [a-z0-9_-]`);
    const m = v as Partial<RoomModeDecl> | null;
    if (!m || typeof m !== 'object') fail(`rooms.modes.${name}: { maxPlayers, emptyTimeoutMs? }`);
    if (!Number.isInteger(m!.maxPlayers) || m!.maxPlayers! < 1 || m!.maxPlayers! > ROOM_MAX_PLAYERS) fail(`rooms.modes.${name}.maxPlayers: an integer from 1 to ${ROOM_MAX_PLAYERS}`);
    const t = m!.emptyTimeoutMs;
    if (t !== undefined && (!Number.isInteger(t) || t < 0 || t > ROOM_MAX_EMPTY_TIMEOUT_MS)) fail(`rooms.modes.${name}.emptyTimeoutMs: an integer from 0 to ${ROOM_MAX_EMPTY_TIMEOUT_MS} (ms)`);
  }
}

/** Declares a game module: checks the definition (throws GameDefinitionError) and returns it. */
export function defineGame<D = any, R = any>(def: GameDefinition<D, R>): GameDefinition<D, R> {
  validateDefinition(def);
  return def;
}
