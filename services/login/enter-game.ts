/**
 * `C2L_EnterGame` on login (only after a successful account check): asks appmgr for the least-loaded game
 * (AllocateGame), or for a seat in a room (`EnterGame.room`: create, join or find; docs/rooms.md), issues a
 * single-use token bound to (account, that game's app_id[, room]) in Redis and answers
 * `L2C_EnterGameRs{OK, ip, port, token, room_id}` — a player connected over WebSocket is allocated a game with a
 * WebSocket listener and `port` is that game's WebSocket port — then closes the connection once the answer is flushed
 * (the player has left login). appmgr's NO_APP → NO_APP; a room appmgr cannot seat him in → its ROOM_* code;
 * appmgr or Redis unavailable → BUSY; on an error the connection stays open so the client may retry. One EnterGame
 * at a time per connection (another while one is pending → BUSY).
 * Room ids cannot be swept: every ROOM_NOT_FOUND counts toward the connection's failure budget (shared with failed
 * account checks: the MAX_FAILED_CHECKS-th failure closes it), and per client address at most
 * ROOM_MISSES_PER_IP_PER_MIN misses and ROOM_CREATES_PER_IP_PER_MIN creations a minute (past them BUSY, without asking
 * appmgr), since accounts are free under AUTH_MODE=open.
 */
import type { Logger } from '../platform/logger.js';
import type { EnterGame } from '../protocol/messages.js';
import type { RoomRequest } from '../protocol/gen/grpc/gamecluster/v1/RoomRequest.js';
import { MsgId, ReturnCode } from '../protocol/wire.js';
import type { TokenStore } from '../registry/index.js';
import type { Conn } from '../socket/connection.js';
import { MAX_FAILED_CHECKS, type LoginConnData } from './account-check.js';
import type { AllocateResult } from './appmgr-client.js';

/** A per-address budget: take() charges one (false: spent), peek() only looks. */
export interface AddressBudget {
  take(address: string): boolean;
  peek(address: string): boolean;
}

export interface EnterGameDeps {
  /** `websocket`: the player is on a WebSocket connection (he gets a game's WebSocket port). */
  allocate: (account: string, websocket: boolean, room: RoomRequest | null, admission: string) => Promise<AllocateResult>;
  tokens: TokenStore;
  logger: Logger;
  /** ROOM_CREATES_PER_IP_PER_MIN / ROOM_MISSES_PER_IP_PER_MIN (absent: no bound). */
  roomCreates?: AddressBudget;
  roomMisses?: AddressBudget;
}

type SpecIn = { mode?: string | null; maxPlayers?: number | null; isPrivate?: boolean | null; labels?: { [k: string]: string } | null } | null | undefined;

const specOf = (s: SpecIn) => ({ mode: s?.mode ?? '', maxPlayers: s?.maxPlayers ?? 0, isPrivate: s?.isPrivate ?? false, labels: { ...(s?.labels ?? {}) } });

/** The client's room request as the plain object appmgr's gRPC takes (null: no room). */
export function roomRequestOf(m: EnterGame): RoomRequest | null {
  const r = m.room;
  if (!r) return null;
  if (r.join) return { join: { roomId: r.join.roomId ?? '' } };
  if (r.create) return { create: specOf(r.create) };
  if (r.find) return { find: specOf(r.find) };
  return null;
}

/** The client's address (without the port) for the per-address budgets. */
function addressOf(conn: Conn<LoginConnData>): string {
  const r = conn.remote;
  return r.slice(0, r.lastIndexOf(':'));
}

export function enterGameHandler(d: EnterGameDeps) {
  let tokenFailing = false;
  const fail = (conn: Conn<LoginConnData>, code: ReturnCode) => conn.send(MsgId.L2C_EnterGameRs, { returnCode: code, ip: '', port: 0, token: '' });
  const issueFailed = (err: unknown) => {
    if (!tokenFailing) {
      tokenFailing = true;
      d.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'tokens: cannot issue (Redis unavailable): EnterGame answers BUSY');
    }
  };
  return async (conn: Conn<LoginConnData>, m: EnterGame = {}): Promise<void> => {
    if (conn.data.entering) return void fail(conn, ReturnCode.BUSY);
    const account = conn.objectKey!;
    const room = roomRequestOf(m);
    if (room && room.create && d.roomCreates && !d.roomCreates.take(addressOf(conn))) return void fail(conn, ReturnCode.BUSY);
    if (room && room.join && d.roomMisses && !d.roomMisses.peek(addressOf(conn))) return void fail(conn, ReturnCode.BUSY);
    conn.data.entering = true;
    try {
      const game = await d.allocate(account, conn.net === 'ws', room, m.admission ?? '');
      if (game.kind === 'room') {
        if (game.code === ReturnCode.ROOM_NOT_FOUND) {
          d.roomMisses?.take(addressOf(conn));
          fail(conn, game.code);
          if (++conn.data.failedChecks >= MAX_FAILED_CHECKS) conn.end();
          return;
        }
        return void fail(conn, game.code);
      }
      if (game.kind !== 'ok') return void fail(conn, game.kind === 'no_app' ? ReturnCode.NO_APP : ReturnCode.BUSY);
      let token: string | null;
      try {
        token = game.roomId ? ((await d.tokens.issueForSeat?.(account, game.appId, game.roomId)) ?? null) : await d.tokens.issue(account, game.appId);
        if (tokenFailing) (tokenFailing = false), d.logger.info('tokens: issuing again');
      } catch (err) {
        issueFailed(err);
        return void fail(conn, ReturnCode.BUSY);
      }
      // The seat was voided meanwhile (a newer EnterGame of the account elsewhere): nothing to hand out.
      if (token === null) return void fail(conn, ReturnCode.BUSY);
      const answer = game.roomId ? { returnCode: ReturnCode.OK, ip: game.ip, port: game.port, token, roomId: game.roomId } : { returnCode: ReturnCode.OK, ip: game.ip, port: game.port, token };
      if (conn.send(MsgId.L2C_EnterGameRs, answer)) conn.end();
    } finally {
      conn.data.entering = false;
    }
  };
}
