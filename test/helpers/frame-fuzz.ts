/**
 * Frame fuzzing of the socket layer and the pods: a seeded PRNG, generators of valid, mutated and invalid frames per
 * role, an exact model of what a server does with one connection's byte stream (framing, routes, the auth requirement
 * of each route, the real protobuf decoder), so a test can say beforehand whether and why the server must close the
 * connection and what it owes first, and the client side of one fuzz connection (write, wait, close) with the tallies.
 * Used by test/socket-fuzz.test.ts (role 'echo', over TCP and over WebSocket: planWsStream / predictWs /
 * runWsConnection at the end) and test/reliability-fuzz.test.ts ('login', 'game').
 * - echo (test/helpers/echo-server.ts, the bare socket layer): Ping (no auth) → Pong; C2G_LoginByToken (no auth) →
 *   G2C_LoginByTokenRs, and a token "ok" with an account logs the connection in; C2G_Echo (auth) → G2C_Echo.
 * - login pod: Ping (no auth) → Pong; C2L_AccountCheck (no auth) → L2C_AccountCheckRs; C2L_EnterGame (auth).
 * - game pod: C2G_LoginByToken (no auth) → G2C_LoginByTokenRs; Ping and C2G_Echo (auth) → Pong / G2C_Echo.
 * Streams are built so every reply the model counts is sent synchronously by the server (or, for the pods' async
 * handlers, cannot race a close), which keeps the model exact without a clock: see `planStream`.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { decodeBody, encodeBody } from '../../services/protocol/messages.js';
import { CloseReason, KickReason, MsgId, ReturnCode, type MsgName } from '../../services/protocol/wire.js';
import { encodeFrame, FrameDecoder } from '../../services/socket/frame-codec.js';

export type Role = 'login' | 'game' | 'echo';

/** mulberry32: deterministic, one instance per connection, seeded from (run seed, connection index). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  bytes(n: number): Buffer {
    const b = Buffer.allocUnsafe(n);
    let i = 0;
    for (; i + 4 <= n; i += 4) b.writeUInt32LE(this.u32(), i);
    for (; i < n; i++) b[i] = this.u32() & 0xff;
    return b;
  }
  word(max: number): string {
    const abc = 'abcdefghijklmnopqrstuvwxyz0123456789_';
    let s = '';
    for (let i = this.range(1, max); i > 0; i--) s += abc[this.int(abc.length)];
    return s;
  }
}

export function connSeed(seed: number, i: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

/** What one written item is (for the tallies; the model, not the kind, decides what the server does). */
export type Kind = 'valid' | 'mutated_body' | 'corrupt_body' | 'truncated' | 'oversized_length' | 'wrong_direction' | 'unknown_id' | 'short_length' | 'random_bytes' | 'out_of_order' | 'text';

export interface Item {
  kind: Kind;
  bytes: Buffer;
}

interface Route {
  /** The route requires an authenticated connection. */
  auth: boolean;
  /** What the server answers (none when the route ends the connection, see `leaves`). */
  reply?: number;
  /** The server closes the connection after it (C2G_Leave): not a violation, no kick, nothing after it is read. */
  leaves?: true;
}

interface RoleSpec {
  routes: Map<number, Route>;
  /** Known ids that are not client → this role. */
  wrongDirection: readonly number[];
  /** Whether a taken frame logs the connection in (the echo server's LoginByToken with token "ok" and an account). */
  logsIn?: (id: number, message: unknown) => boolean;
}

const GAME_WRONG_DIRECTION = [MsgId.Pong, MsgId.S2C_Kick, MsgId.MI_AppInfoSync, MsgId.C2L_AccountCheck, MsgId.L2C_AccountCheckRs, MsgId.C2L_EnterGame, MsgId.L2C_EnterGameRs, MsgId.G2C_LoginByTokenRs, MsgId.G2C_Echo];

