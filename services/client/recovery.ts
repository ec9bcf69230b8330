/**
 * The session's retry and rejoin decisions as pure functions (browser-safe), so they are tested alone:
 * - `retryable`: a failed flow worth another attempt (the cluster is busy, a pod went away) — never a wrong password,
 *   a kick, nor a room error (`ROOM_NOT_FOUND`/`ROOM_FULL`/`ROOM_CLOSED`/`ROOM_INVALID` say "not this room", and
 *   asking again would only burn the connection's failure budget).
 * - `afterResumeFailed`: the game connection is gone for good (resume refused or its window over) — a session
 *   without a room runs the flow again as before; a room session (`create`, `join` or `find`) goes back into the
 *   same room by id (`/login?room=<id>`, `join`), since its friends are there; a matchmaker's seat ends (its token
 *   was single-use and only the matchmaker can issue another).
 * - `afterFlowFailed`: that flow failed too — a `find` session whose rejoin met a room error runs its `find` again
 *   (another room of the same kind is as good); anything else ends the session with the error.
 */
import type { ClientError } from './errors.js';
import { isRoomError, type RoomOption } from './rooms.js';

/** Codes worth another attempt of the whole flow (the cluster is busy or a pod went away), not a wrong password. */
export function retryable(e: Pick<ClientError, 'code'>): boolean {
  if (isRoomError(e.code)) return false;
  // Not a kick: a DUPLICATE_LOGIN means another client of this account is playing, and two retrying clients would
  // only kick each other in turn.
  return /^(NO_APP|BUSY|UNKNOWN|TOKEN_INVALID|ALREADY_ONLINE|timeout|closed_by_server|E[A-Z_]+|http_5\d\d|http_429)$/.test(e.code);
}

/** How the session came in: the whole flow (with or without a room), or a matchmaker's seat. */
export type SessionOrigin = { kind: 'flow'; room?: RoomOption } | { kind: 'seat' };

/** What to do next: run the flow (through `/login`) with this room request, or end the session. */
export type NextStep = { kind: 'flow'; room?: RoomOption } | { kind: 'end' };

/** After the resume failed for good; `roomId` is the room the session was in (if the server said). */
export function afterResumeFailed(origin: SessionOrigin, roomId: string | undefined): NextStep {
  if (origin.kind === 'seat') return { kind: 'end' };
  if (!origin.room) return { kind: 'flow' };
  if (roomId) return { kind: 'flow', room: { join: roomId } };
  return { kind: 'flow', room: origin.room }; // a server that named no room: ask as the first time
}

/** After a recovery flow that asked for `tried` failed with `error` (its own retries done). */
export function afterFlowFailed(origin: SessionOrigin, tried: RoomOption | undefined, error: Pick<ClientError, 'code'>): NextStep {
  if (origin.kind === 'flow' && origin.room && 'find' in origin.room && tried && 'join' in tried && isRoomError(error.code)) {
    return { kind: 'flow', room: origin.room };
  }
  return { kind: 'end' };
}
