/**
 * The registry's interfaces: what login, game and appmgr need from the shared state, independent of Redis.
 * The real implementations are over Redis (redis-*.ts in this folder); the key schema is in docs/operations.md.
 */
import type { AppStateName, AppTypeName } from '../protocol/wire.js';
import type { RoomInfo__Output } from '../protocol/gen/grpc/gamecluster/v1/RoomInfo.js';

/** One pod as registered (the AppInfoSync fields; `lastSeenMs` = ts of its last heartbeat). */
export interface AppRecord {
  appId: string;
  appType: AppTypeName;
  online: number;
  ip: string;
  port: number;
  state: AppStateName;
  tsMs: number;
  capacity: number;
  /** The pod's WebSocket port, when it has one (absent = none). */
  wsPort?: number;
  /** Game pods: the room modes its module declares (absent: none). */
  modes?: RoomMode[];
  /** Game pods that declare modes: the rooms the pod hosts, as its last heartbeat said (operators' views only). */
  rooms?: number;
  /** What the pod's build supports (absent: an older version that publishes none). */
  caps?: string[];
}

/** How a client reaches a pod: TCP (or TLS) on `port`, or WebSocket on `wsPort`. */
export type ClientTransport = 'tcp' | 'ws';

/** What a pod reports on each heartbeat; asked fresh at every beat. */
export interface HeartbeatSource {
  appId: string;
  appType: AppTypeName;
  ip: string;
  port: number;
  /** The WebSocket port advertised (0 or absent: none). */
  wsPort?: number;
  capacity: number;
  online(): number;
  draining(): boolean;
  /**
   * Successful token redeems this pod has accounted for (each player it let in is in `online()` from that moment,
   * until he leaves). With `incarnation` it lets Redis count the players whose redeem it ran but whose pod had not yet
   * counted them when it sampled `online()` — see the heartbeat script. Login pods leave both out.
   */
  redeemsCounted?(): number;
  /** Changes whenever `redeemsCounted` restarts from a lower value (a new process, a dead worker). */
  incarnation?(): string;
  /**
   * New at every process start, unchanged by worker restarts (docs/rooms.md): rooms and seats are bound to it, so a
   * dead pod's rooms, or those of its earlier run under the same name, are found dead by the scripts that meet them.
   */
  runId?: string;
  /** What this build supports: `rooms`, `admission`, `allocate_games` (a mixed-version cluster routes by them). */
  caps?: readonly string[];
  /** Game pods: the room modes the module declares (none: never chosen for a room request). */
  modes?: readonly RoomMode[];
  /**
   * Game pods: players now in rooms (live and away), already inside `online()`. A room's fullness is its
   * `max_players` (kept in Redis by the room scripts), so these are taken out of `online()` for the pod's fullness.
   */
  roomPlayers?(): number;
  /**
   * Game pods: the rooms the module hosts now (a room appears with its first player). Shown to operators (/apps, the
   * live page); selection never reads it (a room's places are kept in Redis by the room scripts).
   */
  rooms?(): number;
}

/** A room mode a game module declares, as published in the heartbeat. */
export interface RoomMode {
  mode: string;
  maxPlayers: number;
}

/** What a player's seat tells the game pod at his token login (docs/rooms.md): the room he came for. */
export interface RoomSeat {
  roomId: string;
  mode: string;
  maxPlayers: number;
  isPrivate: boolean;
  labels: Record<string, string>;
  /** A matchmaker's seat (AllocateMatch / ReserveSeats): the player's team and data; else null. */
  match: { team: string; data: Record<string, string> } | null;
}

/** A room as the game pod that holds it knows it (re-published after Redis lost data). */
export interface HeldRoom {
  roomId: string;
  mode: string;
  maxPlayers: number;
  isPrivate: boolean;
  labels: Record<string, string>;
  locked: boolean;
  /** Accounts in the room (live and away). */
  accounts: readonly string[];
}

/**
 * The game pod's side of its rooms in the registry (docs/rooms.md). Every call is one atomic step, acts only on a
 * room that this pod (app_id and run id) holds, and throws RegistryUnavailableError when Redis is down (the caller
 * logs once and goes on: the room lives in the pod; Redis is repaired by `republish` when it returns).
 */
