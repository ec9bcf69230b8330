/**
 * The Node side of the SDK's platform (io.ts): TCP/TLS frame connections (node:net, node:tls), `GET /login` on its
 * own connection (node:http/https with no agent and `connection: close`, like a game client — and like the robots
 * always measured it), WebSocket through the global class when Node has one (22+) or the `ws` package (20; also
 * whenever TLS options such as a private CA must reach the handshake), and `.proto` files loaded with protobufjs.
 * Only `index.ts` imports this file, dynamically; the browser entry never reaches it.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { FrameReader } from './codec.js';
import type { ClientIo, Conn, DialOptions, HttpAnswer } from './io.js';
import { dialWebSocket, wsUrl, type WebSocketCtor } from './ws-conn.js';

function dialTcp(o: DialOptions): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const tlsOpts = (o.tls === true ? {} : o.tls || undefined) as (ConnectionOptions & { servername?: string }) | undefined;
    const socket: Socket = tlsOpts
      ? tlsConnect({ port: o.port, host: o.host, ...tlsOpts, servername: tlsOpts.servername ?? (isIP(o.host) ? undefined : o.host) })
      : netConnect({ port: o.port, host: o.host, noDelay: true });
    if (tlsOpts) socket.setNoDelay(true);
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error(`connect to ${o.host}:${o.port} timed out after ${o.timeoutMs} ms`), { name: 'TimeoutError' })),
      o.timeoutMs,
    );
    const onError = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    socket.once('error', onError);
    socket.once(tlsOpts ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      let closeErr: Error | undefined;
      const conn: Conn = {
        send: (frames) => (socket.destroyed || !socket.writable ? false : (socket.write(frames), true)),
        close: () => void socket.end(),
        destroy: () => void socket.destroy(),
        onFrame: () => {},
        onClose: () => {},
      };
      const reader = new FrameReader((id, body) => conn.onFrame(id, body));
      socket.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch (err) {
          socket.destroy(err as Error);
        }
      });
      socket.on('error', (err) => (closeErr = err));
      socket.on('close', () => conn.onClose(closeErr));
      resolve(conn);
    });
  });
}

function httpGet(url: string, timeoutMs: number): Promise<HttpAnswer> {
  const u = new URL(url);
  const req = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = req(u, { method: 'GET', agent: false, headers: { connection: 'close', accept: 'application/json' } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const ra = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof ra === 'string' ? ra : null, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => r.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    r.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    r.end();
  });
}

let wsPackage: Promise<WebSocketCtor> | undefined;
async function webSocketClass(needsTlsOptions: boolean): Promise<WebSocketCtor> {
  const g = (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  if (g && !needsTlsOptions) return g;
  wsPackage ??= import('ws').then((m) => (m.WebSocket ?? m.default) as unknown as WebSocketCtor);
  return wsPackage;
}

async function dial(o: DialOptions): Promise<Conn> {
  if (o.transport === 'tcp') return dialTcp(o);
  const tlsOpts = typeof o.tls === 'object' ? o.tls : undefined;
  const Ctor = await webSocketClass(tlsOpts !== undefined);
  return dialWebSocket(Ctor, wsUrl(o.host, o.port, o.tls !== false), o.timeoutMs, tlsOpts ? { ...tlsOpts } : undefined);
}

async function loadProto(source: string | URL): Promise<unknown> {
  const protobuf = (await import('protobufjs')).default;
  const path = source instanceof URL ? fileURLToPath(source) : source.startsWith('file:') ? fileURLToPath(source) : source;
  return protobuf.load(path);
}

export const nodeIo: ClientIo = { dial, httpGet, loadProto };
