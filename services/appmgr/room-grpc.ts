/**
 * appmgr's room calls over gRPC (docs/rooms.md): `AllocateGame{room}` for the player flow, and a matchmaker's
 * `AllocateMatch`, `ReserveSeats`, `ListRooms`. Requests are validated here (a bad one answers ROOM_INVALID in the
 * player flow, gRPC INVALID_ARGUMENT from a matchmaker), then one call of the registry's RoomAllocator seats
 * everybody or nobody. Handlers never throw: Redis down is BUSY in the player flow and UNAVAILABLE for a matchmaker.
 */
import * as grpc from '@grpc/grpc-js';
import type { Counter } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { ACCOUNT_RE, ReturnCode, type ReturnCodeName } from '../protocol/wire.js';
import type { AllocateGameResponse } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameResponse.js';
import type { AllocateMatchRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateMatchRequest.js';
import type { AllocateMatchResponse } from '../protocol/gen/grpc/gamecluster/v1/AllocateMatchResponse.js';
import type { ListRoomsRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/ListRoomsRequest.js';
import type { ListRoomsResponse } from '../protocol/gen/grpc/gamecluster/v1/ListRoomsResponse.js';
import type { MatchPlayer__Output } from '../protocol/gen/grpc/gamecluster/v1/MatchPlayer.js';
import type { ReserveSeatsRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/ReserveSeatsRequest.js';
import type { RoomRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/RoomRequest.js';
import type { RoomSpec__Output } from '../protocol/gen/grpc/gamecluster/v1/RoomSpec.js';
import { MODE_RE, roomSpecProblem } from '../registry/room-id.js';
import type { ClientTransport, RoomAllocation, RoomAllocator, RoomFailure, RoomSpecInput, RoomWant, SeatRequest } from '../registry/types.js';

export interface RoomGrpcDeps {
  rooms: RoomAllocator;
  logger: Logger;
  /** How long a player-flow seat is held until the login's token replaces it (the pick's reservation). */
  reservationMs: number;
  /** A matchmaker's seat_ttl_ms when 0 (TOKEN_TTL_MS). */
  defaultSeatTtlMs: number;
  /** gamecluster_room_joins_total{result} and gamecluster_appmgr_matches_total{result}. */
  joins: Counter<'result'>;
  matches: Counter<'result'>;
}

/** Most players in one match or backfill (a room holds at most 1000). */
const MAX_MATCH_PLAYERS = 1000;
const MAX_SEAT_TTL_MS = 600_000;

function specOf(s: RoomSpec__Output): RoomSpecInput {
  return { mode: s.mode, maxPlayers: s.maxPlayers, isPrivate: s.isPrivate, labels: { ...(s.labels ?? {}) } };
}

/** The RoomWant of a proto RoomRequest, or the problem that makes it ROOM_INVALID. */
export function roomWantOf(r: RoomRequest__Output): RoomWant | string {
  if (r.want === 'join' && r.join) return { join: r.join.roomId };
  const s = r.want === 'create' ? r.create : r.want === 'find' ? r.find : null;
  if (!s) return 'a room request needs create, join or find';
  const spec = specOf(s);
  const problem = roomSpecProblem(spec);
  if (problem) return problem;
  if (r.want === 'find') {
    if (spec.isPrivate) return 'a find cannot ask for a private room';
    return { find: spec };
  }
  return { create: spec };
}

const CODE: Record<RoomFailure, ReturnCode> = {
  ROOM_NOT_FOUND: ReturnCode.ROOM_NOT_FOUND,
  ROOM_FULL: ReturnCode.ROOM_FULL,
  ROOM_CLOSED: ReturnCode.ROOM_CLOSED,
  ROOM_INVALID: ReturnCode.ROOM_INVALID,
  NO_APP: ReturnCode.NO_APP,
  ALREADY_EXISTS: ReturnCode.ROOM_INVALID,
  REDIS_DOWN: ReturnCode.BUSY,
};

/** Players of a match: the problem that makes the request INVALID_ARGUMENT, or the seats. */
function seatsOf(players: readonly MatchPlayer__Output[]): SeatRequest[] | string {
  if (players.length === 0) return 'no players';
  if (players.length > MAX_MATCH_PLAYERS) return `at most ${MAX_MATCH_PLAYERS} players`;
  const seen = new Set<string>();
  const out: SeatRequest[] = [];
  for (const p of players) {
    if (!ACCOUNT_RE.test(p.account)) return `account "${p.account.slice(0, 64)}" must be 1-64 chars [A-Za-z0-9_.@-]`;
    if (seen.has(p.account)) return `duplicate account "${p.account}"`;
    seen.add(p.account);
    const data = { ...(p.data ?? {}) };
    if (p.team.length > 64 || Object.keys(data).length > 16 || Object.entries(data).some(([k, v]) => k.length > 64 || v.length > 1024)) return `team ≤ 64 chars, data ≤ 16 pairs (keys ≤ 64, values ≤ 1024 chars) for "${p.account}"`;
    out.push({ account: p.account, team: p.team, data });
  }
  return out;
}

function seatTtl(ms: number, fallback: number): number | string {
  if (ms === 0) return fallback;
  if (!Number.isInteger(ms) || ms < 1000 || ms > MAX_SEAT_TTL_MS) return `seat_ttl_ms must be 0 or 1000-${MAX_SEAT_TTL_MS}`;
  return ms;
}

export function roomGrpcHandlers(d: RoomGrpcDeps) {
  const failed = (err: unknown, what: string) => d.logger.warn({ err: (err as Error).message }, `${what}: registry unavailable`);

  /** AllocateGame{room}: the player's seat (the login issues its token); `admission`: his queue admission, if any. */
  function allocateGameRoom(account: string, room: RoomRequest__Output, transport: ClientTransport, admission = ''): Promise<AllocateGameResponse> {
    const none = { appId: '', ip: '', port: 0, wsPort: 0, roomId: '' };
    const want = roomWantOf(room);
    if (typeof want === 'string') {
      d.joins.inc({ result: 'ROOM_INVALID' });
      return Promise.resolve({ returnCode: ReturnCode.ROOM_INVALID, ...none });
    }
    return d.rooms.allocate(want, [{ account }], { transport, seatMs: d.reservationMs, issueTokens: false, admission }).then(
      (r) => {
        d.joins.inc({ result: r.ok ? 'OK' : r.code });
        if (!r.ok) return { returnCode: CODE[r.code], ...none };
        return { returnCode: ReturnCode.OK, appId: r.appId, ip: r.ip, port: r.port, wsPort: r.wsPort, roomId: r.roomId };
      },
      (err: unknown) => {
        failed(err, 'AllocateGame{room}');
        d.joins.inc({ result: 'BUSY' });
        return { returnCode: ReturnCode.BUSY, ...none };
      },
    );
  }

  function seatsCall(
    what: 'AllocateMatch' | 'ReserveSeats',
    want: RoomWant,
    players: readonly MatchPlayer__Output[],
    key: string,
    websocket: boolean,
    ttlMs: number,
    cb: grpc.sendUnaryData<AllocateMatchResponse>,
  ) {
    const seats = seatsOf(players);
    const ttl = seatTtl(ttlMs, d.defaultSeatTtlMs);
    const invalid = typeof seats === 'string' ? seats : typeof ttl === 'string' ? ttl : key.length > 128 ? 'the id is at most 128 characters' : null;
    if (invalid) {
      d.matches.inc({ result: 'INVALID_ARGUMENT' });
      return cb({ code: grpc.status.INVALID_ARGUMENT, details: `${what}: ${invalid}` });
    }
    if ('create' in want && (want.create.maxPlayers > 0 ? want.create.maxPlayers : Infinity) < (seats as SeatRequest[]).length) {
      d.matches.inc({ result: 'INVALID_ARGUMENT' });
      return cb({ code: grpc.status.INVALID_ARGUMENT, details: `${what}: more players than max_players` });
    }
    d.rooms
      .allocate(want, seats as SeatRequest[], { transport: websocket ? 'ws' : 'tcp', seatMs: ttl as number, issueTokens: true, idempotencyKey: key ? `${what === 'AllocateMatch' ? 'm' : 'r'}:${key}` : undefined, bypassLock: what === 'ReserveSeats' })
      .then(
        (r: RoomAllocation) => {
          d.matches.inc({ result: r.ok ? 'OK' : r.code });
          if (!r.ok) {
            if (r.code === 'ALREADY_EXISTS') return cb({ code: grpc.status.ALREADY_EXISTS, details: `${what}: this id was used for other players or another room` });
            if (r.code === 'ROOM_INVALID') return cb({ code: grpc.status.INVALID_ARGUMENT, details: `${what}: the mode is not declared by any game pod, or the size is over its max_players` });
            return cb(null, { returnCode: CODE[r.code], roomId: '', appId: '', ip: '', port: 0, wsPort: 0, seats: [], expiresInMs: 0 });
          }
          cb(null, {
            returnCode: ReturnCode.OK,
            roomId: r.roomId,
            appId: r.appId,
            ip: r.ip,
            port: r.port,
            wsPort: r.wsPort,
            seats: r.seats.map((s) => ({ account: s.account, token: s.token })),
            expiresInMs: ttl as number,
          });
        },
        (err: unknown) => {
          failed(err, what);
          d.matches.inc({ result: 'UNAVAILABLE' });
          cb({ code: grpc.status.UNAVAILABLE, details: 'registry unavailable' });
        },
      );
  }

  return {
    allocateGameRoom,
    AllocateMatch: (call: grpc.ServerUnaryCall<AllocateMatchRequest__Output, AllocateMatchResponse>, cb: grpc.sendUnaryData<AllocateMatchResponse>) => {
      const q = call.request;
      if (!q.room) return cb({ code: grpc.status.INVALID_ARGUMENT, details: 'AllocateMatch: room is required' });
      const spec = specOf(q.room);
      const problem = roomSpecProblem(spec);
      if (problem) return cb({ code: grpc.status.INVALID_ARGUMENT, details: `AllocateMatch: ${problem}` });
      seatsCall('AllocateMatch', { create: spec }, q.players, q.matchId, q.websocket, q.seatTtlMs, cb);
    },
    ReserveSeats: (call: grpc.ServerUnaryCall<ReserveSeatsRequest__Output, AllocateMatchResponse>, cb: grpc.sendUnaryData<AllocateMatchResponse>) => {
      const q = call.request;
      seatsCall('ReserveSeats', { join: q.roomId }, q.players, q.requestId, q.websocket, q.seatTtlMs, cb);
    },
    ListRooms: (call: grpc.ServerUnaryCall<ListRoomsRequest__Output, ListRoomsResponse>, cb: grpc.sendUnaryData<ListRoomsResponse>) => {
      const q = call.request;
      if (!MODE_RE.test(q.mode)) return cb({ code: grpc.status.INVALID_ARGUMENT, details: 'ListRooms: mode must be 1-32 chars [a-z0-9_-]' });
      const limit = q.limit > 0 ? Math.min(q.limit, 1000) : 100;
      const want = Object.entries(q.labels ?? {});
      d.rooms.list(q.mode, 1000, q.includePrivate).then(
        (rooms) =>
          cb(null, {
            rooms: rooms
              .filter((r) => want.every(([k, v]) => r.labels[k] === v))
              .slice(0, limit)
              .map((r) => ({ roomId: r.roomId, appId: r.appId, mode: r.mode, players: r.players, reserved: r.reserved, maxPlayers: r.maxPlayers, isPrivate: r.isPrivate, locked: r.locked, labels: r.labels, createdAtMs: r.createdAtMs })),
          }),
        (err: unknown) => {
          failed(err, 'ListRooms');
          cb({ code: grpc.status.UNAVAILABLE, details: 'registry unavailable' });
        },
      );
    },
  };
}

export type RoomReturnCodeName = Extract<ReturnCodeName, 'ROOM_NOT_FOUND' | 'ROOM_FULL' | 'ROOM_CLOSED' | 'ROOM_INVALID'>;
