/**
 * The echo server (test/helpers/echo-server.ts) as its own process, so tests can check that *the process* survives
 * what they throw at it. Limits come from argv[2] as JSON (`Partial<ConnectionLimits>`). A health/metrics server
 * (services/platform/health-server.ts) serves `/healthz` and `/metrics` on a second port. Once both listen, one JSON
 * line `{"port":…,"wsPort":…,"metricsPort":…,"pid":…}` goes to stdout (it also listens for WebSocket). No 'uncaughtException' handler on purpose: anything
 * that escapes the socket layer kills the process, and the test sees the exit.
 * Run: `node --import tsx test/helpers/echo-server-main.ts '{"maxFramesPerSec":1000000}'`.
 */
import { createHealthServer } from '../../services/platform/health-server.js';
import type { ConnectionLimits } from '../../services/socket/limits.js';
import { startEchoServer } from './echo-server.js';

const limits = JSON.parse(process.argv[2] ?? '{}') as Partial<ConnectionLimits>;
const echo = await startEchoServer(limits, undefined, { ws: true });
const health = createHealthServer({ registry: echo.metrics.registry, ready: () => true });
const metricsPort = await health.listen(0, '127.0.0.1');
process.stdout.write(JSON.stringify({ port: echo.port, wsPort: echo.wsPort, metricsPort, pid: process.pid }) + '\n');

const stop = async () => {
  await echo.close();
  await health.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
