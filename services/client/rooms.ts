/**
 * What a client asks for when it wants a room (rooms.md "How a player asks"; browser-safe, pure): the `room` option
 * of `connect` — `create` a room, `join` one by id, `find` the fullest open public one of a mode — checked and turned
 * into the `RoomRequest` of `C2L_EnterGame`, plus the `seat` option (a matchmaker's seat: the game pod's address and
 * a single-use token, redeemed with `C2G_LoginByToken` without `/login` nor a login pod). The server judges modes,
 * sizes and labels (`ROOM_INVALID`); here only what would otherwise waste a request is refused (`bad_options`): a
 * malformed option, or a room id outside the id alphabet, since every `ROOM_NOT_FOUND` counts against the
 * connection's failure budget.
 */
import type { gamecluster } from '../protocol/gen/gamecluster.js';
import { RoomId } from '../protocol/wire.js';
import { ClientError } from './errors.js';

export interface RoomCreateOptions {
  /** One of the modes the game module declares. */
  mode: string;
  /** 1..the mode's maxPlayers; 0 or absent: the mode's maxPlayers. */
  maxPlayers?: number;
  /** Never listed; joined only by id. */
  isPrivate?: boolean;
  /** ≤ 8 pairs, keys and values ≤ 64 characters. */
  labels?: Record<string, string>;
}

export interface RoomFindOptions {
  mode: string;
  /** A room whose labels include all these pairs. */
  labels?: Record<string, string>;
  /** > 0: only rooms of exactly this size (and a new room of this size). */
  maxPlayers?: number;
}

/** The `room` option of `connect`: exactly one of `create`, `join` (a room id, any letter case), `find`. */
export type RoomOption = { create: RoomCreateOptions } | { join: string } | { find: RoomFindOptions };

/** The `seat` option of `connect`: what a matchmaker's `AllocateMatch`/`ReserveSeats` handed out for one player. */
export interface SeatOption {
  ip: string;
  /** The game pod's TCP port (transport `tcp`). */
  port: number;
  /** The game pod's WebSocket port (transport `ws`). */
  wsPort?: number;
  account: string;
  /** The seat's single-use token. */
  token: string;
}

/** `session.room`: the room the session is in (from `G2C_LoginByTokenRs.room_id`). */
export interface SessionRoom {
  readonly id: string;
}

/** The return codes that say "not this room" (rooms.md): never retried. */
export const ROOM_ERROR_CODES = ['ROOM_NOT_FOUND', 'ROOM_FULL', 'ROOM_CLOSED', 'ROOM_INVALID'] as const;
export const isRoomError = (code: string): boolean => (ROOM_ERROR_CODES as readonly string[]).includes(code);

const ID_RE = new RegExp(`^[${RoomId.alphabet}]{${RoomId.length}}$`);

const bad = (message: string) => new ClientError('enter_game', 'bad_options', `connect: ${message}`);

/** A room id as the platform writes it (upper case), or `bad_options` when it cannot be one. */
export function normalizeRoomId(id: unknown): string {
  const up = typeof id === 'string' ? id.trim().toUpperCase() : '';
  if (!ID_RE.test(up)) throw bad(`room id ${JSON.stringify(id)} is not ${RoomId.length} characters of ${RoomId.alphabet}`);
  return up;
}

function labelsOf(where: string, labels: unknown): Record<string, string> {
  if (labels === undefined || labels === null) return {};
  if (typeof labels !== 'object' || Array.isArray(labels)) throw bad(`${where}.labels must be an object of strings`);
  for (const [k, v] of Object.entries(labels)) if (typeof v !== 'string') throw bad(`${where}.labels.${k} must be a string`);
  return { ...(labels as Record<string, string>) };
}

function sizeOf(where: string, n: unknown): number {
  if (n === undefined || n === null) return 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw bad(`${where}.maxPlayers must be an integer ≥ 0`);
  return n;
}

function modeOf(where: string, mode: unknown): string {
  if (typeof mode !== 'string' || !mode) throw bad(`${where}.mode is required`);
  return mode;
}

