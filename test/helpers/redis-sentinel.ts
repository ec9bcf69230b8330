/**
 * A real Sentinel deployment for tests, on loopback: a primary, one replica and 3 `redis-sentinel` processes
 * (Debian's package; `down-after-milliseconds 1000`, `failover-timeout 3000`) monitoring `mymaster`, each with its
 * own config file in a temp dir (Sentinel rewrites it). Ready once the replica is in sync and every sentinel knows
 * the replica and the two other sentinels, so a failover can start as soon as the primary dies. `killPrimary()`
 * SIGKILLs the current primary; `stop()` kills everything and removes the temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pingRedis } from '../../services/local/redis-launcher.js';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

export interface TestSentinels {
  /** `redis-sentinel://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c/mymaster` */
  readonly url: string;
  readonly sentinelPorts: number[];
  /** Port of the current primary, asked from a sentinel. */
  primaryPort(): Promise<number>;
  /** SIGKILLs the process serving as primary now; returns its port. */
  killPrimary(): Promise<number>;
  stop(): Promise<void>;
}

const MASTER = 'mymaster';

export async function startSentinels(): Promise<TestSentinels> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-sentinel-'));
  const children = new Map<number, ChildProcess>();
  const spawnChild = (port: number, cmd: string, args: string[]) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    c.on('error', (err) => {
      throw new Error(`${cmd} could not start (is it installed? apt-get install redis-sentinel): ${err.message}`);
    });
    children.set(port, c);
  };
  const data = (port: number, extra: string[] = []) => [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--dir', dir, '--loglevel', 'warning', ...extra,
  ];
  const stop = async () => {
    await Promise.all(
      [...children.values()].map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const exited = once(c, 'exit');
        c.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primary = await freePort();
    const replica = await freePort();
    spawnChild(primary, 'redis-server', data(primary));
    spawnChild(replica, 'redis-server', data(replica, ['--replicaof', '127.0.0.1', String(primary)]));
    await waitFor('primary and replica answer PING', async () => (await pingRedis(primary)) && (await pingRedis(replica)), 10_000, 50);
    await waitFor('replica in sync', () => info(replica, 'replication', /master_link_status:up/), 15_000, 100);

    const sentinelPorts = [await freePort(), await freePort(), await freePort()];
    for (const [i, port] of sentinelPorts.entries()) {
      const conf = join(dir, `sentinel-${i}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          'protected-mode no',
          'daemonize no',
          `dir ${dir}`,
          'loglevel warning',
          `sentinel monitor ${MASTER} 127.0.0.1 ${primary} 2`,
          `sentinel down-after-milliseconds ${MASTER} 1000`,
          `sentinel failover-timeout ${MASTER} 3000`,
          `sentinel parallel-syncs ${MASTER} 1`,
          '',
        ].join('\n'),
      );
      spawnChild(port, 'redis-sentinel', [conf]);
    }
    await waitFor('sentinels answer PING', async () => (await Promise.all(sentinelPorts.map((p) => pingRedis(p)))).every(Boolean), 10_000, 50);
    await waitFor(
      'every sentinel knows the replica and the other sentinels',
      async () => {
        for (const p of sentinelPorts) {
          const s = new Redis({ port: p, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, commandTimeout: 1000 });
          try {
            await s.connect();
            const m = (await s.call('SENTINEL', 'MASTER', MASTER)) as string[];
            const f = Object.fromEntries(m.flatMap((v, i) => (i % 2 === 0 ? [[v, m[i + 1]]] : [])));
            if (Number(f['num-slaves']) < 1 || Number(f['num-other-sentinels']) < 2) return false;
          } catch {
            return false;
          } finally {
            s.disconnect();
          }
        }
        return true;
      },
      30_000,
      200,
    );

    const primaryPort = async () => {
      for (const p of sentinelPorts) {
        const s = new Redis({ port: p, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, commandTimeout: 1000 });
        try {
          await s.connect();
          const addr = (await s.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER)) as [string, string];
          return Number(addr[1]);
        } catch {
          /* try the next sentinel */
        } finally {
          s.disconnect();
        }
      }
      throw new Error('no sentinel answered');
    };
    return {
      url: `redis-sentinel://${sentinelPorts.map((p) => `127.0.0.1:${p}`).join(',')}/${MASTER}`,
      sentinelPorts,
      primaryPort,
      async killPrimary() {
        const port = await primaryPort();
        const c = children.get(port);
        if (!c) throw new Error(`no child serves port ${port}`);
        const exited = once(c, 'exit');
        c.kill('SIGKILL');
        await exited;
        return port;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function info(port: number, section: string, re: RegExp): Promise<boolean> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, commandTimeout: 1000 });
  try {
    await r.connect();
    return re.test(await r.info(section));
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