const ROLES: Record<Role, RoleSpec> = {
  login: {
    routes: new Map([
      [MsgId.Ping, { auth: false, reply: MsgId.Pong }],
      [MsgId.C2L_AccountCheck, { auth: false, reply: MsgId.L2C_AccountCheckRs }],
      [MsgId.C2L_EnterGame, { auth: true, reply: MsgId.L2C_EnterGameRs }],
    ]),
    wrongDirection: [MsgId.Pong, MsgId.S2C_Kick, MsgId.MI_AppInfoSync, MsgId.L2C_AccountCheckRs, MsgId.L2C_EnterGameRs, MsgId.C2G_LoginByToken, MsgId.G2C_LoginByTokenRs, MsgId.C2G_Echo, MsgId.G2C_Echo],
  },
  game: {
    routes: new Map([
      [MsgId.C2G_LoginByToken, { auth: false, reply: MsgId.G2C_LoginByTokenRs }],
      [MsgId.Ping, { auth: true, reply: MsgId.Pong }],
      [MsgId.C2G_Echo, { auth: true, reply: MsgId.G2C_Echo }],
      // Random bytes can spell these ids too. A fuzz (account, resume_token) never matches, so Resume gets one answer
      // (TOKEN_INVALID, ALREADY_ONLINE or BUSY; the fuzz sets MAX_TOKEN_FAILURES out of reach); Leave ends it.
      [MsgId.C2G_Resume, { auth: false, reply: MsgId.G2C_ResumeRs }],
      [MsgId.C2G_Leave, { auth: true, leaves: true }],
    ]),
    wrongDirection: GAME_WRONG_DIRECTION,
  },
  echo: {
    routes: new Map([
      [MsgId.Ping, { auth: false, reply: MsgId.Pong }],
      [MsgId.C2G_LoginByToken, { auth: false, reply: MsgId.G2C_LoginByTokenRs }],
      [MsgId.C2G_Echo, { auth: true, reply: MsgId.G2C_Echo }],
    ]),
    wrongDirection: GAME_WRONG_DIRECTION,
    logsIn: (id, m) => id === MsgId.C2G_LoginByToken && (m as { token?: string }).token === 'ok' && !!(m as { account?: string }).account,
  },
};
/** The ids the model routes for `role` (test/frame-fuzz-model.test.ts holds them equal to the protocol's table). */
export const modelRoutes = (role: Role): number[] => [...ROLES[role].routes.keys()];
const KNOWN = new Set<number>(Object.values(MsgId));
const NAME = new Map<number, MsgName>(Object.entries(MsgId).map(([name, id]) => [id, name as MsgName]));

