/**
 * Runs `gamecluster <command>` as a real child process (through tsx, from source) with the given env, collects its
 * pino JSON logs, and stops it. Used by integration tests that need real processes on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../../services/cli.ts', import.meta.url));

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
  readonly stderr: string[];
  /** Resolves with the exit code (or signal name). */
  readonly exited: Promise<number | string>;
  waitForLog(pred: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  signal(sig: NodeJS.Signals): void;
  stop(): Promise<number | string>;
}

export function startService(command: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
  // appmgr's admin port defaults to 8081: a test that does not use it gets a free one, so parallel tests never collide.
  const defaults = command === 'appmgr' ? { ADMIN_PORT: '0' } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', cli, command, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', BIND_HOST: '127.0.0.1', LOG_LEVEL: 'info', ...defaults, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }>();
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(line);
      } catch {
        obj = { msg: line, raw: true };
      }
      logs.push(obj);
      for (const w of waiters) if (w.pred(obj)) (waiters.delete(w), w.resolve(obj));
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  // 'close', not 'exit': 'exit' may come before the last stdout/stderr chunks are read, and a test that reads the logs
  // or stderr once the process exited would miss its last lines.
  const exited = once(child, 'close').then(([code, sig]) => (code ?? sig) as number | string);
  return {
    child,
    logs,
    stderr,
    exited,
    waitForLog(pred, timeoutMs = 20_000) {
      const found = logs.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.add(w);
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`${command}: no matching log line within ${timeoutMs} ms; stderr: ${stderr.join('').slice(-2000)}`));
        }, timeoutMs);
        exited.then(() => {
          if (waiters.delete(w)) (clearTimeout(t), reject(new Error(`${command} exited before the log line; stderr: ${stderr.join('').slice(-2000)}`)));
        });
        const orig = w.resolve;
        w.resolve = (l) => (clearTimeout(t), orig(l));
      });
    },
    signal(sig) {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const r = await exited;
        clearTimeout(t);
        return r;
      }
      return exited;
    },
  };
}
