/**
 * The `bytes` fields a module receives are its own (game-module.md, docs/game-modules.md "Messages"): protobufjs
 * decodes a `bytes` field as a view into the buffer it read, which here is the socket read the frame came in (up to
 * a whole WebSocket message), so a module that stored one — a chat line, a blob — kept that whole read alive. After
 * decoding, every `bytes` field (in nested messages, repeated fields and map values too) is replaced by a copy of
 * exactly its length. A message type without any `bytes` field anywhere costs nothing (no copier).
 */
import protobuf from 'protobufjs';

type Copier = (message: Record<string, unknown>) => void;

/** A copy of `v` in a buffer of its own (not a slice of Node's shared pool, which it would pin). */
function own(v: unknown): unknown {
  if (!(v instanceof Uint8Array) || v.length === 0) return v;
  const c = Buffer.allocUnsafeSlow(v.length);
  c.set(v);
  return c;
}

/** The copier of `type`'s bytes fields, or undefined when no `bytes` field can occur in it. */
export function ownBytesCopier(type: protobuf.Type): Copier | undefined {
  return build(type, new Map());
}

function build(type: protobuf.Type, memo: Map<protobuf.Type, Copier | undefined | null>): Copier | undefined {
  if (memo.has(type)) {
    const m = memo.get(type);
    // null: being built (a recursive type): look it up when it runs.
    return m === null ? (msg) => memo.get(type)?.(msg) : m;
  }
  memo.set(type, null);
  const steps: Copier[] = [];
  for (const f of type.fieldsArray) {
    f.resolve();
    const name = f.name;
    let one: ((v: unknown) => unknown) | undefined;
    if (f.type === 'bytes') one = own;
    else if (f.resolvedType instanceof protobuf.Type) {
      const inner = build(f.resolvedType, memo);
      if (inner) one = (v) => (v && typeof v === 'object' ? (inner(v as Record<string, unknown>), v) : v);
    }
    if (!one) continue;
    const fix = one;
    if (f.map) {
      steps.push((m) => {
        const o = m[name] as Record<string, unknown> | undefined;
        if (o) for (const k of Object.keys(o)) o[k] = fix(o[k]);
      });
    } else if (f.repeated) {
      steps.push((m) => {
        const a = m[name] as unknown[] | undefined;
        if (a) for (let i = 0; i < a.length; i++) a[i] = fix(a[i]);
      });
    } else {
      steps.push((m) => {
        if (m[name] !== undefined) m[name] = fix(m[name]);
      });
    }
  }
  const copier: Copier | undefined = steps.length === 0 ? undefined : (m) => {
    for (const s of steps) s(m);
  };
  memo.set(type, copier);
  return copier;
}
