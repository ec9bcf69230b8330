/**
 * The rooms of one game pod (docs/game-modules.md "Rooms"). A room starts here when its first seat is redeemed
 * (onRoomCreate, before that player's onJoin), holds its players — live and away — until they leave, and ends when
 * the module closes it ('closed': its players are kicked with REASON_GAME), when it has had no player for its empty
 * timeout ('empty': the mode's emptyTimeoutMs, else ROOM_EMPTY_MS), or when the pod drained and its players are all
 * gone ('drained'). What the registry must know (a player gone for good, lock, labels, the end) goes to
 * GameRoomRegistry without waiting: a failure is counted and logged once per streak, never thrown into the game — the
 * room lives in the pod, and Redis is repaired by `republish`. The backstop expiry of the rooms' keys is re-armed a
 * bounded batch at a time, oldest first, so the work per pass does not grow with the number of rooms.
 */
import type { Counter, Gauge } from 'prom-client';
import type { Logger } from '../../platform/logger.js';
import type { GameRoomRegistry, HeldRoom, RoomMode, RoomSeat } from '../../registry/index.js';
import { roomLabelsProblem, type Player, type Room, type RoomDisposeReason, type RoomModeDecl } from './define.js';

/** A player as the rooms see him (the host's GamePlayer). */
export interface RoomMember extends Player {
  room: GameRoom | null;
}

/** What the rooms need of the module host. */
export interface RoomsHost {
  /** Sends to `members` (not `except`), encoding once; returns the deliveries. */
  broadcastTo(members: Iterable<RoomMember>, size: number, name: string, body: object, except: RoomMember | undefined): number;
  /** Kicks the player (S2C_Kick{REASON_GAME}, onLeave 'kicked'), which takes him out of his room. */
  kick(p: RoomMember, reason: string): void;
  onRoomCreate(room: GameRoom): void;
  onRoomDispose(room: GameRoom, reason: RoomDisposeReason): void;
}

/** Registry operations, as the `op` label of gamecluster_room_registry_errors_total. */
export type RoomRegistryOp = 'left' | 'set_locked' | 'set_labels' | 'ended' | 'republish' | 'rearm';

export interface GameRoomsOptions {
  /** The module's `rooms.modes` (absent: it declares no rooms). */
  modes: Readonly<Record<string, RoomModeDecl>> | undefined;
  /** ROOM_EMPTY_MS: how long a room of a mode without emptyTimeoutMs lives without players. */
  emptyMs: number;
  registry: GameRoomRegistry;
  gauge: Gauge<'mode'>;
  errors: Counter<'op'>;
  logger: Logger;
  host: RoomsHost;
  /** How often the re-arm pass runs (default 60 s). */
  rearmEveryMs?: number;
  /** A room's keys are re-armed once this long has passed since the last time (default 15 min; their expiry is 1 h). */
  rearmAfterMs?: number;
  /** Rooms re-armed per pass at most (default 1000). */
  rearmBatch?: number;
}

/** The `mode` label of a room whose seat named a mode the module does not declare (keeps the label set bounded). */
export const UNDECLARED_MODE = '_undeclared';

export class GameRoom implements Room {
  data: any = {};
  readonly players = new Map<string, RoomMember>();
  /** open → closing (its players are being kicked) → ended. */
  state: 'open' | 'closing' | 'ended' = 'open';
  emptyTimer: NodeJS.Timeout | undefined;
  /** When its keys' expiry was last armed (created, or re-armed). */
  armedAt = Date.now();
  private lockedNow = false;
  private labelsNow: Readonly<Record<string, string>>;

  constructor(
    private readonly rooms: GameRooms,
    readonly id: string,
    readonly mode: string,
    readonly maxPlayers: number,
    readonly isPrivate: boolean,
    labels: Record<string, string>,
    readonly emptyTimeoutMs: number,
    /** The gauge's label: the mode, or UNDECLARED_MODE. */
    readonly metricMode: string,
  ) {
    this.labelsNow = Object.freeze({ ...labels });
  }

  get locked(): boolean {
    return this.lockedNow;
  }

  get labels(): Readonly<Record<string, string>> {
    return this.labelsNow;
  }

  get ended(): boolean {
    return this.state !== 'open';
  }

  lock(): void {
    this.rooms.setLocked(this, true);
  }

  unlock(): void {
    this.rooms.setLocked(this, false);
  }

  setLabels(labels: Record<string, string>): void {
    this.rooms.setLabels(this, labels);
  }

  broadcast(name: string, body: object, opts: { except?: Player } = {}): number {
    return this.rooms.broadcast(this, name, body, opts.except as RoomMember | undefined);
  }

  close(reason = 'closed by the game'): void {
    this.rooms.end(this, 'closed', `room ${this.id} closed by the game: ${reason}`);
  }

