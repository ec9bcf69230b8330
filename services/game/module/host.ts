/**
 * The game module host: runs one loaded module (load.ts) on a game pod's FrameServer. It owns the players (one per
 * account, live or away), the groups, the timers and the tick loop; it decodes the module's client messages
 * (ids 10000–65535, RangeRoute) and encodes its sends, always by identity. It is also where resume lives
 * (protocol.md "Resume"): a connection that drops without a kick or C2G_Leave leaves the player away for the grace,
 * counted and with his state; C2G_Resume binds him to a new connection (same account, new SocketKey) with a fresh
 * token. The session record in Redis is claimed once at login under the first socket key (the session key), kept
 * by the periodic refresh while the player is here (live or away), and released when he finally leaves.
 * Seats without sockets are bounded (protocol.md "Resource budgets"): a drop whose address already holds
 * MAX_CONNECTIONS_PER_IP open connections plus away players ends the session instead of starting a grace, and a drop
 * within RESUME_MIN_LIVE_MS of a resume keeps the deadline of the grace it resumed from (resuming in turn cannot
 * keep seats away for ever). A resume token is checked to be 32 hex characters before any comparison.
 * A hook that throws or rejects ends that player's session (`handler_error`, logged rate-limited per hook); the
 * process goes on.
 * Rooms (rooms.ts): a player whose token was for a seat is in that room from his join (before onJoin), stays in it
 * while away, and leaves it when he leaves; a module that declares no rooms never sees one.
 */
import { timingSafeEqual } from 'node:crypto';
import { randomToken } from '../../platform/random-token.js';
import { validTokenShape } from '../../registry/redis-tokens.js';
import type { Logger } from '../../platform/logger.js';
import { LogLimiter } from '../../socket/log-limiter.js';
import { CloseReason, KickReason } from '../../protocol/wire.js';
import type { Conn, EndReason } from '../../socket/connection.js';
import { encodeFrame } from '../../socket/frame-codec.js';
import type { FrameServer, RangeRoute } from '../../socket/frame-server.js';
import type { GameRoomRegistry, RoomMode, RoomSeat } from '../../registry/index.js';
import type { GameSessions, SessionDirectory } from '../sessions.js';
import type { GameContext, Group, LeaveReason, MatchInfo, Player, RoomDisposeReason, TimerId } from './define.js';
import { GAME_MSG_MAX, GAME_MSG_MIN } from './define.js';
import type { GameMetrics } from './game-metrics.js';
import type { LoadedGame, LoadedMessage } from './load.js';
import { GameRooms, type GameRoom, type RoomMember } from './rooms.js';
import { TickLoop } from './tick-loop.js';

export interface GameHostOptions {
  game: LoadedGame;
  server: FrameServer<any>;
  sessions: GameSessions;
  metrics: GameMetrics;
  logger: Logger;
  /** RESUME_GRACE_MS: how long a dropped player stays (0 = leaves at once). */
  graceMs: number;
  /** The online count changed outside a connection close (grace over, resume): re-read it. */
  onCountChanged: () => void;
  /** Rooms: the registry the pod tells about its rooms, ROOM_EMPTY_MS, and the re-arm cadence (tests). */
  rooms?: { registry: GameRoomRegistry; emptyMs: number; rearmEveryMs?: number; rearmAfterMs?: number; rearmBatch?: number };
  /** MAX_CONNECTIONS_PER_IP: open connections plus away players one address may hold here (0 = no limit). */
  maxPerAddress?: number;
  /** RESUME_MIN_LIVE_MS: a session that drops this soon after resuming keeps its earlier grace deadline. */
  resumeMinLiveMs?: number;
  /** TICK_DEADLINE_MS: an onTick still pending this long is left behind (counted, logged) and the loop goes on. */
  tickDeadlineMs?: number;
}

/** How long close() waits for the room registry updates under way. */
const CLOSE_FLUSH_MS = 2000;

