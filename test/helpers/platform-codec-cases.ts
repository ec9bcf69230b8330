/**
 * The platform's client-facing messages as the TypeScript codec (services/protocol/gen, generated from the proto)
 * sees them, for checking another language's codec against it: `randomCases` makes seeded random messages (edge
 * values included: extremes, negative int32/enums, unknown enum numbers, multi-byte and astral strings, long bytes,
 * every oneof case, maps of 0–8 entries) encoded canonically (proto3: no field at its default); `dump` renders a
 * decoded message as the C# package's ToString() does (proto field names, every field, int64 as a decimal string,
 * bytes as hex, map keys sorted, an absent message as null), so the two are compared as plain JSON.
 */
import type LongType from 'long';
import protobuf from 'protobufjs/minimal.js';
import { gamecluster } from '../../services/protocol/gen/gamecluster.js';

/** protobufjs's own Long (the `long` package it depends on), not a dependency of this repository by itself. */
const Long = protobuf.util.Long as unknown as typeof LongType;
type Long = LongType;

type Kind = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'enum' | 'map' | { msg: string };
type Field = readonly [camel: string, snake: string, kind: Kind];

export const MESSAGES = {
  Ping: [['clientTimeMs', 'client_time_ms', 'int64']],
  Pong: [['clientTimeMs', 'client_time_ms', 'int64'], ['serverTimeMs', 'server_time_ms', 'int64']],
  Kick: [['reason', 'reason', 'enum']],
  AccountCheck: [['account', 'account', 'string'], ['password', 'password', 'string'], ['token', 'token', 'string']],
  AccountCheckRs: [['returnCode', 'return_code', 'enum'], ['playerId', 'player_id', 'string']],
  RoomSpec: [['mode', 'mode', 'string'], ['maxPlayers', 'max_players', 'int32'], ['isPrivate', 'is_private', 'bool'], ['labels', 'labels', 'map']],
  RoomJoin: [['roomId', 'room_id', 'string']],
  RoomRequest: [['create', 'create', { msg: 'RoomSpec' }], ['join', 'join', { msg: 'RoomJoin' }], ['find', 'find', { msg: 'RoomSpec' }]],
  EnterGame: [['room', 'room', { msg: 'RoomRequest' }], ['admission', 'admission', 'string']],
  EnterGameRs: [['returnCode', 'return_code', 'enum'], ['ip', 'ip', 'string'], ['port', 'port', 'int32'], ['token', 'token', 'string'], ['roomId', 'room_id', 'string']],
  LoginByToken: [['account', 'account', 'string'], ['token', 'token', 'string']],
  LoginByTokenRs: [['returnCode', 'return_code', 'enum'], ['playerId', 'player_id', 'string'], ['resumeToken', 'resume_token', 'string'], ['roomId', 'room_id', 'string']],
  Resume: [['account', 'account', 'string'], ['resumeToken', 'resume_token', 'string']],
  ResumeRs: [['returnCode', 'return_code', 'enum'], ['resumeToken', 'resume_token', 'string']],
  Leave: [],
  Echo: [['payload', 'payload', 'bytes'], ['clientTimeMs', 'client_time_ms', 'int64']],
} as const satisfies Record<string, readonly Field[]>;
export type MessageName = keyof typeof MESSAGES;
export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

interface Codec {
  encode(m: object): { finish(): Uint8Array };
  decode(b: Uint8Array): Record<string, unknown>;
}
export const codec = (t: MessageName) => (gamecluster.v1 as unknown as Record<string, Codec>)[t]!;

/** Whether the message (or one it holds) has a map field: its entries may be written in any order. */
export function hasMap(t: MessageName): boolean {
  return (MESSAGES[t] as readonly Field[]).some(([, , k]) => k === 'map' || (typeof k === 'object' && hasMap(k.msg as MessageName)));
}

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Z', '0', '_', '-', '.', '@', ' ', 'é', 'ß', '中', '文', '😀', '🎮', '\u0000', '\n', '"', '\\', '\u007f', '\u00a0'];