  /** For GameRooms only: the state the registry is told about. */
  apply(change: { locked?: boolean; labels?: Readonly<Record<string, string>> }): void {
    if (change.locked !== undefined) this.lockedNow = change.locked;
    if (change.labels !== undefined) this.labelsNow = change.labels;
  }
}

export class GameRooms {
  /** The rooms this pod holds, by id (`game.rooms`). */
  readonly map = new Map<string, GameRoom>();
  /** The same rooms, least recently armed first (the re-arm pass reads from the front). */
  private readonly armQueue = new Map<string, GameRoom>();
  private inRooms = 0;
  private failures = 0;
  private readonly pending = new Set<Promise<void>>();
  private rearmTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  private readonly undeclaredLogged = new Set<string>();

  constructor(private readonly o: GameRoomsOptions) {
    this.log = o.logger;
    for (const mode of Object.keys(o.modes ?? {})) o.gauge.set({ mode }, 0);
  }

  /** The modes the module declares, as the heartbeat publishes them. */
  get modes(): RoomMode[] {
    return Object.entries(this.o.modes ?? {}).map(([mode, m]) => ({ mode, maxPlayers: m.maxPlayers }));
  }

  /** Players (live and away) now in a room. */
  get roomPlayers(): number {
    return this.inRooms;
  }

  /** Starts the re-arm pass (only for a module that declares rooms). */
  start(): void {
    if (!this.o.modes || this.rearmTimer) return;
    this.rearmTimer = setInterval(() => this.rearmDue(), this.o.rearmEveryMs ?? 60_000);
    this.rearmTimer.unref();
  }

  /**
   * `p` is in `seat`'s room from now on; the room starts here (onRoomCreate) if it is new to this pod. Null when the
   * module closed the room in its onRoomCreate: he then plays without a room.
   */
  enter(p: RoomMember, seat: RoomSeat): GameRoom | null {
    let room = this.map.get(seat.roomId);
    if (!room) room = this.create(seat);
    if (room.state !== 'open') return null;
    const before = room.players.get(p.account);
    if (before && before !== p) this.exit(before, true);
    room.players.set(p.account, p);
    p.room = room;
    this.inRooms++;
    if (room.emptyTimer) clearTimeout(room.emptyTimer), (room.emptyTimer = undefined);
    return room;
  }

  private create(seat: RoomSeat): GameRoom {
    const decl = this.o.modes?.[seat.mode];
    if (!decl && !this.undeclaredLogged.has(seat.mode) && this.undeclaredLogged.size < 16) {
      this.undeclaredLogged.add(seat.mode);
      this.log.error({ room_id: seat.roomId, mode: seat.mode, declared: Object.keys(this.o.modes ?? {}) }, 'a seat names a room mode the module does not declare: hosting the room anyway');
    }
    const room = new GameRoom(this, seat.roomId, seat.mode, seat.maxPlayers, seat.isPrivate, seat.labels, decl?.emptyTimeoutMs ?? this.o.emptyMs, decl ? seat.mode : UNDECLARED_MODE);
    this.map.set(room.id, room);
    this.armQueue.set(room.id, room);
    this.o.gauge.inc({ mode: room.metricMode });
    this.o.host.onRoomCreate(room);
    return room;
  }

  /**
   * `p` leaves his room for good (he left the pod). The registry frees his seat unless `keepSeat` (his account takes
   * it again at once: a newer login into the same room) or the room is ending anyway. Returns the room he was in.
   */
  exit(p: RoomMember, keepSeat = false): GameRoom | undefined {
    const room = p.room;
    if (!room || room.players.get(p.account) !== p) return undefined;
    room.players.delete(p.account);
    this.inRooms--;
    if (room.state === 'open' && !keepSeat) this.call('left', () => this.o.registry.left(room.id, p.account));
    return room;
  }

  /** After the leaving player's onLeave: a room left without players starts its empty timeout. */
  settle(room: GameRoom): void {
    if (room.state !== 'open' || room.players.size > 0 || room.emptyTimer) return;
    room.emptyTimer = setTimeout(() => {
      room.emptyTimer = undefined;
      this.end(room, 'empty', `room ${room.id} empty`);
    }, room.emptyTimeoutMs);
    room.emptyTimer.unref();
  }

  setLocked(room: GameRoom, locked: boolean): void {
    if (room.state !== 'open' || room.locked === locked) return;
    room.apply({ locked });
    this.call('set_locked', () => this.o.registry.setLocked(room.id, locked));
  }

  setLabels(room: GameRoom, labels: Record<string, string>): void {
    const problem = roomLabelsProblem(labels);
    if (problem) throw new TypeError(`room ${room.id}: ${problem}`);
    if (room.state !== 'open') return;
    const copy = Object.freeze({ ...labels });
    room.apply({ labels: copy });
    this.call('set_labels', () => this.o.registry.setLabels(room.id, { ...copy }));
  }