export interface GameRoomRegistry {
  /** The player left the room for good (not while away): its count goes down, the seat is free for another. */
  left(roomId: string, account: string): Promise<void>;
  /** lock()/unlock(): a locked room takes no `join`/`find` (ReserveSeats still does). */
  setLocked(roomId: string, locked: boolean): Promise<void>;
  setLabels(roomId: string, labels: Record<string, string>): Promise<void>;
  /** The room ended on this pod (closed, empty, drained): its record goes and its places return to the pod. */
  ended(roomId: string): Promise<void>;
  /**
   * After Redis lost data (the heartbeat reports it): writes these rooms again, never over a room that another live
   * pod holds. Returns the ids it could not restore (their players should be told).
   */
  republish(rooms: readonly HeldRoom[]): Promise<string[]>;
  /** Re-arms the 1 h backstop expiry of these rooms' keys (the owner does it, spread over the hour). */
  rearm(roomIds: readonly string[]): Promise<void>;
}

/**
 * Writes a pod's heartbeat: the first at `start()`, then every HEARTBEAT_MS; hash + sorted-set score in one atomic
 * step with TTL APP_TTL_MS; a full or draining pod leaves the sorted set. Retries with backoff while Redis is down
 * and rebuilds the entry when it returns. Never throws from the timer.
 */
export interface HeartbeatWriter {
  start(): Promise<void>;
  /** Sends one beat now (e.g. right after the pod starts draining) and resolves when written or failed. */
  beatNow(): Promise<boolean>;
  /** Called when a `DrainApp` flag for this pod is seen (once). */
  onDrainRequested(cb: () => void): void;
  /** Called when `UndrainApp` asked a pod drained by DrainApp to return to ready (then DrainApp may be seen again). */
  onUndrainRequested?(cb: () => void): void;
  /**
   * Called when a beat (not the first one of this process) found the pod's registration gone: Redis lost its data
   * (restart, failover to a lagging replica, expiry during a long outage). The pod re-publishes its rooms and sessions.
   */
  onRegistrationLost?(cb: () => void): void;
  /** Stops beating and removes the pod's entry (clean exit), best effort. */
  stop(): Promise<void>;
}

export type PickResult =
  | { ok: true; app: Pick<AppRecord, 'appId' | 'ip' | 'port' | 'wsPort'> }
  | { ok: false; reason: 'no_app' | 'redis_down' };

/** appmgr's choice (least loaded or packed) with the +1 bump, atomic across replicas. */
export interface AppSelector {
  /**
   * `reserveFor` (AllocateGame's account): the bump is also kept as a reservation in the chosen game's pending set
   * until the login issues that account's token (which takes its place), so a heartbeat that lands in between does
   * not forget the player. `transport` `ws`: only pods with a WebSocket port (`app.wsPort`). `admission`: the
   * player's queue admission (queue.md), for a selector that consumes held places ('' = none; others ignore it).
   */
  pick(appType: AppTypeName, reserveFor?: string, transport?: ClientTransport, admission?: string): Promise<PickResult>;
}

/** Single-use login → game tokens, bound to (account, game app_id). */
export interface TokenStore {
  /** Issues a 128-bit CSPRNG token (32 hex chars). Throws RegistryUnavailableError when Redis is down. */
  issue(account: string, gameAppId: string): Promise<string>;
  /**
   * Issues the token of the account's seat in `roomId` (reserved by the room allocation; docs/rooms.md): null when
   * the seat is gone meanwhile (a newer EnterGame voided it, or it lapsed). Throws when Redis is down.
   */
  issueForSeat?(account: string, gameAppId: string, roomId: string): Promise<string | null>;
  /** Redeems atomically once. `invalid` for unknown/expired/used/wrong account/wrong app. Throws when Redis is down. */
  redeem(token: string, account: string, gameAppId: string): Promise<'ok' | 'invalid'>;
}

/** A redeemed and claimed token login: the previous session (kicked) if any, and the room seat the token was for. */
export interface RedeemClaimResult {
  previous: { appId: string; socketKey: string } | null;
  seat: RoomSeat | null;
}