/** For a host built without a room registry (a module without rooms, tests): nothing to tell. */
const noRoomRegistry: GameRoomRegistry = {
  left: async () => undefined,
  setLocked: async () => undefined,
  setLabels: async () => undefined,
  ended: async () => undefined,
  republish: async () => [],
  rearm: async () => undefined,
};

const newToken = randomToken;

/**
 * Compares a presented resume token with the player's, in constant time. The format is checked first: anything but
 * 32 hex characters is wrong without a comparison (a multi-byte character used to make timingSafeEqual throw).
 */
function sameToken(mine: string, presented: string): boolean {
  if (!validTokenShape(presented) || mine.length !== 32) return false;
  return timingSafeEqual(Buffer.from(mine, 'hex'), Buffer.from(presented, 'hex'));
}

class GamePlayer implements Player, RoomMember {
  data: any = {};
  away = false;
  left = false;
  /** His room (kept after he left it: onLeave may still tell its players). */
  room: GameRoom | null = null;
  match: MatchInfo | null = null;
  graceTimer: NodeJS.Timeout | undefined;
  /** When the current (or last) grace ends; kept by a resume so that a quick drop cannot restart it. */
  graceDeadline = 0;
  /** When he last resumed (0: never). */
  resumedAt = 0;
  /** The address key his away seat is counted under (while away). */
  awayKey: string | undefined;
  readonly groups = new Set<GameGroup>();

  constructor(
    private readonly host: GameHost,
    readonly account: string,
    /** The connection the player is on now (the last one while away). */
    public socketKey: string,
    /** The socket key his session record in Redis names (his first connection here). */
    readonly sessionKey: string,
    public token: string,
  ) {}

  get playerId(): string {
    return this.account;
  }

  send(name: string, body: object): boolean {
    return this.host.sendTo(this, name, body);
  }

  kick(reason: string): void {
    this.host.kickPlayer(this, reason);
  }
}

class GameGroup implements Group {
  readonly members = new Set<GamePlayer>();
  constructor(
    private readonly host: GameHost,
    readonly name: string,
  ) {}

  get size(): number {
    return this.members.size;
  }

  add(player: Player): void {
    const p = player as GamePlayer;
    if (p.left || this.members.has(p)) return;
    this.members.add(p);
    p.groups.add(this);
    this.host.groupChanged(this);
  }

  remove(player: Player): void {
    const p = player as GamePlayer;
    if (!this.members.delete(p)) return;
    p.groups.delete(this);
    this.host.groupChanged(this);
  }

  has(player: Player): boolean {
    return this.members.has(player as GamePlayer);
  }

  broadcast(name: string, body: object, opts: { except?: Player } = {}): number {
    return this.host.broadcast(this, name, body, opts.except as GamePlayer | undefined);
  }
}

export class GameHost implements SessionDirectory {
  readonly players = new Map<string, GamePlayer>();
  private readonly groups = new Map<string, GameGroup>();
  private readonly nonEmpty = new Set<GameGroup>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private timerSeq = 0;
  private awayCount = 0;
  /** Away players per client address key (the address of the connection they dropped from). */
  private readonly awayByKey = new Map<string, number>();
  private awayWaiters: (() => void)[] = [];
  /** Hook-failure lines, at most one per second per hook (plus a count of the suppressed ones). */
  private readonly logLimiter = new LogLimiter(1000);
  private tick: TickLoop | undefined;
  private draining = false;
  /** Set at the drain deadline: kicks from now on are the drain's ('drained'). */
  private drainKicking = false;
  private closing = false;
  /** Set while join() ends the older session of the same account. */
  private replacing = false;
  /** Frames the module API encoded (also gamecluster_game_encodes_total). */
  encodes = 0;
  readonly ctx: GameContext;
  private readonly log: Logger;
  private readonly msgCounters = new Map<string, { inc(): void }>();
  private readonly rooms: GameRooms;