  broadcast(room: GameRoom, name: string, body: object, except: RoomMember | undefined): number {
    return this.o.host.broadcastTo(room.players.values(), room.players.size, name, body, except);
  }

  /** Ends `room`: its players (if any) are kicked with `why`, then the registry forgets it and onRoomDispose runs. */
  end(room: GameRoom, reason: RoomDisposeReason, why: string): void {
    if (room.state !== 'open') return;
    room.state = 'closing';
    if (room.emptyTimer) clearTimeout(room.emptyTimer), (room.emptyTimer = undefined);
    for (const p of [...room.players.values()]) this.o.host.kick(p, why);
    // A player the kick could not take out (already leaving) is no longer counted in the room.
    for (const p of [...room.players.values()]) this.exit(p, true);
    room.state = 'ended';
    this.map.delete(room.id);
    this.armQueue.delete(room.id);
    this.o.gauge.dec({ mode: room.metricMode });
    this.call('ended', () => this.o.registry.ended(room.id));
    this.o.host.onRoomDispose(room, reason);
  }

  /** Ends every open room (the pod drained: its players are gone). */
  endAll(reason: RoomDisposeReason): void {
    for (const room of [...this.map.values()]) this.end(room, reason, `room ${room.id} ${reason}`);
  }

  /** The open rooms as the registry re-publishes them after Redis lost data. */
  held(): HeldRoom[] {
    const out: HeldRoom[] = [];
    for (const r of this.map.values()) {
      if (r.state !== 'open') continue;
      out.push({ roomId: r.id, mode: r.mode, maxPlayers: r.maxPlayers, isPrivate: r.isPrivate, labels: { ...r.labels }, locked: r.locked, accounts: [...r.players.keys()] });
    }
    return out;
  }

  /**
   * Redis lost data (the heartbeat found it): writes the open rooms again. A room the registry could not restore
   * (another live pod holds its id now) cannot be reached by id any more: it ends ('closed', its players kicked).
   */
  async republish(): Promise<void> {
    let lost: string[];
    try {
      lost = await this.o.registry.republish(this.held());
      this.succeeded();
    } catch (err) {
      return this.failed('republish', err);
    }
    for (const id of lost) {
      const room = this.map.get(id);
      if (!room) continue;
      this.log.warn({ room_id: id, players: room.players.size }, 'room not restored in the registry (another pod holds its id): ending it');
      this.end(room, 'closed', `room ${id} lost in the registry`);
    }
  }

  /** Re-arms the keys of the rooms armed longest ago (at most rearmBatch, only those older than rearmAfterMs). */
  rearmDue(now = Date.now()): string[] {
    const cutoff = now - (this.o.rearmAfterMs ?? 15 * 60_000);
    const max = this.o.rearmBatch ?? 1000;
    const due: GameRoom[] = [];
    for (const room of this.armQueue.values()) {
      if (room.armedAt > cutoff || due.length >= max) break;
      due.push(room);
    }
    if (due.length === 0) return [];
    for (const room of due) {
      room.armedAt = now;
      this.armQueue.delete(room.id);
      this.armQueue.set(room.id, room);
    }
    const ids = due.map((r) => r.id);
    this.call('rearm', () => this.o.registry.rearm(ids));
    return ids;
  }

  /** Stops the re-arm pass and the empty timers (the pod closes). */
  stop(): void {
    clearInterval(this.rearmTimer);
    this.rearmTimer = undefined;
    for (const r of this.map.values()) if (r.emptyTimer) clearTimeout(r.emptyTimer), (r.emptyTimer = undefined);
  }

  /** Resolves when the registry calls under way have settled, or after `waitMs`. */
  async flush(waitMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    let t: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...this.pending]), new Promise<void>((r) => (t = setTimeout(r, waitMs)))]);
    clearTimeout(t);
  }

  /** Runs one registry update without waiting for it; a failure never reaches the game. */
  private call(op: RoomRegistryOp, f: () => Promise<unknown>): void {
    let p: Promise<void>;
    try {
      p = f().then(
        () => this.succeeded(),
        (err: unknown) => this.failed(op, err),
      );
    } catch (err) {
      return this.failed(op, err);
    }
    this.pending.add(p);
    void p.then(() => this.pending.delete(p));
  }

  private failed(op: RoomRegistryOp, err: unknown): void {
    this.o.errors.inc({ op });
    // Redis down makes every update fail: one line per streak, the count in the metric.
    if (this.failures++ === 0) this.log.warn({ err: (err as Error)?.message ?? String(err), code: (err as { code?: string })?.code, op }, 'room registry update failed: the room lives on in the pod (logged once until an update succeeds; counted in gamecluster_room_registry_errors_total)');
  }

  private succeeded(): void {
    if (this.failures === 0) return;
    this.log.info({ failed: this.failures }, 'room registry updates succeed again');
    this.failures = 0;
  }
}
