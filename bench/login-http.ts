/**
 * Bench: `GET /login` of a real appmgr (Redis Lua pick + bump, coalesced) against a bare fastify route that returns
 * the same schema'd body from a constant, both served by one child process (the "appmgr process shape"), loaded by
 * autocannon from this parent process so the load generator does not share the server's event loop.
 * Two modes: keep-alive (-c 100) and one request per connection (`connection: close`).
 * Run: `npx tsx bench/login-http.ts [--duration 10] [--connections 100]`. Needs redis-server on PATH.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { startRedis } from '../test/helpers/redis-server.js';
import { flag, startBenchAppmgr } from './bench-appmgr.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (o: Record<string, unknown>) => Promise<AutocannonResult>;

const args = process.argv.slice(2);

async function serve(redisUrl: string): Promise<void> {
  const appmgr = await startBenchAppmgr(redisUrl, 'login');
  const bare = Fastify({ logger: false });
  const schema = { type: 'object', properties: { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } } } as const;
  bare.get('/login', { schema: { response: { 200: schema } } }, async () => ({ returncode: 0, ip: '127.0.0.1', port: 5002 }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const addr = bare.server.address();
  process.stdout.write(JSON.stringify({ appmgr: appmgr.httpPort, bare: typeof addr === 'object' && addr ? addr.port : 0 }) + '\n');
  // A normal exit on SIGTERM, so --cpu-prof (BENCH_CPU_PROF=<dir>) gets written.
  process.once('SIGTERM', () => process.exit(0));
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!);
  const duration = flag('--duration', 10);
  const connections = flag('--connections', 100);
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const redis = await startRedis();
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', redis.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
  const ports = JSON.parse(line.split('\n')[0]!) as { appmgr: number; bare: number };
  try {
    const run = async (port: number, close: boolean) => {
      const r = await autocannon({ url: `http://127.0.0.1:${port}/login`, connections, duration, headers: close ? { connection: 'close' } : {} });
      return { rps: Math.round(r.requests.average), p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
    };
    console.log(`login-http bench: ${connections} connections, ${duration} s per run, node ${process.version}`);
    for (const close of [false, true]) {
      await run(ports.appmgr, close); // brief warm-up is the first run's ramp; measure again after
      const a = await run(ports.appmgr, close);
      const b = await run(ports.bare, close);
      const mode = close ? 'connection: close' : 'keep-alive';
      console.log(`${mode.padEnd(18)} appmgr /login: ${a.rps} req/s p99 ${a.p99} ms (non2xx ${a.non2xx}, errors ${a.errors}) | bare fastify: ${b.rps} req/s p99 ${b.p99} ms | ratio ${(a.rps / b.rps).toFixed(2)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await redis.stop();
  }
}

await main();