/** Checks the `room` option and returns it in canonical form (room id upper case, defaults filled in). */
export function normalizeRoomOption(room: unknown): RoomOption {
  if (!room || typeof room !== 'object') throw bad('room must be { create } | { join } | { find }');
  const keys = Object.keys(room).filter((k) => (room as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !['create', 'join', 'find'].includes(keys[0]!)) throw bad(`room must have exactly one of create, join, find (got ${keys.join(', ') || 'none'})`);
  const r = room as Record<string, any>;
  if (keys[0] === 'join') return { join: normalizeRoomId(r.join) };
  if (keys[0] === 'create') {
    const c = r.create ?? {};
    return { create: { mode: modeOf('room.create', c.mode), maxPlayers: sizeOf('room.create', c.maxPlayers), isPrivate: c.isPrivate === true, labels: labelsOf('room.create', c.labels) } };
  }
  const f = r.find ?? {};
  if (f.isPrivate) throw bad('room.find cannot be private (a private room is joined by id)');
  return { find: { mode: modeOf('room.find', f.mode), maxPlayers: sizeOf('room.find', f.maxPlayers), labels: labelsOf('room.find', f.labels) } };
}

/** Checks the `seat` option. */
export function normalizeSeat(seat: unknown, transport: 'tcp' | 'ws'): SeatOption {
  const s = seat as Partial<SeatOption> | undefined;
  const where = (m: string) => new ClientError('game_login', 'bad_options', `connect: seat.${m}`);
  if (!s || typeof s !== 'object') throw where('is required');
  if (typeof s.ip !== 'string' || !s.ip) throw where('ip is required');
  if (typeof s.account !== 'string' || !s.account) throw where('account is required');
  if (typeof s.token !== 'string' || !s.token) throw where('token is required');
  const port = transport === 'ws' ? s.wsPort : s.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw where(`${transport === 'ws' ? 'wsPort' : 'port'} must be a port number (transport ${transport})`);
  }
  return { ip: s.ip, port: s.port ?? 0, ...(s.wsPort !== undefined ? { wsPort: s.wsPort } : {}), account: s.account, token: s.token };
}

/** The `RoomRequest` of `C2L_EnterGame` for a (normalized) room option. */
export function roomRequest(room: RoomOption): gamecluster.v1.RoomRequest.$Properties {
  if ('join' in room) return { join: { roomId: room.join } };
  if ('create' in room) {
    const c = room.create;
    return { create: { mode: c.mode, maxPlayers: c.maxPlayers ?? 0, isPrivate: c.isPrivate ?? false, labels: c.labels ?? {} } };
  }
  const f = room.find;
  return { find: { mode: f.mode, maxPlayers: f.maxPlayers ?? 0, isPrivate: false, labels: f.labels ?? {} } };
}

/**
 * The places to wait for in the admission line (`?queue=1&places=N`, queue.md): a host who will open a room of N
 * (`create`, or a `find` that may open one) waits for N, so his admission holds the room's places; 1 otherwise —
 * also for a size left to the mode (0: the client does not know it; give `maxPlayers` to queue for a room).
 */
export function queuePlaces(room: RoomOption | undefined): number {
  if (!room || 'join' in room) return 1;
  const n = 'create' in room ? room.create.maxPlayers : room.find.maxPlayers;
  return n && n > 1 ? n : 1;
}

/** The room id a `GET /login?room=<id>` names (a join never waits in the admission line), or undefined. */
export function loginRoomParam(room: RoomOption | undefined): string | undefined {
  return room && 'join' in room ? room.join : undefined;
}

/** A short description for messages: `create(duel)`, `join(K7QX2MPA)`, `find(duel)`. */
export function describeRoom(room: RoomOption | undefined): string {
  if (!room) return 'no room';
  if ('join' in room) return `join(${room.join})`;
  return 'create' in room ? `create(${room.create.mode})` : `find(${room.find.mode})`;
}