  constructor(private readonly o: GameHostOptions) {
    const self = this;
    this.log = o.logger.child({ module: o.game.def.name });
    for (const m of o.game.byName.keys()) this.msgCounters.set(m, o.metrics.messages.labels(m));
    o.metrics.away.set(0);
    o.metrics.groups.set(0);
    const def = o.game.def;
    this.rooms = new GameRooms({
      modes: def.rooms?.modes,
      emptyMs: o.rooms?.emptyMs ?? 30_000,
      registry: o.rooms?.registry ?? noRoomRegistry,
      gauge: o.metrics.rooms,
      errors: o.metrics.roomRegistryErrors,
      logger: this.log,
      rearmEveryMs: o.rooms?.rearmEveryMs,
      rearmAfterMs: o.rooms?.rearmAfterMs,
      rearmBatch: o.rooms?.rearmBatch,
      host: {
        broadcastTo: (members, size, name, body, except) => this.broadcastTo(members as Iterable<GamePlayer>, size, name, body, except as GamePlayer | undefined),
        kick: (p, reason) => this.kickPlayer(p as GamePlayer, reason),
        onRoomCreate: (room) => this.invoke(undefined, 'onRoomCreate', () => def.onRoomCreate?.(room, this.ctx)),
        onRoomDispose: (room, reason: RoomDisposeReason) => this.invoke(undefined, 'onRoomDispose', () => def.onRoomDispose?.(room, reason, this.ctx)),
      },
    });
    this.ctx = {
      players: this.players,
      rooms: this.rooms.map,
      group: (name) => this.group(name),
      setTimer: (ms, fn, opts) => this.setTimer(ms, fn, opts?.repeat ?? false),
      clearTimer: (id) => this.clearTimer(id),
      get draining() {
        return self.draining;
      },
      log: this.log,
    };
  }

  get name(): string {
    return this.o.game.def.name;
  }

  /** Players here, live and away (the pod's online count). */
  get playerCount(): number {
    return this.players.size;
  }

  /** Players inside the resume grace (counted online, no connection). */
  get away(): number {
    return this.awayCount;
  }

  /** Players (live and away) in a room: HeartbeatSource.roomPlayers. */
  get roomPlayers(): number {
    return this.rooms.roomPlayers;
  }

  /** Rooms the module hosts now: HeartbeatSource.rooms. */
  get roomCount(): number {
    return this.rooms.map.size;
  }

  /** The room modes the module declares: HeartbeatSource.modes. */
  get roomModes(): RoomMode[] {
    return this.rooms.modes;
  }

  /**
   * Redis lost data (the heartbeat finds the pod's registration gone, or a failover): re-publish the open rooms with
   * their players; one that cannot be restored ends (its players kicked).
   */
  republishRooms(): Promise<void> {
    return this.rooms.republish();
  }

  /** The FrameServer route of the module's client messages. */
  route(): RangeRoute<any> {
    const byId = this.o.game.byId;
    return {
      min: GAME_MSG_MIN,
      max: GAME_MSG_MAX,
      accepts: (id) => byId.get(id)?.from === 'client',
      fn: (conn, id, body) => this.onFrame(conn, byId.get(id)!, body),
    };
  }

