/**
 * The browser side of the SDK's platform (io.ts): `fetch` for `GET /login` (cross-origin: appmgr answers with CORS,
 * `CORS_ORIGINS`, and exposes Retry-After) and the global WebSocket. Plain TCP does not exist in a browser.
 */
import { ClientError } from './errors.js';
import type { ClientIo, Conn, DialOptions, HttpAnswer } from './io.js';
import { dialWebSocket, wsUrl, type WebSocketCtor } from './ws-conn.js';

async function httpGet(url: string, timeoutMs: number): Promise<HttpAnswer> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: ac.signal});
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
  } catch (err) {
    if (ac.signal.aborted) throw Object.assign(new Error(`timed out after ${timeoutMs} ms`), { name: 'TimeoutError' });
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function dial(o: DialOptions): Promise<Conn> {
  if (o.transport !== 'ws') throw new ClientError('http_login', 'unsupported_transport', `transport '${o.transport}' is not available in a browser: use transport 'ws'`);
  const Ctor = (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  if (!Ctor) throw new ClientError('http_login', 'unsupported_transport', 'this environment has no WebSocket');
  return dialWebSocket(Ctor, wsUrl(o.host, o.port, o.tls !== false), o.timeoutMs);
}

export const browserIo: ClientIo = { dial, httpGet };
