/**
 * Bench: `AllocateGame` calls/s through a real appmgr (gRPC → coalesced Lua pick + bump in Redis) with 50
 * concurrent callers on one channel, appmgr in a child process so the callers do not share its event loop.
 * Run: `npx tsx bench/allocate-grpc.ts [--duration 10] [--callers 50]`. Needs redis-server on PATH.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { flag, startBenchAppmgr } from './bench-appmgr.js';

const args = process.argv.slice(2);

async function serve(redisUrl: string): Promise<void> {
  const appmgr = await startBenchAppmgr(redisUrl, 'game');
  process.stdout.write(JSON.stringify({ grpc: appmgr.grpcPort }) + '\n');
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!);
  const duration = flag('--duration', 10);
  const callers = flag('--callers', 50);
  const redis = await startRedis();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', redis.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
  const { grpc: port } = JSON.parse(line.split('\n')[0]!) as { grpc: number };
  const { proto } = loadAppmgrProto();
  const api = new proto.gamecluster.v1.AppMgrService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      api.allocateGame({ account: 'bench' }, (err, res) => (err ? reject(err) : res?.returnCode === ('RETURN_CODE_OK' as never) ? resolve(performance.now() - t0) : reject(new Error(String(res?.returnCode)))));
    });
  try {
    const measure = async (seconds: number) => {
      const lat: number[] = [];
      let errors = 0;
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (Date.now() < end) {
            try {
              lat.push(await call());
            } catch {
              errors++;
            }
          }
        }),
      );
      lat.sort((a, b) => a - b);
      return { rate: Math.round(lat.length / seconds), p50: lat[Math.floor(lat.length * 0.5)] ?? 0, p99: lat[Math.floor(lat.length * 0.99)] ?? 0, errors };
    };
    await measure(1); // warm-up
    const r = await measure(duration);
    console.log(`allocate-grpc bench: ${callers} concurrent callers, ${duration} s, node ${process.version}`);
    console.log(`AllocateGame: ${r.rate} calls/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, errors ${r.errors}`);
  } finally {
    api.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
    await redis.stop();
  }
}

await main();