function body(r: Rng, role: Role, id: number): Buffer {
  switch (id) {
    case MsgId.Ping:
      return Buffer.from(encodeBody(MsgId.Ping, { clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2G_Echo:
      // echo: now and then a large payload (up to 20,000 bytes).
      return Buffer.from(encodeBody(MsgId.C2G_Echo, { payload: r.bytes(role === 'echo' ? (r.chance(0.02) ? r.range(1000, 20_000) : r.int(200)) : r.int(48)), clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2G_LoginByToken:
      // echo: mostly token "ok", which logs in when there is an account. Pods: never a real token: on an online
      // connection ALREADY_ONLINE, elsewhere TOKEN_INVALID (or BUSY while pending).
      if (role === 'echo') return Buffer.from(encodeBody(MsgId.C2G_LoginByToken, { account: r.chance(0.05) ? '' : `fz-${r.word(12)}`, token: r.chance(0.8) ? 'ok' : r.word(8) }));
      return Buffer.from(encodeBody(MsgId.C2G_LoginByToken, { account: `fz-${r.word(10)}`, token: r.chance(0.5) ? r.bytes(16).toString('hex') : r.word(12) }));
    case MsgId.C2L_AccountCheck:
      return Buffer.from(encodeBody(MsgId.C2L_AccountCheck, { account: r.word(10), password: r.word(10) }));
    case MsgId.C2L_EnterGame:
      return Buffer.from(encodeBody(MsgId.C2L_EnterGame, {}));
    case MsgId.MI_AppInfoSync:
      return Buffer.from(encodeBody(MsgId.MI_AppInfoSync, { app: { appId: r.word(8), online: r.int(100) } } as never));
    default:
      return r.bytes(r.int(24));
  }
}

/** A varint-length field that runs far past the end: never decodes. */
const NEVER_DECODES = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x7f]);

function mutate(r: Rng, b0: Buffer): Buffer {
  const b = Buffer.from(b0);
  switch (r.int(5)) {
    case 0: // flip bits
      for (let n = r.range(1, 4); n > 0 && b.length > 0; n--) b[r.int(b.length)]! ^= 1 << r.int(8);
      return b;
    case 1: // cut short
      return b.subarray(0, r.int(b.length + 1));
    case 2: // junk appended
      return Buffer.concat([b, r.bytes(r.range(1, 16))]);
    case 3:
      return Buffer.concat([b, NEVER_DECODES]);
    default: // random bytes instead
      return r.bytes(r.int(40));
  }
}

const ECHO_VALID = [MsgId.Ping, MsgId.C2G_LoginByToken, MsgId.C2G_Echo, MsgId.C2G_Echo, MsgId.C2G_Echo];

/** The valid frames of a role on a connection in a given auth state (pods: the cheap ones, see planStream). */
function validFrame(r: Rng, role: Role, authed: boolean): Buffer {
  if (role === 'echo') {
    const id = r.pick(ECHO_VALID);
    return encodeFrame(id, body(r, role, id));
  }
  if (role === 'login') return encodeFrame(MsgId.Ping, body(r, role, MsgId.Ping));
  if (!authed) return encodeFrame(MsgId.C2G_LoginByToken, body(r, role, MsgId.C2G_LoginByToken));
  const id = r.chance(0.02) ? MsgId.C2G_LoginByToken : r.chance(0.2) ? MsgId.Ping : MsgId.C2G_Echo;
  return encodeFrame(id, body(r, role, id));
}

/** One item of `kind` (out_of_order: a route that needs a login, on a connection that has none). */
function item(r: Rng, role: Role, authed: boolean, kind: Kind): Item {
  switch (kind) {
    case 'corrupt_body': {
      // Valid header, corrupt or mutated body (the model decides whether it still decodes).
      const ids = role === 'echo' ? [MsgId.Ping, MsgId.C2G_LoginByToken, MsgId.C2G_Echo] : role === 'login' ? [MsgId.Ping, MsgId.Ping, MsgId.C2L_AccountCheck] : authed ? [MsgId.C2G_Echo, MsgId.Ping, MsgId.C2G_LoginByToken] : [MsgId.C2G_LoginByToken];
      const id = r.pick(ids);
      // AccountCheck bodies only in the never-decoding form: a decodable one would log in asynchronously.
      const b = id === MsgId.C2L_AccountCheck ? Buffer.concat([body(r, role, id), NEVER_DECODES]) : mutate(r, body(r, role, id));
      return { kind, bytes: encodeFrame(id, b) };
    }
    case 'truncated': {
      const f = validFrame(r, role, authed);
      return { kind, bytes: f.subarray(0, r.int(f.length)) };
    }
    case 'oversized_length': {
      const f = Buffer.from(validFrame(r, role, authed));
      f.writeUInt16LE(r.range(Math.min(65535, f.length + 1), 65535), 0);
      return { kind, bytes: f };
    }
    case 'wrong_direction': {
      const id = r.pick(ROLES[role].wrongDirection);
      return { kind, bytes: encodeFrame(id, body(r, role, id)) };
    }
    case 'unknown_id': {
      let id: number;
      do id = r.int(65536);
      while (KNOWN.has(id));
      return { kind, bytes: encodeFrame(id, r.bytes(r.int(16))) };
    }
    case 'short_length': {
      const f = Buffer.alloc(r.range(2, 4));
      f.writeUInt16LE(r.int(4), 0);
      if (f.length > 2) r.bytes(f.length - 2).copy(f, 2);
      return { kind, bytes: f };
    }
    case 'out_of_order': {
      const id = role === 'login' ? MsgId.C2L_EnterGame : r.pick([MsgId.Ping, MsgId.C2G_Echo]);
      return { kind, bytes: encodeFrame(id, body(r, role, id)) };
    }
    case 'random_bytes':
      return { kind, bytes: r.bytes(r.range(1, role === 'echo' ? 64 : 48)) };
    default:
      return { kind: 'valid', bytes: validFrame(r, role, authed) };
  }
}

/** Weighted kinds: pods' offenders (out_of_order becomes random_bytes on an authenticated connection), echo's items. */
const POD_OFFENDERS: readonly (readonly [Kind, number])[] = [
  ['corrupt_body', 30],
  ['truncated', 10],
  ['oversized_length', 10],
  ['wrong_direction', 15],
  ['unknown_id', 10],
  ['short_length', 10],
  ['out_of_order', 8],
  ['random_bytes', 7],
];
const ECHO_ITEMS: readonly (readonly [Kind, number])[] = [
  ['valid', 850],
  ['random_bytes', 20],
  ['corrupt_body', 60],
  ['truncated', 15],
  ['oversized_length', 15],
  ['wrong_direction', 15],
  ['unknown_id', 10],
  ['short_length', 15],
];

function pickKind(r: Rng, weights: readonly (readonly [Kind, number])[]): Kind {
  let x = r.int(weights.reduce((a, [, w]) => a + w, 0));
  for (const [kind, w] of weights) {
    if (x < w) return kind;
    x -= w;
  }
  throw new Error('unreachable');
}

/** One pod item that is not a plain valid frame. */
function offender(r: Rng, role: Role, authed: boolean): Item {
  const kind = pickKind(r, POD_OFFENDERS);
  return item(r, role, authed, kind === 'out_of_order' && authed ? 'random_bytes' : kind);
}

export type MsgCounts = Partial<Record<MsgName, number>>;

export interface Prediction {
  reason: CloseReason | undefined;
  /** The server ends the connection after a C2G_Leave (not a violation). */
  left: boolean;
  kick: boolean;
  /** Frames the server takes off the wire: complete frames up to and including a violating one, or a short header. */
  decoded: number;
  /** Bytes of the stream the server looks at (the rest comes after a violation, or is an incomplete frame). */
  consumed: number;
  /** Replies the server sends before closing. */
  replies: number;
  /** Frames taken per routed message (`gamecluster_frames_received_total{msg}`), replies per message (`_sent_total`). */
  received: MsgCounts;
  sent: MsgCounts;
}

const bump = (c: Record<string, number>, k: string, n = 1) => void (c[k] = (c[k] ?? 0) + n);

/** What the server of `role` does with this byte stream (chunking does not matter) on a connection that starts `authed` or not. */
export function predict(role: Role, stream: Buffer, authed: boolean): Prediction {
  const spec = ROLES[role];
  const p: Prediction = { reason: undefined, left: false, kick: false, decoded: 0, consumed: 0, replies: 0, received: {}, sent: {} };
  let off = 0;
  const fail = (reason: CloseReason, kick: boolean) => ((p.reason = reason), (p.kick = kick), (p.consumed = off), p);
  while (stream.length - off >= 2) {
    const total = stream.readUInt16LE(off);
    if (total < 4) return (p.decoded++, (off += 2), fail(CloseReason.short_frame, false));
    if (stream.length - off < total) break; // incomplete: the server waits for the rest
    const id = stream.readUInt16LE(off + 2);
    const b = stream.subarray(off + 4, off + total);
    off += total;
    p.decoded++;
    const route = spec.routes.get(id);
    if (route === undefined) return fail(CloseReason.unknown_msg, true);
    bump(p.received, NAME.get(id)!);
    if (route.auth && !authed) return fail(CloseReason.out_of_order, true);
    let m: unknown;
    try {
      m = decodeBody(id as typeof MsgId.Ping, b);
    } catch {
      return fail(CloseReason.bad_body, true);
    }
    if (route.leaves) return ((p.left = true), (p.consumed = off), p);
    p.replies++;
    bump(p.sent, NAME.get(route.reply!)!);
    if (spec.logsIn?.(id, m)) authed = true;
  }
  p.consumed = off;
  return p;
}

export interface StreamPlan {
  index: number;
  role: Role;
  /** The connection logs in (game: a real token) before the stream is written. */
  authed: boolean;
  /** login only: one C2L_AccountCheck of a well-formed account goes first, alone (its answer is async). */
  accountCheck: string | undefined;
  items: Item[];
  stream: Buffer;
  prediction: Prediction;
}

/**
 * One connection's plan.
 * Pods: frames per connection 1..maxFrames. About half the connections carry offenders (one or a few, at random
 * places; the first that violates ends the connection), the rest are valid frames with interleaved
 * mutated-but-decodable ones and maybe a truncated tail.
 * Exactness rules: on login only Ping is pipelined (an AccountCheck answers after an await, so a connection that
 * sends one sends nothing else before its answer); on game an authenticated connection gets its token login done
 * before the stream, and an unauthenticated one only carries LoginByToken frames with fake tokens plus offenders.
 * Echo (every handler answers synchronously, so anything may be pipelined): 85 % of the connections log in first
 * (token "ok"), then 0..maxFrames items, 85 % valid, the rest of every invalid kind, below 128 KiB in all so the
 * replies stay far below the write-buffer limit (slow_reader needs a clock; the model has none). `authed` must be
 * false: the connection logs in, or not, within its stream.
 */
export function planStream(seed: number, index: number, role: Role, maxFrames: number, authed: boolean): StreamPlan {
  const r = new Rng(connSeed(seed, index));
  const items: Item[] = [];
  let accountCheck: string | undefined;
  if (role === 'echo') {
    if (r.chance(0.85)) items.push({ kind: 'valid', bytes: encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: `fz-${index}`, token: 'ok' })) });
    let bytes = 0;
    for (let n = r.chance(0.02) ? 0 : r.range(1, maxFrames); n > 0 && bytes < 128 * 1024; n--) {
      const it = item(r, role, authed, pickKind(r, ECHO_ITEMS));
      items.push(it);
      bytes += it.bytes.length;
    }
  } else {
    const n = r.chance(0.1) ? r.range(1, 8) : r.range(1, maxFrames);
    accountCheck = role === 'login' && r.chance(0.1) ? `fz-${seed.toString(16)}-${index}` : undefined;
    const offenders = accountCheck === undefined && r.chance(0.5);
    const mutatedRate = accountCheck === undefined ? 0.05 : 0;
    for (let i = 0; i < n; i++) {
      if (offenders && r.chance(2 / n)) items.push(offender(r, role, authed));
      else if (r.chance(mutatedRate)) {
        // A mutated body that still decodes (protobuf skips unknown fields): taken like a valid frame.
        const it = offender(r, role, authed);
        if (it.kind === 'corrupt_body' && predict(role, it.bytes, authed).reason === undefined) items.push({ kind: 'mutated_body', bytes: it.bytes });
        else items.push({ kind: 'valid', bytes: validFrame(r, role, authed) });
      } else items.push({ kind: 'valid', bytes: validFrame(r, role, authed) });
    }
    if (accountCheck === undefined && r.chance(0.05)) {
      const f = validFrame(r, role, authed);
      items.push({ kind: 'truncated', bytes: f.subarray(0, r.range(1, f.length - 1)) });
    }
  }
  const stream = Buffer.concat(items.map((i) => i.bytes));
  return { index, role, authed, accountCheck, items, stream, prediction: predict(role, stream, authed) };
}

export function describePlan(seed: number, p: StreamPlan): string {
  const kinds: Record<string, number> = {};
  for (const i of p.items) bump(kinds, i.kind);
  return `${p.role} connection #${p.index} (FUZZ_SEED=${seed}, authed ${p.authed}): items ${JSON.stringify(kinds)}, prediction ${JSON.stringify(p.prediction)}, first bytes ${p.stream.subarray(0, 64).toString('hex')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The client side of one fuzz connection.

/**
 * How a connection writes its stream, by `r.int(10)`: below `whole`, in one write; below `whole + bytewise`, a byte
 * at a time (yielding to the event loop every `tickEvery` bytes) — the first `head` bytes and then the rest in one
 * write, or, with `upTo`, the whole stream when it is no longer than that (else as the rest do); the rest in random
 * chunks, of 1–8 bytes with probability `small`, else 1–`chunkMax`, yielding after a chunk with probability `tickChance`.
 */
export interface WriteStyle {
  whole: number;
  bytewise: number;
  tickEvery: number;
  head?: number;
  upTo?: number;
  small: number;
  chunkMax: number;
  tickChance: number;
}

async function writeStream(socket: Socket, s: Buffer, r: Rng, w: WriteStyle): Promise<void> {
  const mode = r.int(10);
  if (mode < w.whole) {
    if (s.length) socket.write(s);
  } else if (mode < w.whole + w.bytewise && (w.upTo === undefined || s.length <= w.upTo)) {
    const head = Math.min(s.length, w.head ?? s.length);
    for (let i = 0; i < head && socket.writable; i++) {
      socket.write(s.subarray(i, i + 1));
      if (i % w.tickEvery === 0) await tick();
    }
    if (head < s.length && socket.writable) socket.write(s.subarray(head));
  } else {
    let off = 0;
    while (off < s.length && socket.writable) {
      const n = Math.min(s.length - off, r.chance(w.small) ? r.range(1, 8) : r.range(1, w.chunkMax));
      socket.write(s.subarray(off, off + n));
      off += n;
      if (r.chance(w.tickChance)) await tick();
    }
  }
}

export interface ConnResult {
  serverClosed: boolean;
  /** Replies seen (S2C_Kick not counted). */
  replies: number;
  kick: number | undefined;
}

export interface RunConnection {
  port: number;
  seed: number;
  plan: StreamPlan;
  /** Salt of this connection's client-side PRNG (how it writes and closes). */
  salt: number;
  write: WriteStyle;
  /** Bound on each wait (login answer, replies, close). */
  timeoutMs: number;
  /** A login frame sent and answered (returnCode OK, checked) before the stream. */
  login?: { id: number; body: Uint8Array; rs: number };
}

/**
 * Runs one planned connection: connect, log in if asked, write the stream (see WriteStyle); then, where the model
 * predicts a violation, wait for the server to close it; otherwise wait for every reply it owes with the connection
 * kept open, close it (FIN, destroy or RST, at random) and check the server did not close it first.
 */
export async function runConnection(o: RunConnection): Promise<ConnResult> {
  const p = o.plan;
  const r = new Rng(connSeed(o.seed, p.index) ^ o.salt);
  const socket: Socket = connect({ port: o.port, host: '127.0.0.1', noDelay: true });
  socket.on('error', () => {}); // ECONNRESET / EPIPE after the server closed: expected
  const res: ConnResult = { serverClosed: false, replies: 0, kick: undefined };
  let weClosed = false;
  let handshake: ((msgId: number, body: Buffer) => void) | undefined;
  let allReplies: () => void = () => {};
  const repliesDone = new Promise<void>((resolve) => (allReplies = resolve));
  const decoder = new FrameDecoder((msgId, body) => {
    if (handshake) return handshake(msgId, body);
    if (msgId === MsgId.S2C_Kick) res.kick = decodeBody(MsgId.S2C_Kick, body).reason ?? 0;
    else if (++res.replies === p.prediction.replies) allReplies();
  });
  socket.on('data', (chunk: Buffer) => void decoder.push(chunk));
  // (not events.once: it would reject on the 'error' that precedes 'close' after a reset)
  const closed = new Promise<void>((resolve) => socket.on('close', () => ((res.serverClosed = !weClosed), resolve())));
  await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('error', reject)));
  const guard = <T>(x: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${o.timeoutMs} ms: ${describePlan(o.seed, p)}; seen ${JSON.stringify(res)}`)), o.timeoutMs)));
    return Promise.race([x, late]).finally(() => clearTimeout(timer));
  };

  // Log in first where asked, and wait for the answer (the pods' handlers answer after an await).
  const login = o.login;
  if (login) {
    const answered = new Promise<number>((resolve) => {
      handshake = (msgId, body) => {
        handshake = undefined;
        resolve(msgId === login.rs ? ((decodeBody(login.rs as typeof MsgId.L2C_AccountCheckRs, body).returnCode as number | undefined) ?? 0) : -msgId);
      };
    });
    socket.write(encodeFrame(login.id, login.body));
    const code = await guard(Promise.race([answered, closed.then(() => -1)]), 'no login answer');
    assert.equal(code, ReturnCode.OK, `login step answered ${code}: ${describePlan(o.seed, p)}`);
  }
  if (p.prediction.replies === 0) allReplies();

  await writeStream(socket, p.stream, r, o.write);

  if (p.prediction.reason || p.prediction.left) {
    await guard(closed, 'the server did not close the connection');
  } else {
    // Everything the server owes must arrive and the server must keep the connection open; then we leave, rudely
    // or not.
    await guard(Promise.race([repliesDone, closed.then(() => Promise.reject(new Error(`the server closed a well-formed connection: ${describePlan(o.seed, p)}; seen ${JSON.stringify(res)}`)))]), 'replies missing');
    weClosed = true;
    const how = r.int(3);
    if (how === 0) socket.end();
    else if (how === 1) socket.destroy();
    else socket.resetAndDestroy();
    await guard(closed, 'the connection did not close after the client closed it');
    assert.equal(res.serverClosed, false);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Tallies over many connections.

export interface Totals {
  connections: number;
  itemsWritten: number;
  /** Frames the server took off the wire (predicted). */
  decoded: number;
  serverClosed: number;
  /** Connections predicted to end with a C2G_Leave (closed by the server, not a violation). */
  left: number;
  kicksPredicted: number;
  kicksSeen: number;
  replies: number;
  /** Connections predicted to be closed, by reason. */
  reasons: Record<string, number>;
  byKind: Record<string, number>;
  /** Items (by kind) whose first byte the server looked at. */
  reachedByKind: Record<string, number>;
  received: MsgCounts;
  sent: MsgCounts;
}

export const newTotals = (): Totals => ({ connections: 0, itemsWritten: 0, decoded: 0, serverClosed: 0, left: 0, kicksPredicted: 0, kicksSeen: 0, replies: 0, reasons: {}, byKind: {}, reachedByKind: {}, received: {}, sent: {} });

/** Counts a plan (before it runs): its items, the frames and messages the server will take, its predicted close. */
export function tallyPlan(tot: Totals, p: StreamPlan): void {
  const pr = p.prediction;
  tot.connections++;
  tot.itemsWritten += p.items.length;
  tot.decoded += pr.decoded;
  let at = 0;
  for (const it of p.items) {
    bump(tot.byKind, it.kind);
    if (at < pr.consumed) bump(tot.reachedByKind, it.kind);
    at += it.bytes.length;
  }
  if (pr.reason) bump(tot.reasons, pr.reason);
  if (pr.left) tot.left++;
  if (pr.kick) tot.kicksPredicted++;
  for (const [k, n] of Object.entries(pr.received)) bump(tot.received, k, n);
  for (const [k, n] of Object.entries(pr.sent)) bump(tot.sent, k, n);
}

/** Counts what a connection saw; a kick must have been predicted, and be PROTOCOL_ERROR. */
export function tallyResult(tot: Totals, seed: number, p: StreamPlan, res: ConnResult): void {
  if (res.serverClosed) tot.serverClosed++;
  if (res.kick !== undefined) {
    tot.kicksSeen++;
    assert.ok(p.prediction.kick, `kick on a connection that should not get one: ${describePlan(seed, p)}`);
    assert.equal(res.kick, KickReason.PROTOCOL_ERROR, describePlan(seed, p));
  }
  tot.replies += res.replies;
}

// ---------------------------------------------------------------------------------------------------------------
// The WebSocket path (protocol.md "Transports"): the same items, cut into binary messages. A message must hold whole
// frames: one that ends inside a frame (or holds nothing) is `ws_partial`, a declared length < 4 `short_frame` —
// checked before any frame of that message is taken; a text message closes with 1003 (`ws_text`). The frames of a
// good message are taken exactly as on TCP (same routes, auth, decoder), so the TCP model's rules apply per frame.

/** A WebSocket connection's plan: the TCP plan's items regrouped into messages (a string is a text message). */
export interface WsStreamPlan extends StreamPlan {
  messages: (Buffer | string)[];
}

/**
 * Echo items (planStream 'echo') cut into messages: after each item the message ends with probability ½; now and
 * then a message is cut at a random byte (the rest opens the next one: `ws_partial`), and 3 % of the connections
 * send a text message somewhere.
 */
export function planWsStream(seed: number, index: number, maxFrames: number): WsStreamPlan {
  const base = planStream(seed, index, 'echo', maxFrames, false);
  const r = new Rng(connSeed(seed ^ 0x57535753, index));
  const messages: (Buffer | string)[] = [];
  const textAt = r.chance(0.03) ? r.int(base.items.length + 1) : -1;
  let cur: Buffer[] = [];
  const endMessage = () => {
    if (cur.length === 0) return;
    let m = Buffer.concat(cur);
    cur = [];
    if (m.length > 1 && r.chance(0.02)) {
      const at = r.range(1, m.length - 1);
      cur = [m.subarray(at)];
      m = m.subarray(0, at);
    }
    messages.push(m);
  };
  base.items.forEach((it, i) => {
    if (i === textAt) (endMessage(), messages.push(`text ${index}`));
    cur.push(it.bytes);
    if (r.chance(0.5)) endMessage();
  });
  endMessage();
  if (textAt === base.items.length) messages.push(`text ${index}`);
  const prediction = predictWs('echo', messages);
  // The stream of the tallies: every message's bytes in order (text ones as their UTF-8), so item offsets line up.
  const items = [...base.items];
  if (textAt >= 0) items.splice(textAt, 0, { kind: 'text', bytes: Buffer.from(`text ${index}`) });
  return { ...base, items, messages, stream: Buffer.concat(messages.map((m) => (typeof m === 'string' ? Buffer.from(m) : m))), prediction };
}

/** What the server of `role` does with these WebSocket messages on a connection that starts unauthenticated. */
export function predictWs(role: Role, messages: readonly (Buffer | string)[]): Prediction {
  const spec = ROLES[role];
  const p: Prediction = { reason: undefined, left: false, kick: false, decoded: 0, consumed: 0, replies: 0, received: {}, sent: {} };
  let authed = false;
  let at = 0;
  const fail = (reason: CloseReason, kick: boolean, end: number) => ((p.reason = reason), (p.kick = kick), (p.consumed = end), p);
  for (const m of messages) {
    const bytes = typeof m === 'string' ? Buffer.from(m) : m;
    const end = at + bytes.length;
    if (typeof m === 'string') return fail(CloseReason.ws_text, false, end);
    // The whole message is checked first (ws-transport.ts checkWsMessage): nothing of a bad one is taken.
    let off = 0;
    let bad: CloseReason | undefined = m.length === 0 ? CloseReason.ws_partial : undefined;
    while (!bad && off < m.length) {
      if (m.length - off < 2) bad = CloseReason.ws_partial;
      else {
        const total = m.readUInt16LE(off);
        if (total < 4) bad = CloseReason.short_frame;
        else if (off + total > m.length) bad = CloseReason.ws_partial;
        else off += total;
      }
    }
    if (bad) return fail(bad, false, end);
    for (off = 0; off < m.length; ) {
      const total = m.readUInt16LE(off);
      const id = m.readUInt16LE(off + 2);
      const b = m.subarray(off + 4, off + total);
      off += total;
      p.decoded++;
      const route = spec.routes.get(id);
      if (route === undefined) return fail(CloseReason.unknown_msg, true, end);
      bump(p.received, NAME.get(id)!);
      if (route.auth && !authed) return fail(CloseReason.out_of_order, true, end);
      let msg: unknown;
      try {
        msg = decodeBody(id as typeof MsgId.Ping, b);
      } catch {
        return fail(CloseReason.bad_body, true, end);
      }
      if (route.leaves) return ((p.left = true), (p.consumed = end), p);
      p.replies++;
      bump(p.sent, NAME.get(route.reply!)!);
      if (spec.logsIn?.(id, msg)) authed = true;
    }
    at = end;
  }
  p.consumed = at;
  return p;
}

/**
 * Runs one planned WebSocket connection (the `ws` client): sends its messages in order (yielding now and then);
 * where the model predicts a violation waits for the server's close, else for every reply with the connection open,
 * then closes it (close handshake or terminate, at random) and checks the server did not close first.
 */
export async function runWsConnection(o: { url: string; seed: number; plan: WsStreamPlan; timeoutMs: number }): Promise<ConnResult & { closeCode: number }> {
  const { WebSocket } = await import('ws');
  const p = o.plan;
  const r = new Rng(connSeed(o.seed, p.index) ^ 0x3c3c3c3c);
  const ws = new WebSocket(o.url, { perMessageDeflate: false });
  ws.on('error', () => {});
  const res = { serverClosed: false, replies: 0, kick: undefined as number | undefined, closeCode: 0 };
  let weClosed = false;
  let allReplies: () => void = () => {};
  const repliesDone = new Promise<void>((resolve) => (allReplies = resolve));
  ws.on('message', (data: Buffer) => {
    for (let off = 0; off + 4 <= data.length; ) {
      const total = data.readUInt16LE(off);
      const msgId = data.readUInt16LE(off + 2);
      if (msgId === MsgId.S2C_Kick) res.kick = decodeBody(MsgId.S2C_Kick, data.subarray(off + 4, off + total)).reason ?? 0;
      else if (++res.replies === p.prediction.replies) allReplies();
      off += total;
    }
  });
  const closed = new Promise<void>((resolve) => ws.on('close', (code) => ((res.serverClosed = !weClosed), (res.closeCode = code), resolve())));
  await new Promise<void>((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const guard = <T>(x: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${o.timeoutMs} ms: ${describePlan(o.seed, p)}; seen ${JSON.stringify(res)}`)), o.timeoutMs)));
    return Promise.race([x, late]).finally(() => clearTimeout(timer));
  };
  if (p.prediction.replies === 0) allReplies();
  for (const m of p.messages) {
    if (ws.readyState !== WebSocket.OPEN) break;
    ws.send(m);
    if (r.chance(0.3)) await tick();
  }
  if (p.prediction.reason) {
    await guard(closed, 'the server did not close the connection');
    if (p.prediction.reason === CloseReason.ws_text) assert.equal(res.closeCode, 1003, describePlan(o.seed, p));
  } else {
    await guard(Promise.race([repliesDone, closed.then(() => Promise.reject(new Error(`the server closed a well-formed connection: ${describePlan(o.seed, p)}; seen ${JSON.stringify(res)}`)))]), 'replies missing');
    weClosed = true;
    if (r.chance(0.5)) ws.close();
    else ws.terminate();
    await guard(closed, 'the connection did not close after the client closed it');
    assert.equal(res.serverClosed, false);
  }
  return res;
}
