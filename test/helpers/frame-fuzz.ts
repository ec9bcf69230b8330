/**
 * Frame fuzzing for the REAL login and game pods (test/reliability-fuzz.test.ts): a seeded PRNG, generators of valid,
 * mutated and invalid frames per role, and an exact model of what a pod does with one connection's byte stream
 * (framing, routes, the auth requirement of each route, the real protobuf decoder), so a test can say beforehand
 * whether and why the pod must close the connection and how many replies it owes.
 *
 * The same ideas as test/socket-fuzz.test.ts (which fuzzes the bare socket layer in an echo server), specialised to
 * the pods' real routes:
 * - login: Ping (no auth) → Pong; C2L_AccountCheck (no auth) → L2C_AccountCheckRs; C2L_EnterGame (auth).
 * - game: C2G_LoginByToken (no auth) → G2C_LoginByTokenRs; Ping and C2G_Echo (auth) → Pong / G2C_Echo.
 * Streams are built so every reply the model counts is sent synchronously by the pod (or, for async handlers,
 * cannot race a close), which keeps the model exact without a clock: see `planStream`.
 */
import { decodeBody, encodeBody } from '../../services/protocol/messages.js';
import { CloseReason, MsgId } from '../../services/protocol/wire.js';
import { encodeFrame } from '../../services/socket/frame-codec.js';

export type Role = 'login' | 'game';

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

/** What one written item is (for the tallies; the model, not the kind, decides what the pod does). */
export type Kind = 'valid' | 'mutated_body' | 'corrupt_body' | 'truncated' | 'oversized_length' | 'wrong_direction' | 'unknown_id' | 'short_length' | 'random_bytes' | 'out_of_order';

export interface Item {
  kind: Kind;
  bytes: Buffer;
}

interface RoleSpec {
  /** Routed ids → whether the route requires an authenticated connection. */
  routes: Map<number, boolean>;
  /** Known ids that are not client → this role. */
  wrongDirection: readonly number[];
}

const ROLES: Record<Role, RoleSpec> = {
  login: {
    routes: new Map([
      [MsgId.Ping, false],
      [MsgId.C2L_AccountCheck, false],
      [MsgId.C2L_EnterGame, true],
    ]),
    wrongDirection: [MsgId.Pong, MsgId.S2C_Kick, MsgId.MI_AppInfoSync, MsgId.L2C_AccountCheckRs, MsgId.L2C_EnterGameRs, MsgId.C2G_LoginByToken, MsgId.G2C_LoginByTokenRs, MsgId.C2G_Echo, MsgId.G2C_Echo],
  },
  game: {
    routes: new Map([
      [MsgId.C2G_LoginByToken, false],
      [MsgId.Ping, true],
      [MsgId.C2G_Echo, true],
    ]),
    wrongDirection: [MsgId.Pong, MsgId.S2C_Kick, MsgId.MI_AppInfoSync, MsgId.C2L_AccountCheck, MsgId.L2C_AccountCheckRs, MsgId.C2L_EnterGame, MsgId.L2C_EnterGameRs, MsgId.G2C_LoginByTokenRs, MsgId.G2C_Echo],
  },
};
const KNOWN = new Set<number>(Object.values(MsgId));

