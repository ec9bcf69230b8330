/**
 * Wire constants of the client protocol (docs/protocol.md): message ids, return codes, kick reasons,
 * app types/states. This is the one place they are spelled; everything else imports them from here.
 * Numeric values come from the generated protobuf enums so the .proto stays the single source of truth.
 */
import { gamecluster } from './gen/gamecluster.js';

const pb = gamecluster.v1;

/** Frame message ids (protocol.md "Message ids"). */
export const MsgId = {
  Ping: 1,
  Pong: 2,
  S2C_Kick: 3,
  MI_AppInfoSync: 100,
  C2L_AccountCheck: 1001,
  L2C_AccountCheckRs: 1002,
  C2L_EnterGame: 1003,
  L2C_EnterGameRs: 1004,
  C2G_LoginByToken: 2001,
  G2C_LoginByTokenRs: 2002,
  C2G_Echo: 2003,
  G2C_Echo: 2004,
  C2G_Resume: 2005,
  G2C_ResumeRs: 2006,
  C2G_Leave: 2007,
} as const;
export type MsgId = (typeof MsgId)[keyof typeof MsgId];
export type MsgName = keyof typeof MsgId;

/** `ReturnCode` of the proto, with short names (returncode in `/login` JSON uses the same numbers). */
export const ReturnCode = {
  OK: pb.ReturnCode.RETURN_CODE_OK,
  UNKNOWN: pb.ReturnCode.RETURN_CODE_UNKNOWN,
  ACCOUNT_NOT_FOUND: pb.ReturnCode.RETURN_CODE_ACCOUNT_NOT_FOUND,
  PASSWORD_WRONG: pb.ReturnCode.RETURN_CODE_PASSWORD_WRONG,
  NO_APP: pb.ReturnCode.RETURN_CODE_NO_APP,
  TOKEN_INVALID: pb.ReturnCode.RETURN_CODE_TOKEN_INVALID,
  BUSY: pb.ReturnCode.RETURN_CODE_BUSY,
  ALREADY_ONLINE: pb.ReturnCode.RETURN_CODE_ALREADY_ONLINE,
  NOT_AUTHENTICATED: pb.ReturnCode.RETURN_CODE_NOT_AUTHENTICATED,
  QUEUED: pb.ReturnCode.RETURN_CODE_QUEUED,
  ROOM_NOT_FOUND: pb.ReturnCode.RETURN_CODE_ROOM_NOT_FOUND,
  ROOM_FULL: pb.ReturnCode.RETURN_CODE_ROOM_FULL,
  ROOM_CLOSED: pb.ReturnCode.RETURN_CODE_ROOM_CLOSED,
  ROOM_INVALID: pb.ReturnCode.RETURN_CODE_ROOM_INVALID,
} as const;
export type ReturnCode = (typeof ReturnCode)[keyof typeof ReturnCode];
export type ReturnCodeName = keyof typeof ReturnCode;

const returnCodeNames = Object.fromEntries(Object.entries(ReturnCode).map(([k, v]) => [v, k])) as Record<number, ReturnCodeName>;
/** Name of a return code for metric labels (bounded: unknown numbers map to UNKNOWN). */
export function returnCodeName(code: number): ReturnCodeName {
  return returnCodeNames[code] ?? 'UNKNOWN';
}

/** `Kick.Reason`. */
export const KickReason = {
  UNSPECIFIED: pb.Kick.Reason.REASON_UNSPECIFIED,
  DUPLICATE_LOGIN: pb.Kick.Reason.REASON_DUPLICATE_LOGIN,
  SERVER_DRAINING: pb.Kick.Reason.REASON_SERVER_DRAINING,
  PROTOCOL_ERROR: pb.Kick.Reason.REASON_PROTOCOL_ERROR,
  IDLE: pb.Kick.Reason.REASON_IDLE,
  GAME: pb.Kick.Reason.REASON_GAME,
} as const;
export type KickReason = (typeof KickReason)[keyof typeof KickReason];

/** The two kinds of pods that register in Redis, as spelled in Redis, JSON and metric labels. */
export const AppTypeName = { login: 'login', game: 'game' } as const;
export type AppTypeName = (typeof AppTypeName)[keyof typeof AppTypeName];

