/**
 * The Redis key schema of the registry (docs/operations.md "Redis keys"), spelled in one place. Every key starts
 * with the hash tag `{<PREFIX>}` so all of them share one slot; scripts still receive every key they touch in KEYS.
 */
import type { AppTypeName } from '../protocol/wire.js';

export interface RegistryKeys {
  readonly tag: string;
  /** Hash of one pod's last heartbeat, PEXPIRE APP_TTL_MS. */
  app(appId: string): string;
  /** Prefix of `app()` keys, for scripts that build them from member names. */
  readonly appPrefix: string;
  /** Sorted set of selectable pods of a type, score = online / capacity. */
  online(appType: AppTypeName): string;
  readonly onlinePrefix: string;
  /** Set of every registered app_id (so listing needs no SCAN); dead members are pruned when listed. */
  readonly apps: string;
  drain(appId: string): string;
  /** Set by UndrainApp for the drained pod's next heartbeat to take (undrain.ts). */
  undrain(appId: string): string;
  token(token: string): string;
  /** Sorted set of a game pod's issued, not yet redeemed tokens (score = expiry ms): players on their way to it. */
  pending(appId: string): string;
  readonly pendingPrefix: string;
  readonly tokenPrefix: string;
  /**
   * What an account currently holds on its way to a game: "<game app_id> <member>" where member is its reservation
   * `r:<account>` or its unredeemed token, in that game's pending set. One per account: a new one replaces it.
   */
  hold(account: string): string;
  readonly holdPrefix: string;
  /**
   * `<game app_id> <socketKey> <run_id>`: valid while `runs` names that run for that pod (its liveness, not the key's
   * expiry: an online player costs Redis nothing per heartbeat); PX 1 h, re-armed by the owning pod, as a backstop.
   */
  session(account: string): string;
  /**
   * Hash app_id → `<run_id> <until_ms>`: each pod's run and how long it counts as alive (3 heartbeats from its last
   * beat), written by its heartbeat; what makes its session records valid. Entries of pods whose hash is gone are
   * pruned by the list script; a clean exit deletes its own.
   */
  readonly runs: string;
  /** Pub/sub channel of one game pod for duplicate-login kicks. */
  kick(appId: string): string;
  readonly kickPrefix: string;
  /**
   * Rooms (docs/rooms.md). `room(id)`: hash of one room (its pod and run, mode, size, labels, locked, players,
   * reached, match, and `s:<account>` = a seat's match data); `seats(id)`: sorted set account → the seat's expiry
   * (reserved, not yet redeemed); `roomsOfMode(mode)`: sorted set of the mode's rooms, score = band
   * (open public, locked, private: ROOM_BAND) + free seats (find, /rooms' snapshot and ListRooms read it); `newRooms(app)`: sorted set "<room_id> <max_players>" → expiry of the seats of
   * the pod's rooms that no player reached yet (their places lapse with them: the pod's heartbeat sweeps it);
   * `match(id)`: hash of a matchmaker's idempotency key.
   */
  room(roomId: string): string;
  readonly roomPrefix: string;
  seats(roomId: string): string;
  readonly seatsPrefix: string;
  roomsOfMode(mode: string): string;
  readonly roomsOfModePrefix: string;
  newRooms(appId: string): string;
  readonly newRoomsPrefix: string;
  match(id: string): string;
}

export function registryKeys(prefix: string): RegistryKeys {
  const tag = `{${prefix}}`;
  return {
    tag,
    app: (id) => `${tag}:app:${id}`,
    appPrefix: `${tag}:app:`,
    online: (t) => `${tag}:online:${t}`,
    onlinePrefix: `${tag}:online:`,
    apps: `${tag}:apps`,
    drain: (id) => `${tag}:drain:${id}`,
    undrain: (id) => `${tag}:undrain:${id}`,
    token: (t) => `${tag}:token:${t}`,
    pending: (id) => `${tag}:pending:${id}`,
    pendingPrefix: `${tag}:pending:`,
    tokenPrefix: `${tag}:token:`,
    hold: (a) => `${tag}:hold:${a}`,
    holdPrefix: `${tag}:hold:`,
    session: (a) => `${tag}:session:${a}`,
    runs: `${tag}:runs`,
    kick: (id) => `${tag}:kick:${id}`,
    kickPrefix: `${tag}:kick:`,
    room: (id) => `${tag}:room:${id}`,
    roomPrefix: `${tag}:room:`,
    seats: (id) => `${tag}:seats:${id}`,
    seatsPrefix: `${tag}:seats:`,
    roomsOfMode: (m) => `${tag}:rooms:${m}`,
    roomsOfModePrefix: `${tag}:rooms:`,
    newRooms: (id) => `${tag}:newrooms:${id}`,
    newRoomsPrefix: `${tag}:newrooms:`,
    match: (id) => `${tag}:match:${id}`,
  };
}

/** The registry keys of the prefix an `appPrefix` (`{p}:app:`) was built from. */
export function keysOfAppPrefix(appPrefix: string): RegistryKeys {
  const end = appPrefix.indexOf('}');
  return registryKeys(appPrefix.slice(1, end));
}