  /** Starts the tick loop (if the module ticks) and the rooms' re-arm pass (if it declares rooms). */
  start(): void {
    this.rooms.start();
    const hz = this.o.game.def.tickHz ?? 0;
    const onTick = this.o.game.def.onTick;
    if (hz > 0 && onTick) {
      let lateLogged = 0;
      let errLogged = 0;
      let tickErrors = 0;
      this.tick = new TickLoop({
        hz,
        tick: (dt) => onTick(dt, this.ctx) as void | Promise<void>, // the loop awaits only a thenable
        onSkipped: (n) => {
          this.o.metrics.ticksLate.inc(n);
          const now = Date.now();
          if (now - lateLogged > 10_000) (lateLogged = now), this.log.warn({ skipped: n, period_ms: 1000 / hz }, 'game tick overran its period: ticks skipped');
        },
        onDuration: (s) => this.o.metrics.tickSeconds.observe(s),
        deadlineMs: this.o.tickDeadlineMs ?? 0,
        onOverrun: () => {
          this.o.metrics.tickOverruns.inc();
          this.logLimited('tick:overrun', 'warn', { hook: 'onTick', deadline_ms: this.o.tickDeadlineMs }, 'game module onTick still pending after TICK_DEADLINE_MS: the tick loop goes on without it');
        },
        onError: (err) => {
          // A tick that always throws would log 20 lines a second: one line per 10 s with the count meanwhile.
          tickErrors++;
          const now = Date.now();
          if (now - errLogged < 10_000) return;
          errLogged = now;
          this.log.error({ err, hook: 'onTick', failures: tickErrors }, 'game module onTick failed (the loop goes on)');
          tickErrors = 0;
        },
      });
      this.tick.start();
    }
  }

  // ---- the platform's side: join, resume, leave, close ----

  /**
   * A token login succeeded on `conn` (already authenticated): the player exists from now on, in `seat`'s room when
   * his token was for one (the room starts here with onRoomCreate if it is new); returns his resume token.
   */
  join(conn: Conn<any>, seat: RoomSeat | null = null): string {
    const account = conn.objectKey!;
    const old = this.players.get(account);
    // A newer login of the same account (live here, or away) ends the older session; into the same room, his seat
    // there is the one he just redeemed (the registry must not free it).
    if (old) {
      // He is replaced, not gone: a draining pod does not count itself empty in between.
      this.replacing = true;
      try {
        this.leave(old, 'kicked', seat !== null && old.room?.id === seat.roomId && old.room.players.get(account) === old);
      } finally {
        this.replacing = false;
      }
    }
    const p = new GamePlayer(this, account, conn.socketKey, conn.socketKey, newToken());
    p.match = seat?.match ?? null;
    this.players.set(account, p);
    if (seat) this.rooms.enter(p, seat);
    return p.token;
  }

  /** After the login answer went out: the module's onJoin. */
  joined(conn: Conn<any>): void {
    const p = this.live(conn);
    if (p) this.invoke(p, 'onJoin', () => this.o.game.def.onJoin?.(p, this.ctx));
  }

  /**
   * C2G_Resume on `conn` (not authenticated): the new token, or undefined (wrong/used token, unknown, left).
   * A player whose old connection is still open is taken over: that connection is closed without a kick.
   */
  resume(conn: Conn<any>, account: string, token: string): string | undefined {
    if (!validTokenShape(token)) return undefined;
    const p = this.players.get(account);
    if (!p || p.left || !sameToken(p.token, token)) return undefined;
    p.token = newToken(); // each token works once, also when this resume fails below
    const old = p.away ? undefined : this.o.server.findByObjectKey(account);
    conn.authenticate(account);
    if (conn.state !== 'online') return undefined;
    p.socketKey = conn.socketKey;
    if (old && old.socketKey !== conn.socketKey) old.end();
    if (p.away) {
      p.away = false;
      clearTimeout(p.graceTimer);
      p.graceTimer = undefined;
      this.setAway(-1, p);
      p.resumedAt = Date.now();
    }
    this.o.onCountChanged();
    return p.token;
  }

  /** After the resume answer went out: the module's onResume. */
  resumed(conn: Conn<any>): void {
    const p = this.live(conn);
    if (p) this.invoke(p, 'onResume', () => this.o.game.def.onResume?.(p, this.ctx));
  }

  /** C2G_Leave: the player leaves now and the server closes. */
  leaveNow(conn: Conn<any>): void {
    const p = this.live(conn);
    if (p) this.leave(p, 'left');
    conn.end();
  }

