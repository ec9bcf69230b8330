/**
 * The Redis of `gamecluster local`: a `redis-server` child on a free loopback port with no persistence (RDB and AOF
 * off, its dir in our temp dir), ready when it answers PING. When `redis-server` is not installed: install it with
 * apt-get if we are root, otherwise fail with one line saying what to do (install it, or set REDIS_URL).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, spawnManaged, type ManagedChild } from './child-process.js';

export class LocalClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalClusterError';
  }
}

function onPath(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

/** Makes sure `redis-server` can be run; installs it when root, else throws one clear line. */
export function ensureRedisServer(log: (line: string) => void = () => {}): void {
  if (onPath('redis-server')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && onPath('apt-get')) {
    log('gamecluster local: redis-server is missing: installing it with apt-get…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (err) {
      throw new LocalClusterError(`redis-server is missing and apt-get could not install it (${(err as Error).message}); install it or set REDIS_URL`);
    }
    if (onPath('redis-server')) return;
  }
  throw new LocalClusterError('redis-server is not installed: install it (e.g. sudo apt-get install redis-server) or set REDIS_URL to a running Redis');
}

export function pingRedis(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, host);
    s.setTimeout(500);
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      resolve(false);
      s.destroy();
    });
  });
}

export interface LocalRedis {
  url: string;
  port: number;
  child: ManagedChild;
}

export async function startLocalRedis(dir: string, timeoutMs = 10_000): Promise<LocalRedis> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--dir', dir, '--loglevel', 'warning'];
  const child = spawnManaged('redis', 'redis-server', args, { PATH: process.env.PATH ?? '' }, join(dir, 'redis.log'));
  const deadline = Date.now() + timeoutMs;
  while (!(await pingRedis(port))) {
    if (!child.running) throw new LocalClusterError(`redis-server exited at start (${await child.exited}): ${child.logTail(500).trim()}`);
    if (Date.now() > deadline) {
      await child.stop(1000);
      throw new LocalClusterError(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, port, child };
}
