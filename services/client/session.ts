/**
 * The client session (game-module.md "The client SDK"; protocol.md "Player flow", "Resume"): `connect()` runs
 * `/login` → login (AccountCheck, EnterGame) → game (LoginByToken) over TCP or WebSocket, then keeps the game
 * connection: a Ping every 15 s (a Pong missing for a step timeout counts as a dead connection), the game module's
 * messages by name both ways, and — when the game connection drops without a kick or a leave — `C2G_Resume` to the
 * same game within the resume window, else (or when the token is refused) the whole flow again through `/login`.
 * `resume: false` / `retry: false` turn those off so a load tester counts every failure. Every step of the flow is
 * timed and reported as a `timing` event (the robots' step names). Rooms (rooms.md): `room` asks EnterGame for a
 * room (create, join by id, find) and a lost room session goes back into its room (recovery.ts); `seat` redeems a
 * matchmaker's seat on its game pod directly. The module's messages that arrive before the game subscribes are kept
 * for its first listener (early-messages.ts). Browser-safe: the platform comes in as a ClientIo.
 */
import { decodeBody, encodeBody } from '../protocol/messages.js';
import { MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import { Emitter } from './emitter.js';
import { EarlyMessages } from './early-messages.js';
import { ClientError, kickReasonName, returnCodeError, toClientError, type ClientStep } from './errors.js';
import { buildGameCodec, echoCodec, type GameCodec, type MessagesTable } from './game-messages.js';
import type { ClientIo, NodeTlsOptions } from './io.js';
import { FrameLink } from './link.js';
import { httpLogin, type QueueUpdate } from './login-http.js';
import { afterFlowFailed, afterResumeFailed, retryable, type SessionOrigin } from './recovery.js';
import { describeRoom, loginRoomParam, normalizeRoomOption, queuePlaces, normalizeSeat, roomRequest, type RoomOption, type SeatOption, type SessionRoom } from './rooms.js';

export { retryable };
export type { RoomOption, SeatOption, SessionRoom };

export type TimingStep = 'http_login' | 'queue_wait' | 'account_check' | 'enter_game' | 'game_login' | 'resume';
export interface TimingEvent {
  step: TimingStep;
  /** Duration of the step in milliseconds (performance.now() resolution). */
  ms: number;
  /** The pod reached: the login (`http_login`) or the game (`game_login`, `resume`), as `ip:port`. */
  address?: string;
}
export interface KickEvent {
  /** `Kick.Reason` name: DUPLICATE_LOGIN, SERVER_DRAINING, PROTOCOL_ERROR, IDLE, GAME, UNSPECIFIED. */
  reason: string;
  code: number;
}
export interface CloseEvent {
  /** left: leave(); kicked: S2C_Kick then close; dropped: the connection was lost and not resumed (resume/retry off or failed). */
  reason: 'left' | 'kicked' | 'dropped';
  error?: ClientError;
}
export interface AwayEvent {
  error: ClientError;
}
export interface ResumedEvent {
  /** resume: same session (C2G_Resume, module state kept); login: a new session through /login (state lost). */
  via: 'resume' | 'login';
}
export type { QueueUpdate };

export interface PlatformEvents {
  kick: KickEvent;
  away: AwayEvent;
  resumed: ResumedEvent;
  closed: CloseEvent;
  queue: QueueUpdate;
  timing: TimingEvent;
  pong: { rttMs: number };
  error: unknown;
}

/** Listeners given to `connect`: platform events and the module's server messages, subscribed before the flow runs. */
export type ConnectListeners<In extends Record<string, any> = Record<string, any>> = { [K in keyof PlatformEvents]?: (e: PlatformEvents[K]) => void } & (string extends keyof In
  ? { [name: string]: ((arg: any) => void) | undefined } // a table typed only as MessagesTable: any name
  : { [K in Exclude<keyof In, keyof PlatformEvents>]?: (body: In[K]) => void });

export interface ConnectOptions<T extends MessagesTable | undefined = MessagesTable | undefined, B extends Record<string, any> = {}> {
  /** appmgr base URL, e.g. https://play.example.com (not used with `seat`). */
  appmgr?: string;
  /** Required, but for `seat` (whose account it is). */
  account?: string;
  password?: string;
  /** Default: 'tcp' in Node, 'ws' in a browser. */
  transport?: 'tcp' | 'ws';
  /** TLS to login and game (wss for ws). In Node also node:tls options (a private `ca`, `servername`). */
  tls?: boolean | NodeTlsOptions;
  /** The game's protobuf: a protobufjs Root, its JSON descriptor, or (Node) a .proto path / file: URL. */
  proto?: unknown;
  /** The game's messages table (the module's `messages`); absent: the built-in echo module. */
  messages?: T;
  /** Wait in the admission queue when the cluster is full (queue.md) instead of failing with NO_APP. */
  queue?: boolean;
  /** Resume a dropped game connection with C2G_Resume (default true). */
  resume?: boolean;
  /** Go back through /login when resuming fails, and retry a failed connect (default true). */
  retry?: boolean;
  /** Bound on each step: HTTP exchange, connect, each answer, a Pong (default 10000). */
  stepTimeoutMs?: number;
  /** Ping interval in game (default 15000, protocol.md). */
  pingEveryMs?: number;
  /** How long to keep trying C2G_Resume after a drop (default 30000 = the servers' default RESUME_GRACE_MS). */
  resumeWindowMs?: number;
  /** Attempts of the whole flow when `retry` is on (initial connect and after a failed resume; default 3). */
  maxAttempts?: number;
  /** Aborts the connect (including a wait in the queue). */
  signal?: AbortSignal;
  /**
   * Listeners subscribed before the flow runs: what happens before `connect()` resolves (timing, queue) and the
   * module's messages sent in `onJoin` (also kept for a later first listener: `earlyMessagesPerName`).
   */
  on?: ConnectListeners<Incoming<T, B>>;
  /** A room (rooms.md): `{ create: {mode, maxPlayers, isPrivate, labels} }`, `{ join: 'K7QX2MPA' }` or `{ find: {mode, labels, maxPlayers} }`. */
  room?: RoomOption;
  /** A matchmaker's seat: straight to its game pod with `C2G_LoginByToken` (no /login, no login pod). */
  seat?: SeatOption;
  /** The module's messages kept per name until the name's first listener (the newest ones; default 64, 0: none). */
  earlyMessagesPerName?: number;
}

/** Body shape of a module message, by name; `B` supplies the real types (e.g. protobufjs-generated interfaces). */
type Decls<T> = T extends MessagesTable ? T[keyof T] : never;
// A const table gives exact names per direction; a table typed only as MessagesTable allows any name both ways.
type NamesFrom<T, F extends 'client' | 'server'> = Decls<T> extends infer D ? (D extends { from: infer Fr; name: infer N extends string } ? (F extends Fr ? N : never) : never) : never;
export type EchoBody = { payload?: Uint8Array | null; clientTimeMs?: number | null };
export type Incoming<T, B> = [T] extends [MessagesTable] ? { [K in NamesFrom<T, 'server'>]: K extends keyof B ? B[K] : Record<string, any> } : { Echo: EchoBody };
export type Outgoing<T, B> = [T] extends [MessagesTable] ? { [K in NamesFrom<T, 'client'>]: K extends keyof B ? B[K] : Record<string, any> } : { Echo: EchoBody };

export interface Session<In extends Record<string, any> = { Echo: EchoBody }, Out extends Record<string, any> = { Echo: EchoBody }> {
  readonly account: string;
  /** From G2C_LoginByTokenRs (a new one after a resume through /login). */
  readonly playerId: string;
  /** online | away (dropped, resuming) | closed */
  readonly state: 'online' | 'away' | 'closed';
  /** The game pod, `ip:port` as dialed. */
  readonly gameAddress: string;
  /** The room the session is in (G2C_LoginByTokenRs.room_id), or null; a `find` session may move to another room after a failed resume. */
  readonly room: SessionRoom | null;
  /** Module messages dropped because their name's `earlyMessagesPerName` budget was full before it had a listener. */
  readonly earlyDropped: number;
  /** Resolves once the session is over (after leave(), a kick, or a drop that was not resumed). */
  readonly closed: Promise<CloseEvent>;
  on<K extends keyof PlatformEvents>(name: K, fn: (e: PlatformEvents[K]) => void): () => void;
  on<K extends keyof In & string>(name: K, fn: (body: In[K]) => void): () => void;
  once<K extends keyof PlatformEvents>(name: K, fn: (e: PlatformEvents[K]) => void): () => void;
  once<K extends keyof In & string>(name: K, fn: (body: In[K]) => void): () => void;
  off(name: string, fn: (arg: any) => void): void;
  /** Sends a module message by name; false when it was not sent (away or closed). */
  send<K extends keyof Out & string>(name: K, body: Out[K]): boolean;
  /** Sends `name` and resolves the next `replyName` (which then does not reach the `on` listeners). */
  request<K extends keyof Out & string, R extends keyof In & string>(name: K, body: Out[K], replyName: R, timeoutMs?: number): Promise<In[R]>;
  /** C2G_Leave (no resume grace is held), then waits for the server to close. */
  leave(): Promise<CloseEvent>;
  /** Drops the game connection abruptly as a network failure would (testing resume); the session reacts as to a real drop. */
  dropConnection(): void;
}

export type ResolvedOptions = Required<
  Pick<ConnectOptions, 'appmgr' | 'account' | 'password' | 'transport' | 'tls' | 'queue' | 'resume' | 'retry' | 'stepTimeoutMs' | 'pingEveryMs' | 'resumeWindowMs' | 'maxAttempts' | 'earlyMessagesPerName'>
> &
  Pick<ConnectOptions, 'signal'> & { origin: SessionOrigin; seat?: SeatOption };

interface Resolved {
  io: ClientIo;
  codec: GameCodec;
  o: ResolvedOptions;
}

interface GameLink {
  link: FrameLink;
  host: string;
  port: number;
  playerId: string;
  resumeToken: string;
  /** The room the game pod confirmed ('' for none). */
  roomId: string;
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function timed<T>(step: ClientStep, fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = now();
  try {
    return [await fn(), now() - t0];
  } catch (err) {
    throw toClientError(step, err);
  }
}

async function dialLink(r: Resolved, step: ClientStep, host: string, port: number, label: string): Promise<FrameLink> {
  try {
    const conn = await r.io.dial({ transport: r.o.transport, host, port, tls: r.o.tls, timeoutMs: r.o.stepTimeoutMs });
    return new FrameLink(conn, `${label} ${host}:${port}`);
  } catch (err) {
    throw toClientError(step, err);
  }
}

/** The whole flow once: /login → login → game, asking for `room`. Emits timing; resolves the authenticated game link. */
async function loginFlow(r: Resolved, room: RoomOption | undefined, timing: (e: TimingEvent) => void, onQueue: (u: QueueUpdate) => void): Promise<GameLink> {
  const T = r.o.stepTimeoutMs;
  const login = await httpLogin(r.io, { appmgr: r.o.appmgr, transport: r.o.transport, queue: r.o.queue, room: loginRoomParam(room), places: queuePlaces(room), timeoutMs: T, signal: r.o.signal, onQueue });
  if (login.queuedMs !== undefined) timing({ step: 'queue_wait', ms: login.queuedMs });
  timing({ step: 'http_login', ms: login.exchangeMs, address: `${login.ip}:${login.port}` });
  if (r.o.signal?.aborted) throw new ClientError('account_check', 'aborted', 'aborted');

  let enter: { ip: string; port: number; token: string; roomId: string };
  let lc: FrameLink | undefined;
  try {
    const [, acMs] = await timed('account_check', async () => {
      lc = await dialLink(r, 'account_check', login.ip, login.port, 'login');
      const b = await lc.request('account_check', MsgId.C2L_AccountCheck, encodeBody(MsgId.C2L_AccountCheck, { account: r.o.account, password: r.o.password }), MsgId.L2C_AccountCheckRs, T);
      const rs = decodeBody(MsgId.L2C_AccountCheckRs, b);
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('account_check', rs.returnCode ?? 0);
    });
    timing({ step: 'account_check', ms: acMs });
    const [e, egMs] = await timed('enter_game', async () => {
      // The admission of a ticket that waited in line: it alone consumes the places the ticket holds (queue.md).
      const body = encodeBody(MsgId.C2L_EnterGame, { ...(room ? { room: roomRequest(room) } : {}), ...(login.admission ? { admission: login.admission } : {}) });
      const rs = decodeBody(MsgId.L2C_EnterGameRs, await lc!.request('enter_game', MsgId.C2L_EnterGame, body, MsgId.L2C_EnterGameRs, T));
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('enter_game', rs.returnCode ?? 0, room && describeRoom(room));
      if (!rs.ip || !rs.port || !rs.token) throw new ClientError('enter_game', 'bad_response', `L2C_EnterGameRs OK without ip/port/token: ${JSON.stringify(rs)}`);
      return { ip: rs.ip, port: rs.port, token: rs.token, roomId: rs.roomId ?? '' };
    });
    enter = e;
    timing({ step: 'enter_game', ms: egMs });
  } finally {
    lc?.destroy(); // the login closes after EnterGameRs anyway: the player has left login either way
  }

  if (room && !enter.roomId) throw new ClientError('enter_game', 'bad_response', `L2C_EnterGameRs OK without room_id for ${describeRoom(room)}: the login pod does not know rooms`);
  return gameLogin(r, enter.ip, enter.port, enter.token, enter.roomId, timing);
}

/** Game connect + C2G_LoginByToken{account, token}: the last step of the flow, and all of a matchmaker's seat. */
async function gameLogin(r: Resolved, ip: string, port: number, token: string, roomId: string, timing: (e: TimingEvent) => void): Promise<GameLink> {
  let gl: FrameLink | undefined;
  try {
    const [g, glMs] = await timed('game_login', async () => {
      gl = await dialLink(r, 'game_login', ip, port, 'game');
      const req = encodeBody(MsgId.C2G_LoginByToken, { account: r.o.account, token });
      const rs = decodeBody(MsgId.G2C_LoginByTokenRs, await gl.request('game_login', MsgId.C2G_LoginByToken, req, MsgId.G2C_LoginByTokenRs, r.o.stepTimeoutMs));
      if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw returnCodeError('game_login', rs.returnCode ?? 0);
      // The game pod confirms the room the token was bound to; a pod of an earlier version says nothing.
      return { link: gl, host: ip, port, playerId: rs.playerId ?? '', resumeToken: rs.resumeToken ?? '', roomId: rs.roomId || roomId };
    });
    timing({ step: 'game_login', ms: glMs, address: `${ip}:${port}` });
    return g;
  } catch (err) {
    gl?.destroy();
    throw err;
  }
}

/** A matchmaker's seat: straight to its game pod (its WebSocket port over ws). */
function seatFlow(r: Resolved, seat: SeatOption, timing: (e: TimingEvent) => void): Promise<GameLink> {
  return gameLogin(r, seat.ip, r.o.transport === 'ws' ? seat.wsPort! : seat.port, seat.token, '', timing);
}

type Pending = { name: string; resolve: (b: any) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

class SessionImpl extends Emitter<Record<string, any>> {
  state: 'online' | 'away' | 'closed' = 'online';
  readonly closed: Promise<CloseEvent>;
  private resolveClosed!: (e: CloseEvent) => void;
  private g!: GameLink;
  private leaving = false;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private pingSentAt = 0;
  private pingTimedOut = false;
  private readonly pending: Pending[] = [];
  private readonly early: EarlyMessages;
  private readonly serverNames: ReadonlySet<string>;

  constructor(
    private readonly r: Resolved,
    readonly account: string,
  ) {
    super();
    this.closed = new Promise((res) => (this.resolveClosed = res));
    this.early = new EarlyMessages(this, r.o.earlyMessagesPerName);
    this.serverNames = new Set(r.codec.serverNames);
  }

  override on(name: string, fn: (arg: any) => void): () => void {
    const off = super.on(name, fn);
    if (this.serverNames.has(name)) this.early.subscribed(name);
    return off;
  }

  get room(): SessionRoom | null {
    return this.g.roomId ? { id: this.g.roomId } : null;
  }

  get earlyDropped(): number {
    return this.early.dropped;
  }

  get playerId(): string {
    return this.g.playerId;
  }

  get gameAddress(): string {
    return `${this.g.host}:${this.g.port}`;
  }

  /** Takes the game link; its frames flow once `start()` is called (after the caller's own events, e.g. `resumed`). */
  attach(g: GameLink): void {
    this.g = g;
    this.state = 'online';
    this.pingTimedOut = false;
    void g.link.closed.then(() => this.linkClosed(g.link));
    this.pingTimer = setInterval(() => this.ping(), this.r.o.pingEveryMs);
  }

  /** Delivers the link's frames: those that came with the login/resume answer first (the module's onJoin/onResume). */
  start(): void {
    const link = this.g.link;
    link.start((id, body) => {
      if (link === this.g.link) this.dispatch(id, body);
    });
  }

  send(name: string, body: unknown): boolean {
    if (this.state !== 'online') return false;
    const e = this.r.codec.outgoing(name);
    if (!e) throw new ClientError('game', 'unknown_message', `no client message named ${name} in the messages table`);
    return this.g.link.send(e.id, e.encode(body));
  }

  request(name: string, body: unknown, replyName: string, timeoutMs = this.r.o.stepTimeoutMs): Promise<any> {
    if (this.state !== 'online') return Promise.reject(new ClientError('game', 'closed_by_server', `cannot send ${name}: the session is ${this.state}`));
    return new Promise((resolve, reject) => {
      const p: Pending = {
        name: replyName,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pending.splice(this.pending.indexOf(p), 1);
          reject(new ClientError('game', 'timeout', `no ${replyName} from game ${this.gameAddress} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.pending.push(p);
      this.send(name, body);
    });
  }

  leave(): Promise<CloseEvent> {
    if (this.state === 'closed' || this.leaving) return this.closed;
    this.leaving = true;
    if (this.state === 'online') {
      const link = this.g.link;
      // A server that hands out resume tokens knows C2G_Leave; one that does not holds no grace, so a close is a leave.
      if (this.g.resumeToken) link.send(MsgId.C2G_Leave, encodeBody(MsgId.C2G_Leave, {}));
      else link.close();
      const t = setTimeout(() => link.destroy(), this.g.resumeToken ? this.r.o.stepTimeoutMs : 2000);
      void link.closed.then(() => clearTimeout(t));
    }
    return this.closed;
  }

  dropConnection(): void {
    if (this.state === 'online') this.g.link.destroy();
  }

  private ping(): void {
    if (this.pongTimer) return; // one outstanding Ping at a time
    this.pingSentAt = Date.now();
    const link = this.g.link;
    link.send(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: this.pingSentAt }));
    this.pongTimer = setTimeout(() => {
      this.pongTimer = undefined;
      this.pingTimedOut = true;
      link.destroy();
    }, this.r.o.stepTimeoutMs);
  }

  private stopPings(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pingTimer = this.pongTimer = undefined;
  }

  private dispatch(id: number, body: Uint8Array): void {
    if (id === MsgId.Pong) {
      const pong = decodeBody(MsgId.Pong, body);
      if (Number(pong.clientTimeMs) === this.pingSentAt && this.pongTimer) {
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
        this.emit('pong', { rttMs: Date.now() - this.pingSentAt });
      }
      return;
    }
    if (id === MsgId.S2C_Kick) {
      const code = this.g.link.kickReason ?? 0;
      this.emit('kick', { reason: kickReasonName(code), code });
      return;
    }
    const e = this.r.codec.incoming(id);
    if (!e) return; // a platform message this client does not use, or a module id it does not know
    let decoded: unknown;
    try {
      decoded = e.decode(body);
    } catch (err) {
      this.emit('error', new ClientError('game', 'bad_body', `${e.name} (${id}) from the server does not decode: ${(err as Error).message}`));
      return;
    }
    const i = this.pending.findIndex((p) => p.name === e.name);
    if (i >= 0) {
      const p = this.pending.splice(i, 1)[0]!;
      clearTimeout(p.timer);
      p.resolve(decoded);
      return;
    }
    this.early.deliver(e.name, decoded);
  }

  private linkClosed(link: FrameLink): void {
    if (link !== this.g.link || this.state !== 'online') return;
    this.stopPings();
    const err = this.pingTimedOut
      ? new ClientError('game', 'timeout', `no Pong from game ${this.gameAddress} within ${this.r.o.stepTimeoutMs} ms`)
      : link.closedError('game');
    for (const p of this.pending.splice(0)) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    if (this.leaving) return this.finish({ reason: 'left' });
    if (link.kickReason !== undefined) return this.finish({ reason: 'kicked', error: err });
    if (!this.r.o.resume && !this.r.o.retry) return this.finish({ reason: 'dropped', error: err });
    this.state = 'away';
    this.emit('away', { error: err });
    void this.recover(err);
  }

  /** After a drop: C2G_Resume to the same game while the window lasts, then (retry) the whole flow again. */
  private async recover(dropErr: ClientError): Promise<void> {
    let last: ClientError = dropErr;
    if (this.r.o.resume && this.g.resumeToken) {
      const deadline = now() + this.r.o.resumeWindowMs;
      let delay = 100;
      while (!this.leaving && now() < deadline) {
        let link: FrameLink | undefined;
        try {
          const [rs, ms] = await timed('resume', async () => {
            link = await dialLink(this.r, 'resume', this.g.host, this.g.port, 'game');
            const body = encodeBody(MsgId.C2G_Resume, { account: this.account, resumeToken: this.g.resumeToken });
            return decodeBody(MsgId.G2C_ResumeRs, await link.request('resume', MsgId.C2G_Resume, body, MsgId.G2C_ResumeRs, this.r.o.stepTimeoutMs));
          });
          if (this.leaving) {
            quit(link!, (rs.returnCode ?? 0) === ReturnCode.OK);
            break;
          }
          if ((rs.returnCode ?? 0) === ReturnCode.OK && rs.resumeToken) {
            this.emit('timing', { step: 'resume', ms, address: this.gameAddress });
            this.attach({ ...this.g, link: link!, resumeToken: rs.resumeToken });
            this.emit('resumed', { via: 'resume' });
            this.start(); // what the module sent in onResume came with the answer
            return;
          }
          link!.destroy();
          last = returnCodeError('resume', rs.returnCode ?? 0);
          break; // TOKEN_INVALID (grace over, kicked meanwhile, pod restarted): this session is gone
        } catch (err) {
          link?.destroy();
          last = toClientError('resume', err);
          await sleep(Math.min(delay, Math.max(0, deadline - now())));
          delay = Math.min(delay * 2, 2000);
        }
      }
    }
    if (this.leaving) return this.finish({ reason: 'left' });
    if (!this.r.o.retry) return this.finish({ reason: 'dropped', error: last });
    // Back through /login: a room session into its room by id, a find session into a new find if that room is gone.
    for (let next = afterResumeFailed(this.r.o.origin, this.g.roomId || undefined); next.kind === 'flow'; ) {
      try {
        const g = await flowWithRetries(this.r, next.room, (e) => this.emit('timing', e), (u) => this.emit('queue', u), () => this.leaving);
        if (this.leaving) {
          quit(g.link, g.resumeToken !== '');
          return this.finish({ reason: 'left' });
        }
        this.attach(g);
        this.emit('resumed', { via: 'login' });
        this.start();
        return;
      } catch (err) {
        last = toClientError('game', err);
        if (this.leaving) return this.finish({ reason: 'left', error: last });
        next = afterFlowFailed(this.r.o.origin, next.room, last);
      }
    }
    this.finish({ reason: 'dropped', error: last });
  }

  private finish(e: CloseEvent): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.stopPings();
    this.emit('closed', e);
    this.resolveClosed(e);
  }
}

/** A link that came back after leave() was called: say C2G_Leave (no grace held for us) where the server knows it, then go. */
function quit(link: FrameLink, sayLeave: boolean): void {
  if (sayLeave) link.send(MsgId.C2G_Leave, encodeBody(MsgId.C2G_Leave, {}));
  link.close();
  const t = setTimeout(() => link.destroy(), 2000);
  void link.closed.then(() => clearTimeout(t));
}

/** The flow with `maxAttempts` tries when `retry` is on (backoff, or the server's Retry-After); never a room error. */
async function flowWithRetries(r: Resolved, room: RoomOption | undefined, timing: (e: TimingEvent) => void, onQueue: (u: QueueUpdate) => void, stop: () => boolean = () => false): Promise<GameLink> {
  const attempts = r.o.retry ? Math.max(1, r.o.maxAttempts) : 1;
  for (let i = 1; ; i++) {
    try {
      return await loginFlow(r, room, timing, onQueue);
    } catch (err) {
      const e = toClientError('http_login', err);
      if (i >= attempts || !retryable(e) || stop() || r.o.signal?.aborted) throw e;
      const waitMs = e.details.retryAfterS ? Math.min(5, e.details.retryAfterS) * 1000 : Math.min(4000, 250 * 2 ** i);
      await sleep(waitMs);
    }
  }
}

export function resolveOptions(o: ConnectOptions<any, any>, defaultTransport: 'tcp' | 'ws'): ResolvedOptions {
  const transport = o.transport ?? defaultTransport;
  const seat = o.seat !== undefined ? normalizeSeat(o.seat, transport) : undefined;
  if (seat && o.room !== undefined) throw new ClientError('game_login', 'bad_options', 'connect: room and seat exclude each other (a seat is already in its room)');
  if (seat && o.account && o.account !== seat.account) throw new ClientError('game_login', 'bad_options', `connect: account ${o.account} differs from seat.account ${seat.account}`);
  if (!seat && !o.appmgr) throw new ClientError('http_login', 'bad_options', 'connect: appmgr is required');
  const account = seat?.account ?? o.account;
  if (!account) throw new ClientError('account_check', 'bad_options', 'connect: account is required');
  const early = o.earlyMessagesPerName ?? 64;
  if (!Number.isInteger(early) || early < 0) throw new ClientError('http_login', 'bad_options', 'connect: earlyMessagesPerName must be an integer ≥ 0');
  const origin: SessionOrigin = seat ? { kind: 'seat' } : o.room !== undefined ? { kind: 'flow', room: normalizeRoomOption(o.room) } : { kind: 'flow' };
  return {
    appmgr: o.appmgr ?? '',
    account,
    password: o.password ?? '',
    transport,
    tls: o.tls ?? false,
    queue: o.queue ?? false,
    resume: o.resume ?? true,
    retry: o.retry ?? true,
    stepTimeoutMs: o.stepTimeoutMs ?? 10_000,
    pingEveryMs: o.pingEveryMs ?? 15_000,
    resumeWindowMs: o.resumeWindowMs ?? 30_000,
    maxAttempts: o.maxAttempts ?? 3,
    earlyMessagesPerName: early,
    signal: o.signal,
    origin,
    ...(seat ? { seat } : {}),
  };
}

const PLATFORM_EVENTS: ReadonlySet<string> = new Set<keyof PlatformEvents>(['kick', 'away', 'resumed', 'closed', 'queue', 'timing', 'pong', 'error']);

/** Builds `connect` on a platform (`io` may be loaded lazily: the Node entry imports its built-ins only when used). */
export function createConnect(getIo: () => Promise<ClientIo>, defaultTransport: 'tcp' | 'ws') {
  return async function connect<const T extends MessagesTable | undefined = undefined, B extends Record<string, any> = {}>(
    options: ConnectOptions<T, B>,
  ): Promise<Session<Incoming<T, B>, Outgoing<T, B>>> {
    const o = resolveOptions(options, defaultTransport);
    const io = await getIo();
    let codec: GameCodec = echoCodec;
    if (options.messages) {
      let proto = options.proto;
      if (typeof proto === 'string' || proto instanceof URL) {
        if (!io.loadProto) throw new ClientError('http_login', 'bad_options', 'a .proto path needs Node: pass a protobufjs Root or its JSON descriptor');
        proto = await io.loadProto(proto);
      }
      codec = buildGameCodec(proto, options.messages);
    }
    const r: Resolved = { io, codec, o };
    const s = new SessionImpl(r, o.account);
    // Subscribed before the flow: the module's onJoin messages and the flow's own events reach them as they come.
    for (const [name, fn] of Object.entries(options.on ?? {})) {
      if (fn === undefined) continue;
      if (typeof fn !== 'function') throw new ClientError('http_login', 'bad_options', `connect: on.${name} must be a function`);
      if (!PLATFORM_EVENTS.has(name) && !codec.serverNames.includes(name)) {
        throw new ClientError('http_login', 'bad_options', `connect: on.${name} is neither a platform event nor a server message (${codec.serverNames.join(', ')})`);
      }
      s.on(name, fn as (arg: unknown) => void);
    }
    const timing = (e: TimingEvent) => s.emit('timing', e);
    const g = o.seat ? await seatFlow(r, o.seat, timing) : await flowWithRetries(r, o.origin.kind === 'flow' ? o.origin.room : undefined, timing, (u) => s.emit('queue', u));
    s.attach(g);
    s.start();
    return s as unknown as Session<Incoming<T, B>, Outgoing<T, B>>;
  };
}

export { returnCodeName };
