/**
 * A FrameServer wired like a game pod minus Redis: `C2G_LoginByToken` authenticates any account whose token is
 * "ok", `C2G_Echo` echoes (optionally also over WebSocket). Used by the socket-layer tests, the fuzz test and bench/socket-echo.
 */
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import * as echoMod from '../../services/game/echo.js';
import * as metricsMod from '../../services/platform/metrics.js';
import type { PodMetrics } from '../../services/platform/metrics.js';
import * as wireMod from '../../services/protocol/wire.js';
import * as serverMod from '../../services/socket/frame-server.js';
import type { FrameServer } from '../../services/socket/frame-server.js';
import type { ConnectionLimits } from '../../services/socket/limits.js';
import type { TlsFiles } from '../../services/socket/tls-files.js';

export interface EchoServer {
  server: FrameServer<object>;
  metrics: PodMetrics;
  port: number;
  /** The WebSocket port (0 unless started with `{ ws: true }`). */
  wsPort: number;
  counter(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

/**
 * The socket layer this server runs: this tree's sources, or — `services`, a directory built by `npm run build`
 * (bench/lib/measure.ts `compiledServices`) — the compiled modules the image ships, for benches.
 */
async function socketLayer(services?: string) {
  if (!services) return { ...echoMod, ...metricsMod, ...wireMod, ...serverMod };
  const load = <T>(m: string) => import(pathToFileURL(`${services}/${m}.js`).href) as Promise<T>;
  return {
    ...(await load<typeof echoMod>('game/echo')),
    ...(await load<typeof metricsMod>('platform/metrics')),
    ...(await load<typeof wireMod>('protocol/wire')),
    ...(await load<typeof serverMod>('socket/frame-server')),
  };
}

export async function startEchoServer(limits: Partial<ConnectionLimits> = {}, tls?: TlsFiles, opts: { ws?: boolean; services?: string; wsAllowedOrigins?: string[] } = {}): Promise<EchoServer> {
  const { echoBody, createPodMetrics, MsgId, ReturnCode, FrameServer } = await socketLayer(opts.services);
  const metrics = createPodMetrics('game');
  const server = new FrameServer<object>({ role: 'game', logger: pino({ level: 'silent' }), metrics, limits, tls, wsAllowedOrigins: opts.wsAllowedOrigins, initialData: () => ({}) });
  server.handle(MsgId.Ping, { requiresAuth: false }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  server.handle(MsgId.C2G_LoginByToken, { requiresAuth: false }, (c, m) => {
    if (m.token === 'ok' && m.account) {
      c.authenticate(m.account);
      c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.OK, playerId: m.account });
    } else c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.TOKEN_INVALID });
  });
  server.handleBody(MsgId.C2G_Echo, { requiresAuth: true }, echoBody); // the game pod's echo (services/game/echo.ts)
  const port = await server.listen(0, '127.0.0.1');
  const wsPort = opts.ws ? await server.listenWs(0, '127.0.0.1') : 0;
  return {
    server,
    metrics,
    port,
    wsPort,
    async counter(name, labels = {}) {
      const m = await metrics.registry.getSingleMetric(name)?.get();
      return (m?.values ?? []).filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((a, v) => a + v.value, 0);
    },
    close: () => server.close(),
  };
}
