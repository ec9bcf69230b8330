/**
 * A frame connection over WebSocket (protocol.md "Transports"): binary messages, each holding whole frames; a text
 * message or a message that ends inside a frame breaks the contract and closes the connection. Works with any
 * WHATWG-shaped WebSocket class — the browser's, Node 22's global one, or the `ws` package's (Node 20) — so this file
 * stays browser-safe and the Node path only chooses the class.
 */
import { readWholeFrames } from './codec.js';
import type { Conn } from './io.js';

/** The part of the WHATWG WebSocket this needs. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketCtor = new (url: string, ...rest: any[]) => WebSocketLike;

const OPEN = 1;

export function wsUrl(host: string, port: number, secure: boolean): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${secure ? 'wss' : 'ws'}://${h}:${port}/`;
}

/** Opens `url`; resolves once open, rejects on error or after `timeoutMs`. `extra` goes to the constructor (ws: TLS options). */
export function dialWebSocket(Ctor: WebSocketCtor, url: string, timeoutMs: number, extra?: unknown): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const ws = extra === undefined ? new Ctor(url) : new Ctor(url, undefined, extra);
    ws.binaryType = 'arraybuffer';
    let settled = false;
    let closedFired = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      try {
        ws.close();
      } catch {
        /* closing a socket that never opened may throw in some implementations; it is being dropped anyway */
      }
      reject(Object.assign(new Error(`WebSocket connect to ${url} timed out after ${timeoutMs} ms`), { name: 'TimeoutError' }));
    }, timeoutMs);
    let lastError: Error | undefined;
    const conn: Conn = {
      send(frames) {
        if (ws.readyState !== OPEN) return false;
        ws.send(frames);
        return true;
      },
      close() {
        if (ws.readyState <= OPEN) ws.close(1000);
      },
      destroy() {
        const t = (ws as { terminate?: () => void }).terminate; // ws package: drop the TCP connection at once
        if (t) t.call(ws);
        else if (ws.readyState <= OPEN) ws.close(1000);
        fireClose(lastError); // the browser's close handshake may take a while; the owner is done with it now
      },
      onFrame: () => {},
      onClose: () => {},
    };
    const fireClose = (err?: Error) => {
      if (closedFired) return;
      closedFired = true;
      conn.onClose(err);
    };
    const fail = (err: Error) => {
      lastError = err;
      try {
        ws.close(err.name === 'ws_text' ? 1003 : 1002);
      } catch {
        /* already closing */
      }
      fireClose(err);
    };
    ws.onopen = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(conn);
    };
    ws.onerror = (ev) => {
      const msg = (ev as { message?: string; error?: Error })?.error?.message ?? (ev as { message?: string })?.message ?? 'WebSocket error';
      const err = Object.assign(new Error(`WebSocket ${url}: ${msg}`), { code: (ev as { error?: { code?: string } })?.error?.code });
      lastError = err;
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(err);
      }
    };
    ws.onclose = (ev) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(lastError ?? new Error(`WebSocket ${url} closed before it opened (${ev.code})`));
        return;
      }
      fireClose(lastError ?? (ev.code === 1000 || ev.code === 1005 ? undefined : new Error(`WebSocket closed with ${ev.code}${ev.reason ? ` ${ev.reason}` : ''}`)));
    };
    ws.onmessage = (ev) => {
      if (closedFired) return;
      const d = ev.data;
      if (typeof d === 'string') return fail(Object.assign(new Error('the server sent a WebSocket text message'), { name: 'ws_text' }));
      const bytes = d instanceof ArrayBuffer ? new Uint8Array(d) : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : undefined;
      if (!bytes) return fail(new Error('unexpected WebSocket message type'));
      try {
        readWholeFrames(bytes, (id, body) => conn.onFrame(id, body));
      } catch (err) {
        fail(err as Error);
      }
    };
  });
}
