/**
 * A real redis-server for tests: started on a free loopback port with no persistence, stopped (SIGKILL-proof:
 * `stop()` waits for exit) by the test. `kill()` and `restart()` simulate an outage on the same port; `signal()`
 * sends e.g. SIGSTOP/SIGCONT (a frozen Redis: the process stops answering, its connections stay up). `extraArgs` are
 * appended to the command line (e.g. `--cluster-enabled yes`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { pingRedis as ping } from '../../services/local/redis-launcher.js';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  signal(sig: NodeJS.Signals): void;
}

export async function startRedis(port?: number, extraArgs: string[] = []): Promise<TestRedis> {
  const p = port ?? (await freePort());
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning', ...extraArgs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', (err) => {
      throw new Error(`redis-server could not start (is it installed?): ${err.message}`);
    });
    await waitFor(`redis-server on ${p}`, () => ping(p), 10_000);
  };
  const kill = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = once(c, 'exit');
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    kill,
    restart: start,
    stop: async () => {
      child?.kill('SIGCONT'); // a stopped process only dies of SIGKILL, but resume it anyway so nothing is left frozen
      await kill();
    },
    signal: (sig) => {
      if (child && child.exitCode === null) child.kill(sig);
    },
  };
}