/** Where an account is online in the cluster (game pods), and how an older session is told to go. */
export interface SessionRegistry {
  /**
   * Records that `account` is now online at (appId, socketKey). If it was online elsewhere (any pod, or this pod
   * with another socket key), the holder is told to kick it (pub/sub), and that previous location is returned.
   */
  claim(account: string, appId: string, socketKey: string): Promise<{ appId: string; socketKey: string } | null>;
  /**
   * Optional: TokenStore.redeem(token, account, appId) and, when it redeems, claim(account, appId, socketKey) as one
   * atomic step (one round trip). 'invalid' when the token does not redeem (nothing changed); otherwise what claim
   * answers. Throws when Redis is down (then whether it redeemed is unknown, as with a redeem whose answer was lost).
   */
  redeemAndClaim?(token: string, account: string, appId: string, socketKey: string): Promise<'invalid' | RedeemClaimResult>;
  /** Removes the record only if it still names (appId, socketKey) (a newer session is left alone). */
  release(account: string, appId: string, socketKey: string): Promise<void>;
  /**
   * The owning pod's pass over some of its live sessions (records are valid while the pod is alive in its run, so
   * there is no pass per heartbeat): records still naming them get their backstop expiry re-armed, missing or
   * invalid ones (Redis lost them; a dead pod's) are recorded again, and the sessions whose record now names another
   * valid session (a newer login elsewhere, whose kick may have been lost) are returned. Run for the sessions whose
   * backstop is due, and for all of them when Redis lost data or the kick subscription came back.
   */
  sync(appId: string, live: readonly { account: string; socketKey: string }[]): Promise<{ account: string; socketKey: string }[]>;
  /** Called on this pod when another pod's claim asks it to kick (account, socketKey). */
  onKick(appId: string, cb: (account: string, socketKey: string) => void): Promise<void>;
  /**
   * Called each time the kick subscription is established again after a reconnect (messages published meanwhile
   * were lost: the pod should run `sync` over its sessions now).
   */
  onResubscribed(cb: () => void): void;
  close(): Promise<void>;
}

/** The operator's view and drain flags (appmgr). */
export interface AppDirectory {
  list(appType?: AppTypeName): Promise<AppRecord[]>;
  /** Sets the drain flag; false when no such app is registered. */
  drain(appId: string): Promise<boolean>;
  /** Clears the drain flag and tells a DrainApp-drained pod to return to ready; false when no such app is registered. */
  undrain(appId: string): Promise<boolean>;
}

/** A room's spec in a request (docs/rooms.md): create and find. `maxPlayers` 0 = the mode's. */
export interface RoomSpecInput {
  mode: string;
  maxPlayers: number;
  isPrivate: boolean;
  labels: Record<string, string>;
}

/** What a room request asks for. */
export type RoomWant = { create: RoomSpecInput } | { join: string } | { find: RoomSpecInput };

/** One account to seat (a matchmaker's players carry team and data; the player flow only the account). */
export interface SeatRequest {
  account: string;
  team?: string;
  data?: Record<string, string>;
}

/** Why a room request failed, as the return code it answers (ALREADY_EXISTS: gRPC status of a reused match id). */
export type RoomFailure = 'ROOM_NOT_FOUND' | 'ROOM_FULL' | 'ROOM_CLOSED' | 'ROOM_INVALID' | 'NO_APP' | 'ALREADY_EXISTS' | 'REDIS_DOWN';

export type RoomAllocation =
  | {
      ok: true;
      appId: string;
      ip: string;
      port: number;
      wsPort: number;
      roomId: string;
      /** token '' : the login issues it (player flow), or the account is already in the room (status `in`). */
      seats: { account: string; token: string; status: 'new' | 'same' | 'in' }[];
    }
  | { ok: false; code: RoomFailure };

export interface RoomAllocateOptions {
  transport: ClientTransport;
  /** How long the seats are held (the player flow's reservation, or a match's seat_ttl_ms). */
  seatMs: number;
  /** Issue a token per seat here (matches); else the login issues it after (player flow). */
  issueTokens: boolean;
  /** A matchmaker's match_id / request_id (idempotency key; remembered while the room lives). */
  idempotencyKey?: string;
  /** ReserveSeats: a locked room still takes seats. */
  bypassLock?: boolean;
  /** The player's queue admission (the player flow; queue.md): it alone consumes the places it holds. */
  admission?: string;
}

/**
 * One room as listed: ListRooms' `RoomInfo` (the generated type, so the two cannot drift), plus whether its pod drains
 * (not on the wire; GET /rooms leaves a draining pod's rooms out).
 */
export interface RoomListing extends RoomInfo__Output {
  draining: boolean;
}

/** appmgr's side of rooms: seats in one atomic step for every replica. */
export interface RoomAllocator {
  allocate(want: RoomWant, seats: readonly SeatRequest[], o: RoomAllocateOptions): Promise<RoomAllocation>;
  /**
   * The mode's rooms: the open public ones fullest first, then the locked public ones, then, with `includePrivate`,
   * the private ones; at most `limit`. Dead ones met on the way are pruned from the index.
   */
  list(mode: string, limit: number, includePrivate?: boolean): Promise<RoomListing[]>;
  /** One room's state, read without a script (GET /login?room=): null when it does not exist or its pod is gone. */
  peek(roomId: string): Promise<{ open: boolean; free: number } | null>;
}

export class RegistryUnavailableError extends Error {
  readonly code = 'REGISTRY_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryUnavailableError';
  }
}