function body(r: Rng, id: number): Buffer {
  switch (id) {
    case MsgId.Ping:
      return Buffer.from(encodeBody(MsgId.Ping, { clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2G_Echo:
      return Buffer.from(encodeBody(MsgId.C2G_Echo, { payload: r.bytes(r.int(48)), clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2G_LoginByToken:
      // Never a real token: on an online connection ALREADY_ONLINE, elsewhere TOKEN_INVALID (or BUSY while pending).
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

/** The cheap valid frames of a role on a connection in a given auth state (see planStream for why these). */
function validFrame(r: Rng, role: Role, authed: boolean): Buffer {
  if (role === 'login') return encodeFrame(MsgId.Ping, body(r, MsgId.Ping));
  if (!authed) return encodeFrame(MsgId.C2G_LoginByToken, body(r, MsgId.C2G_LoginByToken));
  const id = r.chance(0.02) ? MsgId.C2G_LoginByToken : r.chance(0.2) ? MsgId.Ping : MsgId.C2G_Echo;
  return encodeFrame(id, body(r, id));
}

/**
 * One item that is not a plain valid frame. `safeIds` are the routed ids whose (mutated) bodies may be sent without
 * making the model inexact (login: not AccountCheck, whose async OK would race later frames).
 */
function offender(r: Rng, role: Role, authed: boolean): Item {
  const spec = ROLES[role];
  const x = r.int(100);
  if (x < 30) {
    // Valid header, corrupt or mutated body (the model decides whether it still decodes).
    const ids = role === 'login' ? [MsgId.Ping, MsgId.Ping, MsgId.C2L_AccountCheck] : authed ? [MsgId.C2G_Echo, MsgId.Ping, MsgId.C2G_LoginByToken] : [MsgId.C2G_LoginByToken];
    const id = r.pick(ids);
    // AccountCheck bodies only in the never-decoding form: a decodable one would log in asynchronously.
    const b = id === MsgId.C2L_AccountCheck ? Buffer.concat([body(r, id), NEVER_DECODES]) : mutate(r, body(r, id));
    return { kind: 'corrupt_body', bytes: encodeFrame(id, b) };
  }
  if (x < 40) {
    const f = validFrame(r, role, authed);
    return { kind: 'truncated', bytes: f.subarray(0, r.int(f.length)) };
  }
  if (x < 50) {
    const f = Buffer.from(validFrame(r, role, authed));
    f.writeUInt16LE(r.range(Math.min(65535, f.length + 1), 65535), 0);
    return { kind: 'oversized_length', bytes: f };
  }
  if (x < 65) {
    const id = r.pick(spec.wrongDirection);
    return { kind: 'wrong_direction', bytes: encodeFrame(id, body(r, id)) };
  }
  if (x < 75) {
    let id: number;
    do id = r.int(65536);
    while (KNOWN.has(id));
    return { kind: 'unknown_id', bytes: encodeFrame(id, r.bytes(r.int(16))) };
  }
  if (x < 85) {
    const f = Buffer.alloc(r.range(2, 4));
    f.writeUInt16LE(r.int(4), 0);
    if (f.length > 2) r.bytes(f.length - 2).copy(f, 2);
    return { kind: 'short_length', bytes: f };
  }
  if (x < 93 && !authed) {
    // A route that needs a login, sent before it.
    const id = role === 'login' ? MsgId.C2L_EnterGame : r.pick([MsgId.Ping, MsgId.C2G_Echo]);
    return { kind: 'out_of_order', bytes: encodeFrame(id, body(r, id)) };
  }
  return { kind: 'random_bytes', bytes: r.bytes(r.range(1, 48)) };
}

export interface Prediction {
  reason: CloseReason | undefined;
  kick: boolean;
  /** Frames the pod takes off the wire: complete frames up to and including a violating one, or a short header. */
  decoded: number;
  /** Bytes of the stream the pod looks at. */
  consumed: number;
  /** Replies the pod sends before closing. */
  replies: number;
}

/** What the pod of `role` does with this byte stream on a connection that starts `authed` or not. */
export function predict(role: Role, stream: Buffer, authed: boolean): Prediction {
  const routes = ROLES[role].routes;
  const p: Prediction = { reason: undefined, kick: false, decoded: 0, consumed: 0, replies: 0 };
  let off = 0;
  const fail = (reason: CloseReason, kick: boolean) => ((p.reason = reason), (p.kick = kick), (p.consumed = off), p);
  while (stream.length - off >= 2) {
    const total = stream.readUInt16LE(off);
    if (total < 4) return (p.decoded++, (off += 2), fail(CloseReason.short_frame, false));
    if (stream.length - off < total) break; // incomplete: the pod waits for the rest
    const id = stream.readUInt16LE(off + 2);
    const b = stream.subarray(off + 4, off + total);
    off += total;
    p.decoded++;
    const needsAuth = routes.get(id);
    if (needsAuth === undefined) return fail(CloseReason.unknown_msg, true);
    if (needsAuth && !authed) return fail(CloseReason.out_of_order, true);
    try {
      decodeBody(id as typeof MsgId.Ping, b);
    } catch {
      return fail(CloseReason.bad_body, true);
    }
    p.replies++;
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
 * One connection's plan. Frames per connection: 1..maxFrames. About half the connections carry offenders (one or a
 * few, at random places; the first that violates ends the connection), the rest are valid frames with
 * interleaved mutated-but-decodable ones and maybe a truncated tail.
 * Exactness rules: on login only Ping is pipelined (an AccountCheck answers after an await, so a connection that
 * sends one sends nothing else before its answer); on game an authenticated connection gets its token login done
 * before the stream, and an unauthenticated one only carries LoginByToken frames with fake tokens plus offenders.
 */
export function planStream(seed: number, index: number, role: Role, maxFrames: number, authed: boolean): StreamPlan {
  const r = new Rng(connSeed(seed, index));
  const items: Item[] = [];
  const n = r.chance(0.1) ? r.range(1, 8) : r.range(1, maxFrames);
  const accountCheck = role === 'login' && r.chance(0.1) ? `fz-${seed.toString(16)}-${index}` : undefined;
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
  const stream = Buffer.concat(items.map((i) => i.bytes));
  return { index, role, authed, accountCheck, items, stream, prediction: predict(role, stream, authed) };
}

export function describePlan(seed: number, p: StreamPlan): string {
  const kinds: Record<string, number> = {};
  for (const i of p.items) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
  return `${p.role} connection #${p.index} (FUZZ_SEED=${seed}, authed ${p.authed}): items ${JSON.stringify(kinds)}, prediction ${JSON.stringify(p.prediction)}, first bytes ${p.stream.subarray(0, 64).toString('hex')}`;
}
