/**
 * The game module's own messages on the client (docs/game-modules.md, docs/client-sdk.md): the same `messages` table the module declares
 * (ids 10000–65535, `from: 'client' | 'server'`, a protobuf type name) resolved against the game's `proto` — a
 * protobufjs Root, or its JSON descriptor (`root.toJSON()`, what a web build embeds). Without a table the session
 * speaks the built-in `echo` module: `Echo` is C2G_Echo out and G2C_Echo in.
 * Browser-safe: protobufjs/light (reflection, no .proto parser, no file access).
 */
import protobuf from 'protobufjs/light.js';
import { decodeBody, encodeBody } from '../protocol/messages.js';
import { GAME_MSG_ID_MAX, GAME_MSG_ID_MIN, MsgId } from '../protocol/wire.js';

export interface MessageDecl {
  readonly name: string;
  readonly from: 'client' | 'server';
  /** Fully qualified protobuf type, e.g. `arena.v1.Move`. */
  readonly type: string;
}
export type MessagesTable = Readonly<Record<number, MessageDecl>>;

export class MessagesError extends Error {
  readonly code = 'MESSAGES_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'MessagesError';
  }
}

interface Entry {
  id: number;
  name: string;
  encode(body: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** Encodes what the client sends by name and decodes what the server sends by id. */
export interface GameCodec {
  outgoing(name: string): Entry | undefined;
  incoming(id: number): Entry | undefined;
  /** Names the server may send (for error messages and docs). */
  readonly serverNames: readonly string[];
}

/** The built-in echo module: `Echo` both ways. */
export const echoCodec: GameCodec = {
  outgoing: (name) =>
    name === 'Echo' ? { id: MsgId.C2G_Echo, name, encode: (b) => encodeBody(MsgId.C2G_Echo, b as object), decode: (x) => decodeBody(MsgId.C2G_Echo, x) } : undefined,
  incoming: (id) => (id === MsgId.G2C_Echo ? { id, name: 'Echo', encode: (b) => encodeBody(MsgId.G2C_Echo, b as object), decode: (x) => decodeBody(MsgId.G2C_Echo, x) } : undefined),
  serverNames: ['Echo'],
};

/** Decoded bodies are plain objects: 64-bit integers as numbers, enums as numbers, bytes as Uint8Array, defaults filled in. */
const toObjectOptions: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: true };

function isRoot(x: unknown): x is protobuf.Root {
  return typeof (x as protobuf.Root)?.lookupType === 'function';
}

/** A protobufjs Root from a Root or a JSON descriptor. */
export function toRoot(proto: unknown): protobuf.Root {
  if (isRoot(proto)) return proto;
  if (proto && typeof proto === 'object' && 'nested' in proto) return protobuf.Root.fromJSON(proto as protobuf.INamespace);
  throw new MessagesError('proto must be a protobufjs Root or its JSON descriptor (root.toJSON()); in Node also a .proto path or file: URL');
}

export function buildGameCodec(proto: unknown, messages: MessagesTable): GameCodec {
  const root = toRoot(proto);
  const out = new Map<string, Entry>();
  const inc = new Map<number, Entry>();
  const names = new Set<string>();
  for (const [key, d] of Object.entries(messages)) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < GAME_MSG_ID_MIN || id > GAME_MSG_ID_MAX) throw new MessagesError(`message id ${key} (${d.name}) is outside ${GAME_MSG_ID_MIN}–${GAME_MSG_ID_MAX}`);
    if (names.has(d.name)) throw new MessagesError(`message name ${d.name} is declared twice`);
    names.add(d.name);
    let type: protobuf.Type;
    try {
      type = root.lookupType(d.type);
    } catch {
      throw new MessagesError(`message ${id} ${d.name}: type ${d.type} is not in the proto`);
    }
    const entry: Entry = {
      id,
      name: d.name,
      encode: (body) => type.encode(type.fromObject(body as Record<string, unknown>)).finish(),
      decode: (bytes) => type.toObject(type.decode(bytes), toObjectOptions),
    };
    if (d.from === 'client') out.set(d.name, entry);
    else if (d.from === 'server') inc.set(id, entry);
    else throw new MessagesError(`message ${id} ${d.name}: from must be 'client' or 'server'`);
  }
  return { outgoing: (n) => out.get(n), incoming: (id) => inc.get(id), serverNames: [...inc.values()].map((e) => e.name) };
}
