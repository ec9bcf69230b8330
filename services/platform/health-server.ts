/**
 * The tiny HTTP server of login and game pods (METRICS_PORT): `/healthz` (liveness: the event loop answers),
 * `/readyz` (200 only while the pod takes players: after its first heartbeat, before draining), `/metrics`.
 * Anything else is a 404 JSON. Plain node:http: it serves three routes and must stay up when all else fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthServerOptions {
  registry: Registry;
  /** Readiness, asked per request; a string says why not ready. */
  ready: () => true | string;
}

export interface HealthServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createHealthServer(opts: HealthServerOptions): HealthServer {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: 'method not allowed' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      const r = opts.ready();
      return r === true ? json(200, { status: 'ready' }) : json(503, { status: 'not_ready', reason: r });
    }
    if (path === '/metrics') {
      opts.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': opts.registry.contentType });
          res.end(text);
        },
        (err: Error) => json(500, { error: err.message }),
      );
      return;
    }
    json(404, { error: 'not found' });
  });
  server.keepAliveTimeout = 65_000; // longer than typical scrape intervals
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