  /** A connection closed: its player goes away (a drop, inside the grace) or leaves. */
  connClosed(conn: Conn<any>): void {
    const p = this.live(conn);
    if (!p) return;
    const why = (conn as Conn<any> & { endReason?: EndReason }).endReason;
    if ((why === 'peer' || why === CloseReason.idle) && this.o.graceMs > 0 && !this.closing) {
      const key = this.o.server.addressKeyOf?.(conn);
      const max = this.o.maxPerAddress ?? 0;
      // The address's open connections (this one already gone) plus its away players, with him: over the budget, his
      // session ends here rather than holding a seat without a socket.
      if (max > 0 && key !== undefined && this.o.server.openFrom(key) + (this.awayByKey.get(key) ?? 0) + 1 > max) {
        this.o.metrics.graceRefused.inc({ reason: 'max_per_ip' });
        this.logLimited('grace:max_per_ip', 'info', { account: p.account, address: key, max }, 'no resume grace: the address holds its MAX_CONNECTIONS_PER_IP in connections and away players');
        return this.leave(p, 'closed');
      }
      return this.goAway(p, key);
    }
    this.leave(p, why === 'kicked' ? (this.drainKicking ? 'drained' : 'kicked') : 'closed');
  }

  /** The pod started draining. */
  drainStarted(): void {
    if (this.draining) return;
    this.draining = true;
    this.invoke(undefined, 'onDrain', () => this.o.game.def.onDrain?.(this.ctx));
    if (this.players.size === 0) this.rooms.endAll('drained');
  }

  /** The drain deadline: away players end now and the kicks that follow are the drain's. */
  drainDeadline(): void {
    this.drainKicking = true;
    for (const p of [...this.players.values()]) if (p.away) this.leave(p, 'drained');
  }

  /** An undrain took the pod back. */
  undrained(): void {
    this.draining = false;
    this.drainKicking = false;
  }

