/**
 * Connection identity (protocol.md "Connection identity"): a `SocketKey` is a per-process sequence number that is
 * never reused during the process's life, plus the network type; an `ObjectKey` is the account once authenticated.
 * Senders address a player by the pair, so a message meant for a closed connection can never reach a newer one.
 */
/** `tcp`: TCP or TLS; `ws`: WebSocket (ws or wss). */
export type NetType = 'tcp' | 'ws';

/** Printable socket key, e.g. `tcp:42` or `ws:43` (or `tcp:w2:42` under multi-worker pods, where `w2` is the worker). */
export type SocketKey = string;
export type ObjectKey = string;

export interface Identity {
  readonly socketKey: SocketKey;
  readonly objectKey: ObjectKey;
}

let seq = 0;
let scope = '';

/** Prefixes every socket key minted by this process with `scope` (a worker id), so keys stay unique per pod. */
export function setSocketKeyScope(s: string): void {
  scope = s ? `${s}:` : '';
}

export function nextSocketKey(net: NetType = 'tcp'): SocketKey {
  seq += 1;
  return `${net}:${scope}${seq}`;
}
