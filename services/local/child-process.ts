/**
 * Child processes of `gamecluster local`: how to run `gamecluster <command>` as a child of this same CLI (the built
 * dist/cli.js when we run built, or tsx + services/cli.ts when we run from source — told apart by this module's own
 * URL), a free loopback port, and a managed child whose stdout/stderr go to a log file and whose stop() is bounded
 * (SIGTERM, wait, SIGKILL). The launcher only ever signals children it spawned, by their ChildProcess handle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFlagsFor } from '../platform/node-flags.js';

/**
 * The command line that runs `gamecluster <command>` with this same Node and this same code, with the command's Node
 * flags as `bin/gamecluster` gives them (platform/node-flags.ts; `nodeOptions`: the child's NODE_OPTIONS).
 */
export function gameclusterCommand(command: string, selfUrl: string = import.meta.url, nodeOptions: string | undefined = process.env.NODE_OPTIONS): { file: string; args: string[] } {
  const flags = nodeFlagsFor(command, nodeOptions);
  if (selfUrl.endsWith('.js')) {
    // Built: this file is dist/local/child-process.js, the CLI is dist/cli.js.
    return { file: process.execPath, args: [...flags, fileURLToPath(new URL('../cli.js', selfUrl)), command] };
  }
  // From source (tsx): load tsx by absolute URL so the child's cwd does not matter.
  const tsx = import.meta.resolve('tsx');
  return { file: process.execPath, args: [...flags, '--import', tsx, fileURLToPath(new URL('../cli.ts', selfUrl)), command] };
}

/**
 * A free TCP port on 127.0.0.1 (bound, read, closed). Ports are taken BELOW the kernel's ephemeral range (ip_local_port_range): a port the kernel hands out for
 * `listen(0)` comes from the range every outgoing connection also takes its source port from, so between this check
 * and the child's own listen, any client connection on the box (Redis, HTTP, robots…) could take it and the child
 * failed with EADDRINUSE (seen in CI: appmgr's gRPC port). Below the range only listeners compete, and this process
 * never hands out the same port twice (until 2,000 were). Falls back to `listen(0)` where the range is unknown or too low.
 */
const handedOut = new Set<number>();
function belowEphemeral(): [number, number] | undefined {
  try {
    const lo = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(lo) && lo > 12_000 ? [Math.max(10_000, lo - 12_768), lo - 1] : undefined;
  } catch {
    return undefined;
  }
}
const range = belowEphemeral();

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : undefined));
    });
  });
}

/**
 * Other processes pick ports the same way (test files run concurrently, two `gamecluster local`s): a port is also
 * claimed in a shared folder (`$TMPDIR/gamecluster-ports/<port>`, created exclusively) for CLAIM_MS — longer than any
 * child takes to bind it — so two processes never hand out the same port at once. At most one small file per port of
 * the range stays behind. Where the folder cannot be written, only this process's own record is kept.
 */
const CLAIM_MS = 60_000;
let claimDir: string | null | undefined;
function claim(port: number): boolean {
  if (claimDir === undefined) {
    try {
      claimDir = join(tmpdir(), 'gamecluster-ports');
      mkdirSync(claimDir, { recursive: true });
    } catch {
      claimDir = null;
    }
  }
  if (claimDir === null) return true;
  const file = join(claimDir, String(port));
  try {
    closeSync(openSync(file, 'wx'));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return true;
  }
  try {
    if (Date.now() - statSync(file).mtimeMs < CLAIM_MS) return false;
    const now = new Date();
    utimesSync(file, now, now); // a stale claim: ours now
    return true;
  } catch {
    return true;
  }
}

export async function freePort(): Promise<number> {
  if (range) {
    if (handedOut.size > 2000) handedOut.clear();
    for (let i = 0; i < 50; i++) {
      const candidate = range[0] + Math.floor(Math.random() * (range[1] - range[0] + 1));
      if (handedOut.has(candidate) || !claim(candidate)) continue;
      const port = await tryListen(candidate);
      if (port !== undefined) {
        handedOut.add(port);
        return port;
      }
    }
  }
  const port = await tryListen(0);
  if (port === undefined) throw new Error('no free port');
  return port;
}

export interface ManagedChild {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code or signal name. */
  readonly exited: Promise<number | string>;
  readonly running: boolean;
  /** The last `bytes` of its log (for error messages). */
  logTail(bytes?: number): string;
  /** SIGTERM, then SIGKILL after `killAfterMs`; resolves when the process is gone. */
  stop(killAfterMs: number): Promise<number | string>;
  /** SIGKILL now, synchronously (process 'exit' hook). */
  killNow(): void;
}

export function spawnManaged(name: string, file: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd?: string): ManagedChild {
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(file, args, { env, cwd, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, sig) => resolve((code ?? sig ?? 'unknown') as number | string));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  return {
    name,
    child,
    pid: child.pid ?? -1,
    logFile,
    exited,
    get running() {
      return isRunning();
    },
    logTail(bytes = 1500) {
      try {
        const text = readFileSync(logFile, 'utf8');
        return text.slice(-bytes);
      } catch {
        return '';
      }
    },
    async stop(killAfterMs) {
      if (!isRunning()) return exited;
      child.kill('SIGTERM');
      const t = setTimeout(() => isRunning() && child.kill('SIGKILL'), killAfterMs);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
    killNow() {
      if (isRunning()) child.kill('SIGKILL');
    },
  };
}

/** Waits for `child` to exit or `ms` to pass; true when it exited. */
export async function exitedWithin(child: ManagedChild, ms: number): Promise<boolean> {
  let t: NodeJS.Timeout | undefined;
  const r = await Promise.race([child.exited.then(() => true), new Promise<boolean>((res) => (t = setTimeout(() => res(false), ms)))]);
  clearTimeout(t);
  return r;
}