export const AppType = {
  UNSPECIFIED: pb.AppType.APP_TYPE_UNSPECIFIED,
  LOGIN: pb.AppType.APP_TYPE_LOGIN,
  GAME: pb.AppType.APP_TYPE_GAME,
  APPMGR: pb.AppType.APP_TYPE_APPMGR,
} as const;
export type AppType = (typeof AppType)[keyof typeof AppType];

export const AppStateName = { ready: 'ready', draining: 'draining' } as const;
export type AppStateName = (typeof AppStateName)[keyof typeof AppStateName];

export const AppState = {
  UNSPECIFIED: pb.AppState.APP_STATE_UNSPECIFIED,
  READY: pb.AppState.APP_STATE_READY,
  DRAINING: pb.AppState.APP_STATE_DRAINING,
} as const;
export type AppState = (typeof AppState)[keyof typeof AppState];

/** Reasons a connection is closed by the server; the `reason` label of `gamecluster_frames_rejected_total`. */
export const CloseReason = {
  short_frame: 'short_frame',
  bad_body: 'bad_body',
  unknown_msg: 'unknown_msg',
  out_of_order: 'out_of_order',
  auth_timeout: 'auth_timeout',
  idle: 'idle',
  rate: 'rate',
  slow_reader: 'slow_reader',
  slow_frame: 'slow_frame',
  token_failures: 'token_failures',
  /** A WebSocket message that ends inside a frame (protocol.md "Transports"). */
  ws_partial: 'ws_partial',
  /** A WebSocket text message (closed with 1003). */
  ws_text: 'ws_text',
  /** A WebSocket message over WS_MAX_MESSAGE_BYTES or of more than WS_MAX_FRAGMENTS fragments (closed with 1009). */
  ws_too_big: 'ws_too_big',
} as const;
export type CloseReason = (typeof CloseReason)[keyof typeof CloseReason];

/** Why a new connection was refused at accept; the `reason` label of `gamecluster_connections_refused_total`. */
export const RefuseReason = {
  max_connections: 'max_connections',
  max_per_ip: 'max_per_ip',
  tls: 'tls',
  /** A WebSocket upgrade whose `Origin` is not in WS_ALLOWED_ORIGINS (answered 403). */
  origin: 'origin',
} as const;
export type RefuseReason = (typeof RefuseReason)[keyof typeof RefuseReason];

/**
 * WebSocket messages (protocol.md "Resource budgets"): WS_MAX_MESSAGE_BYTES is at least a whole frame's 64 KiB (its
 * default), and a message has at most WS_MAX_FRAGMENTS fragments.
 */
export const WS_MIN_MESSAGE_BYTES = 65536;
export const WS_MAX_FRAGMENTS = 8;

/** Frame header: u16 LE total length (incl. header) + u16 LE msg id. */
export const FRAME_HEADER_BYTES = 4;
export const FRAME_MAX_BYTES = 65535;

/** Ids 10000–65535 belong to the game module's own messages (docs/game-modules.md); the platform never uses them. */
export const GAME_MSG_ID_MIN = 10000;
export const GAME_MSG_ID_MAX = 65535;

/** An account (protocol.md "Accounts"): 1-64 chars of [A-Za-z0-9_.@-], in every auth mode and every API that names one. */
export const ACCOUNT_RE = /^[A-Za-z0-9_.@-]{1,64}$/;

/** True when `account` is a string of the account shape (ACCOUNT_RE). */
export function validAccount(account: unknown): account is string {
  return typeof account === 'string' && ACCOUNT_RE.test(account);
}

/** A room id (rooms.md): 8 characters of an alphabet without look-alikes; clients may send it in any letter case. */
export const RoomId = { alphabet: '23456789ABCDEFGHJKMNPQRSTUVWXYZ', length: 8 } as const;

/**
 * What a pod's build supports, published in its heartbeat (`AppInfoSync.caps`) so a cluster of mixed versions routes
 * by it during a rollout: `rooms` (a game pod hosts rooms), `admission` (a login pod forwards `EnterGame.admission`
 * to appmgr: queue.md), `allocate_games` (a login pod batches AllocateGames).
 */
export const Cap = { rooms: 'rooms', admission: 'admission', allocateGames: 'allocate_games' } as const;
export type Cap = (typeof Cap)[keyof typeof Cap];
