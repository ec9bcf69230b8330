/**
 * The one error class of the client SDK. `step` says where the flow failed (the same step names the robots report),
 * `code` is bounded so callers can group failures: a return code name (`NO_APP`, `TOKEN_INVALID`, `ROOM_FULL`, …; the
 * room codes `ROOM_NOT_FOUND`/`ROOM_FULL`/`ROOM_CLOSED`/`ROOM_INVALID` come at `enter_game`), a socket error
 * code (`ECONNREFUSED`, …), `timeout`, `closed_by_server`, `kicked:<REASON>`, `http_<status>`, `bad_response`,
 * `queue_lost`, `protocol`, `aborted`, `left`, `bad_options`.
 */
import { KickReason, returnCodeName } from '../protocol/wire.js';

export type ClientStep = 'http_login' | 'queue' | 'account_check' | 'enter_game' | 'game_login' | 'resume' | 'game';

export class ClientError extends Error {
  constructor(
    readonly step: ClientStep,
    readonly code: string,
    message: string,
    readonly details: { returnCode?: number; kickReason?: number; retryAfterS?: number } = {},
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

const kickNames = Object.fromEntries(Object.entries(KickReason).map(([k, v]) => [v, k])) as Record<number, string>;
/** `Kick.Reason` number → its short name (`DUPLICATE_LOGIN`, …). */
export function kickReasonName(reason: number): string {
  return kickNames[reason] ?? `REASON_${reason}`;
}

/** A non-OK return code at `step`; `what` names the request (e.g. `join(K7QX2MPA)`) in the message. */
export function returnCodeError(step: ClientStep, code: number, what?: string): ClientError {
  const name = returnCodeName(code);
  return new ClientError(step, name, `server answered return code ${code} (${name})${what ? ` for ${what}` : ''}`, { returnCode: code });
}

/** Any thrown value at `step` → a ClientError with a bounded code (a ClientError passes through unchanged). */
export function toClientError(step: ClientStep, err: unknown): ClientError {
  if (err instanceof ClientError) return err;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; cause?: { code?: unknown; message?: unknown } };
  let message = typeof e?.message === 'string' ? e.message : String(err);
  let code: string;
  const sysCode = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  if (e?.name === 'TimeoutError' || /timed out|within \d+ ms/.test(message)) code = 'timeout';
  else if (sysCode && /^E[A-Z_]+$/.test(sysCode)) {
    code = sysCode; // ECONNREFUSED, ECONNRESET, …
    if (typeof e?.cause?.message === 'string' && !message.includes(e.cause.message)) message = `${message}: ${e.cause.message}`;
  } else code = 'error';
  return new ClientError(step, code, message);
}

export const isTimeout = (err: unknown) => err instanceof ClientError && err.code === 'timeout';