  /** Resolves when no player is away (or after `waitMs`). */
  whenNoneAway(waitMs: number): Promise<void> {
    if (this.awayCount === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, waitMs);
      t.unref();
      this.awayWaiters.push(() => (clearTimeout(t), resolve()));
    });
  }

  /**
   * The pod closes: the tick and timers stop; players still here (away ones) leave ('closed'); the rooms left end
   * ('drained'). Resolves when the registry heard of it (bounded).
   */
  close(): Promise<void> {
    this.closing = true;
    this.tick?.stop();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const p of [...this.players.values()]) this.leave(p, 'closed');
    this.rooms.endAll('drained');
    this.rooms.stop();
    return this.rooms.flush(CLOSE_FLUSH_MS);
  }

  // ---- SessionDirectory: the registry's view of this pod's sessions ----

  sessions(): { account: string; socketKey: string }[] {
    const out: { account: string; socketKey: string }[] = [];
    for (const p of this.players.values()) out.push({ account: p.account, socketKey: p.sessionKey });
    return out;
  }

  /** A newer login elsewhere replaced the session (account, sessionKey): kick it, or end its grace. */
  kick(account: string, sessionKey: string): boolean {
    const p = this.players.get(account);
    if (!p || p.sessionKey !== sessionKey || p.left) return false;
    this.log.info({ account, socketKey: p.socketKey, away: p.away }, 'duplicate login: ending the older session');
    if (p.away) this.leave(p, 'kicked');
    else this.o.server.kick({ socketKey: p.socketKey, objectKey: account }, KickReason.DUPLICATE_LOGIN);
    return true;
  }

  // ---- the module's side ----

  sendTo(p: GamePlayer, name: string, body: object): boolean {
    const m = this.serverMessage(name);
    const frame = this.encode(m, body);
    this.msgCounters.get(name)!.inc();
    return this.o.server.sendFrame({ socketKey: p.socketKey, objectKey: p.account }, m.id, frame);
  }

  broadcast(g: GameGroup, name: string, body: object, except: GamePlayer | undefined): number {
    return this.broadcastTo(g.members, g.members.size, name, body, except);
  }

  /** One encode for all of `members` (a group's, a room's). */
  broadcastTo(members: Iterable<GamePlayer>, size: number, name: string, body: object, except: GamePlayer | undefined): number {
    const m = this.serverMessage(name);
    if (size === 0) return 0;
    const frame = this.encode(m, body);
    this.msgCounters.get(name)!.inc();
    let n = 0;
    const server = this.o.server;
    for (const p of members) {
      if (p === except) continue;
      if (server.sendFrame({ socketKey: p.socketKey, objectKey: p.account }, m.id, frame)) n++;
    }
    return n;
  }

  kickPlayer(p: GamePlayer, reason: string): void {
    if (p.left) return;
    this.log.info({ account: p.account, reason }, 'kicked by the game module');
    if (!p.away) this.o.server.kick({ socketKey: p.socketKey, objectKey: p.account }, KickReason.GAME);
    this.leave(p, 'kicked');
  }

  group(name: string): GameGroup {
    let g = this.groups.get(name);
    if (!g) {
      g = new GameGroup(this, name);
      this.groups.set(name, g);
    }
    return g;
  }

  /** A group gained its first member or lost its last: the gauge counts groups with members; empty ones are forgotten. */
  groupChanged(g: GameGroup): void {
    if (g.size === 1 && !this.nonEmpty.has(g)) {
      this.nonEmpty.add(g);
      if (this.groups.get(g.name) !== g) this.groups.set(g.name, g);
    } else if (g.size === 0) {
      this.nonEmpty.delete(g);
      if (this.groups.get(g.name) === g) this.groups.delete(g.name);
    }
    this.o.metrics.groups.set(this.nonEmpty.size);
  }

  private setTimer(ms: number, fn: () => void, repeat: boolean): TimerId {
    const id = ++this.timerSeq;
    if (this.closing) return id;
    const run = () => {
      if (!repeat) this.timers.delete(id);
      this.invoke(undefined, 'timer', fn);
    };
    const delay = Math.max(0, Number(ms) || 0);
    this.timers.set(id, repeat ? setInterval(run, Math.max(1, delay)) : setTimeout(run, delay));
    return id;
  }

  private clearTimer(id: TimerId): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t), this.timers.delete(id);
  }

  // ---- internals ----

  private onFrame(conn: Conn<any>, m: LoadedMessage, body: Buffer): void | Promise<void> {
    let decoded: unknown;
    try {
      decoded = m.codec.decode(body);
    } catch {
      return conn.violation(CloseReason.bad_body, KickReason.PROTOCOL_ERROR);
    }
    // Its `bytes` fields are views into the socket read: copies, so a module that keeps one keeps only its bytes.
    m.ownBytes?.(decoded as Record<string, unknown>);
    const p = this.live(conn);
    if (!p) return;
    this.msgCounters.get(m.name)!.inc();
    const onMessage = this.o.game.def.onMessage;
    // A throw or rejection reaches the FrameServer, which closes this connection (`handler_error`) and logs it once;
    // a value that is not a promise is ignored there.
    if (onMessage) return onMessage(p, { id: m.id, name: m.name, body: decoded }, this.ctx) as void | Promise<void>;
  }

  /** The player on `conn`, if that connection is still his. */
  private live(conn: Conn<any>): GamePlayer | undefined {
    const account = conn.objectKey;
    if (account === undefined) return undefined;
    const p = this.players.get(account);
    return p && !p.left && p.socketKey === conn.socketKey ? p : undefined;
  }

  private serverMessage(name: string): LoadedMessage {
    const m = this.o.game.byName.get(name);
    if (!m || m.from !== 'server') throw new TypeError(`${name} is not a server message declared by the game module`);
    return m;
  }

  private encode(m: LoadedMessage, body: object): Buffer {
    const frame = encodeFrame(m.id, m.codec.encode(body as never).finish());
    this.encodes++;
    this.o.metrics.encodes.inc();
    return frame;
  }

  private goAway(p: GamePlayer, key: string | undefined): void {
    const now = Date.now();
    let deadline = now + this.o.graceMs;
    if (p.resumedAt > 0 && now - p.resumedAt < (this.o.resumeMinLiveMs ?? 0) && p.graceDeadline > 0) {
      // Dropped again soon after resuming: the grace he resumed from goes on (and may be over already).
      deadline = p.graceDeadline;
      if (deadline <= now) {
        this.o.metrics.graceRefused.inc({ reason: 'min_live' });
        return this.leave(p, 'grace_expired');
      }
    }
    p.graceDeadline = deadline;
    p.away = true;
    p.awayKey = key;
    this.setAway(+1, p);
    p.graceTimer = setTimeout(() => this.leave(p, 'grace_expired'), deadline - now);
    p.graceTimer.unref();
    this.invoke(p, 'onAway', () => this.o.game.def.onAway?.(p, this.ctx));
  }

  /** One more or one fewer away player (`p`, counted under his address key). */
  private setAway(delta: number, p: GamePlayer): void {
    this.awayCount += delta;
    const key = p.awayKey;
    if (key !== undefined) {
      const n = (this.awayByKey.get(key) ?? 0) + delta;
      if (n <= 0) this.awayByKey.delete(key);
      else this.awayByKey.set(key, n);
      if (delta < 0) p.awayKey = undefined;
    }
    this.o.metrics.away.set(this.awayCount);
    if (this.awayCount === 0) for (const w of this.awayWaiters.splice(0)) w();
  }

  /** A log line limited to one per second per `key`, with the count of those suppressed since. */
  private logLimited(key: string, level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, msg: string): void {
    const suppressed = this.logLimiter.allow(key, Date.now());
    if (suppressed === undefined) return;
    this.log[level](suppressed > 0 ? { ...fields, suppressed } : fields, msg);
  }

  /**
   * The player leaves for good: out of the groups and his room (`keepSeat`: his account takes the same seat again at
   * once), his session record released, onLeave; then an emptied room starts its empty timeout, and a draining pod
   * left without players ends its rooms.
   */
  leave(p: GamePlayer, reason: LeaveReason, keepSeat = false): void {
    if (p.left) return;
    p.left = true;
    if (p.away) {
      clearTimeout(p.graceTimer);
      p.graceTimer = undefined;
      this.setAway(-1, p);
    }
    if (this.players.get(p.account) === p) this.players.delete(p.account);
    for (const g of [...p.groups]) g.remove(p);
    // While the pod closes its rooms end right after (one `ended` each): no seat to free one by one.
    const room = this.rooms.exit(p, keepSeat || this.closing);
    this.o.sessions.release(p.account, p.sessionKey);
    this.o.onCountChanged();
    this.invoke(undefined, 'onLeave', () => this.o.game.def.onLeave?.(p, reason, this.ctx), p.account);
    if (room) this.rooms.settle(room);
    if (this.draining && this.players.size === 0 && !this.replacing) this.rooms.endAll('drained');
  }

  /** Runs a hook; a throw or rejection is logged once and ends that player's session (when there is one). */
  private invoke(p: GamePlayer | undefined, hook: string, f: () => unknown, account = p?.account): void {
    const failed = (err: unknown) => {
      // A hook that fails for every player (or every tick of a timer) must not write a stack per call.
      this.logLimited(`hook:${hook}`, 'error', { err, hook, account }, 'game module hook failed' + (p ? ': closing that player' : ''));
      if (!p || p.left) return;
      if (p.away) return this.leave(p, 'closed');
      // The close leads back to connClosed → leave('closed').
      if (!this.o.server.drop({ socketKey: p.socketKey, objectKey: p.account }, 'handler_error')) this.leave(p, 'closed');
    };
    try {
      const r = f() as Promise<void> | undefined;
      if (r && typeof r.then === 'function') r.then(undefined, failed);
    } catch (err) {
      failed(err);
    }
  }
}
