/**
 * The message table: for every msg id, its protobuf codec, its name (for metric labels) and which side sends it.
 * Handlers get decoded messages from here; the socket layer uses `direction` to reject ids that are not
 * client → this server (protocol.md "unknown_msg").
 */
import { gamecluster } from './gen/gamecluster.js';
import { MsgId, type MsgName } from './wire.js';

const pb = gamecluster.v1;

/** Who may send a message: a client to login, a client to game, a client to either, or a server to the client. */
export type Direction = 'c2l' | 'c2g' | 'c2s' | 's2c' | 'internal';

interface Codec<T> {
  encode(message: T, writer?: unknown): { finish(): Uint8Array };
  decode(reader: Uint8Array, length?: number): T;
}

/** Plain-object shapes of each message (what handlers read and what senders pass). */
export type Ping = gamecluster.v1.Ping.$Properties;
export type Pong = gamecluster.v1.Pong.$Properties;
export type Kick = gamecluster.v1.Kick.$Properties;
export type AppInfoSync = gamecluster.v1.AppInfoSync.$Properties;
export type AccountCheck = gamecluster.v1.AccountCheck.$Properties;
export type AccountCheckRs = gamecluster.v1.AccountCheckRs.$Properties;
export type EnterGame = gamecluster.v1.EnterGame.$Properties;
export type EnterGameRs = gamecluster.v1.EnterGameRs.$Properties;
export type LoginByToken = gamecluster.v1.LoginByToken.$Properties;
export type LoginByTokenRs = gamecluster.v1.LoginByTokenRs.$Properties;
export type Echo = gamecluster.v1.Echo.$Properties;
export type Resume = gamecluster.v1.Resume.$Properties;
export type ResumeRs = gamecluster.v1.ResumeRs.$Properties;
export type Leave = gamecluster.v1.Leave.$Properties;

/** msg id → message type, so `send(id, body)` and handlers are typed by id. */
export interface MessageById {
  [MsgId.Ping]: Ping;
  [MsgId.Pong]: Pong;
  [MsgId.S2C_Kick]: Kick;
  [MsgId.MI_AppInfoSync]: AppInfoSync;
  [MsgId.C2L_AccountCheck]: AccountCheck;
  [MsgId.L2C_AccountCheckRs]: AccountCheckRs;
  [MsgId.C2L_EnterGame]: EnterGame;
  [MsgId.L2C_EnterGameRs]: EnterGameRs;
  [MsgId.C2G_LoginByToken]: LoginByToken;
  [MsgId.G2C_LoginByTokenRs]: LoginByTokenRs;
  [MsgId.C2G_Echo]: Echo;
  [MsgId.G2C_Echo]: Echo;
  [MsgId.C2G_Resume]: Resume;
  [MsgId.G2C_ResumeRs]: ResumeRs;
  [MsgId.C2G_Leave]: Leave;
}

export interface MessageSpec<T = unknown> {
  readonly id: number;
  readonly name: MsgName;
  readonly direction: Direction;
  readonly codec: Codec<T>;
}

function spec<T>(name: MsgName, direction: Direction, codec: Codec<T>): MessageSpec<T> {
  return { id: MsgId[name], name, direction, codec };
}

const table: MessageSpec<any>[] = [
  spec('Ping', 'c2s', pb.Ping),
  spec('Pong', 's2c', pb.Pong),
  spec('S2C_Kick', 's2c', pb.Kick),
  spec('MI_AppInfoSync', 'internal', pb.AppInfoSync),
  spec('C2L_AccountCheck', 'c2l', pb.AccountCheck),
  spec('L2C_AccountCheckRs', 's2c', pb.AccountCheckRs),
  spec('C2L_EnterGame', 'c2l', pb.EnterGame),
  spec('L2C_EnterGameRs', 's2c', pb.EnterGameRs),
  spec('C2G_LoginByToken', 'c2g', pb.LoginByToken),
  spec('G2C_LoginByTokenRs', 's2c', pb.LoginByTokenRs),
  spec('C2G_Echo', 'c2g', pb.Echo),
  spec('G2C_Echo', 's2c', pb.Echo),
  spec('C2G_Resume', 'c2g', pb.Resume),
  spec('G2C_ResumeRs', 's2c', pb.ResumeRs),
  spec('C2G_Leave', 'c2g', pb.Leave),
];

const byId = new Map<number, MessageSpec<any>>(table.map((s) => [s.id, s]));

/** The spec of a msg id, or undefined for an id the protocol does not define. */
export function messageSpec(id: number): MessageSpec<any> | undefined {
  return byId.get(id);
}

export const allMessages: readonly MessageSpec<any>[] = table;

/** True when `id` may be sent by a client to a server of `role`. */
export function acceptsFromClient(role: 'login' | 'game', id: number): boolean {
  const s = byId.get(id);
  if (!s) return false;
  return s.direction === 'c2s' || s.direction === (role === 'login' ? 'c2l' : 'c2g');
}

/** Encodes a message body for `id` (protobuf bytes, without the frame header). */
export function encodeBody<K extends keyof MessageById>(id: K, message: MessageById[K]): Uint8Array {
  const s = byId.get(id);
  if (!s) throw new RangeError(`unknown msg id ${id}`);
  return s.codec.encode(message).finish();
}

/** Decodes a body for `id`; throws on bytes that are not that message (the caller maps it to `bad_body`). */
export function decodeBody<K extends keyof MessageById>(id: K, body: Uint8Array): MessageById[K] {
  const s = byId.get(id);
  if (!s) throw new RangeError(`unknown msg id ${id}`);
  return s.codec.decode(body) as MessageById[K];
}