function gen(rnd: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo));
  const str = () => {
    const n = rnd() < 0.25 ? 0 : int(1, 24);
    let s = '';
    for (let i = 0; i < n; i++) s += PIECES[int(0, PIECES.length)];
    return s;
  };
  const i32 = () => {
    switch (int(0, 6)) {
      case 0: return 0;
      case 1: return int(-10, 130);
      case 2: return -2147483648 + int(0, 3);
      case 3: return 2147483647 - int(0, 3);
      default: return int(-2147483648, 2147483647);
    }
  };
  const i64 = (): Long => {
    switch (int(0, 6)) {
      case 0: return Long.ZERO;
      case 1: return Long.fromInt(int(-1000, 1000));
      case 2: return Long.MIN_VALUE.add(int(0, 3));
      case 3: return Long.MAX_VALUE.subtract(int(0, 3));
      case 4: return Long.fromNumber(1_700_000_000_000 + int(0, 2 ** 31));
      default: return Long.fromBits(int(-2147483648, 2147483647), int(-2147483648, 2147483647));
    }
  };
  const en = () => {
    const k = int(0, 10);
    return k < 7 ? int(0, 14) : k < 9 ? int(14, 1000) : -int(1, 5);
  };
  const bytes = () => {
    const n = rnd() < 1 / 3 ? 0 : int(1, rnd() < 0.1 ? 3000 : 40);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = int(0, 256);
    return b;
  };
  /** A random message with only its non-default fields set (what a canonical proto3 encoder writes). */
  const message = (t: MessageName): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    if (t === 'RoomRequest') {
      const pick = int(0, 4);
      if (pick === 1) o.create = message('RoomSpec');
      if (pick === 2) o.join = message('RoomJoin');
      if (pick === 3) o.find = message('RoomSpec');
      return o;
    }
    for (const [camel, , kind] of MESSAGES[t] as readonly Field[]) {
      let v: unknown;
      if (kind === 'string') v = str() || undefined;
      else if (kind === 'int32') v = i32() || undefined;
      else if (kind === 'enum') v = en() || undefined;
      else if (kind === 'bool') v = rnd() < 0.5 || undefined;
      else if (kind === 'int64') {
        const l = i64();
        v = l.isZero() ? undefined : l;
      } else if (kind === 'bytes') {
        const b = bytes();
        v = b.length ? b : undefined;
      } else if (kind === 'map') {
        const m: Record<string, string> = {};
        const n = int(0, 9);
        for (let i = 0; i < n; i++) m[str()] = str();
        v = Object.keys(m).length ? m : undefined;
      } else v = rnd() < 1 / 3 ? undefined : message(kind.msg as MessageName);
      if (v !== undefined) o[camel] = v;
    }
    return o;
  };
  return message;
}

export interface Case {
  type: MessageName;
  bytes: Uint8Array;
}

/** `count` random messages of every type, encoded by the TypeScript codec. */
export function randomCases(seed: number, count: number): Case[] {
  const message = gen(prng(seed));
  const out: Case[] = [];
  for (const type of MESSAGE_NAMES) for (let i = 0; i < count; i++) out.push({ type, bytes: codec(type).encode(message(type)).finish() });
  return out;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** A decoded message as the C# package dumps it (ToString()). */
export function dump(t: MessageName, m: Record<string, unknown> | null | undefined): unknown {
  if (m === null || m === undefined) return null;
  const o: Record<string, unknown> = {};
  for (const [camel, snake, kind] of MESSAGES[t] as readonly Field[]) {
    const v = m[camel];
    if (kind === 'string') o[snake] = (v as string | undefined) ?? '';
    else if (kind === 'int32' || kind === 'enum') o[snake] = (v as number | undefined) ?? 0;
    else if (kind === 'bool') o[snake] = Boolean(v);
    else if (kind === 'int64') o[snake] = v === undefined || v === null ? '0' : String(v);
    else if (kind === 'bytes') o[snake] = hex((v as Uint8Array | undefined) ?? new Uint8Array(0));
    else if (kind === 'map') {
      const e = Object.entries((v as Record<string, string> | undefined) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      o[snake] = Object.fromEntries(e);
    } else o[snake] = dump(kind.msg as MessageName, v as Record<string, unknown> | null | undefined);
  }
  return o;
}
