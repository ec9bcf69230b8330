/**
 * What the server-bound benches share: CPU time of any process from /proc (so the server under test, its baseline,
 * Redis and the load generator are all measured the same way, from outside), the box's own load over a window (how
 * much CPU other jobs took), medians, the "was the server saturated" verdict, and spawning a bench module in a child
 * process (server or load generator) with an IPC channel. Linux only (/proc).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux this runs on). */
const HZ = 100;

/** CPU time (user + system) the process has used so far, µs (10 ms resolution: measure windows of seconds). */
export function procCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the comm field: state(0) … utime(11) stime(12).
  return ((Number(f[11]) + Number(f[12])) * 1e6) / HZ;
}

/** Resident set size, bytes. */
export function procRssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Busy and total jiffies of the whole box (all CPUs) so far. */
function boxJiffies(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = f[3]! + f[4]!; // idle + iowait
  return { busy: total - idle, total };
}

/** One section of Redis' INFO, as text (a raw socket: no client library in the measuring process). */
function redisInfo(url: string, section: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port || 6379), u.hostname);
    let buf = '';
    s.setTimeout(2000, () => (s.destroy(), reject(new Error('redis INFO timed out'))));
    s.on('error', reject);
    s.on('connect', () => s.write(`${u.password ? `AUTH ${decodeURIComponent(u.password)}\r\n` : ''}INFO ${section}\r\n`));
    s.on('data', (d) => {
      buf += d.toString();
      // The bulk reply `$<len>\r\n<text>\r\n` (after AUTH's +OK): complete once <len> bytes are in.
      const m = /\$(\d+)\r\n/.exec(buf);
      if (m && Buffer.byteLength(buf.slice(m.index + m[0].length)) >= Number(m[1])) {
        s.destroy();
        resolve(buf.slice(m.index + m[0].length));
      }
    });
  });
}

/** Redis' own CPU time (used_cpu_user + used_cpu_sys from INFO cpu), µs. */
export async function redisCpuMicros(url: string): Promise<number> {
  const info = await redisInfo(url, 'cpu');
  const user = /used_cpu_user:([\d.]+)/.exec(info);
  const sys = /used_cpu_sys:([\d.]+)/.exec(info);
  if (!user || !sys) throw new Error('redis INFO cpu: no used_cpu_user/used_cpu_sys');
  return (Number(user[1]) + Number(sys[1])) * 1e6;
}

/** The pid of the Redis server at `url` (INFO server `process_id`). */
export async function redisPid(url: string): Promise<number> {
  const m = /process_id:(\d+)/.exec(await redisInfo(url, 'server'));
  if (!m) throw new Error('redis INFO server: no process_id');
  return Number(m[1]);
}

/**
 * Core pinning (`taskset`, every thread of the process): the server under test — and its baseline, in its own run —
 * gets CPU 0 to itself; the load generator and Redis share the others. Without it, on a small box appmgr, Redis and
 * autocannon (three processes) compete for two cores while bare fastify and autocannon (two) do not, and the
 * scheduler's share, not the server, sets the ratio. `--no-pin` turns it off; with one CPU, or without taskset, the
 * benches run unpinned and say so.
 */
export function pinning(args: string[]): { server(pid: number): void; others(pid: number): void; line: string } {
  const n = availableParallelism();
  const off = (why: string) => ({ server: () => undefined, others: () => undefined, line: `not pinned (${why})` });
  if (args.includes('--no-pin')) return off('--no-pin');
  if (n < 2) return off('one CPU');
  const set = (cpus: string, pid: number) => {
    try {
      execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
    } catch (err) {
      throw new Error(`taskset -a -cp ${cpus} ${pid} failed (${(err as Error).message}); run with --no-pin`);
    }
  };
  const rest = n === 2 ? '1' : `1-${n - 1}`;
  return { server: (pid) => set('0', pid), others: (pid) => set(rest, pid), line: `pinned: server under test on CPU 0, generator and Redis on CPU ${rest}` };
}

/**
 * A measurement window: CPU of the given processes (and optionally Redis), wall time, and how busy the whole box was
 * (so a run can say how much of the box other jobs took).
 */
export interface WindowResult {
  seconds: number;
  /** CPU µs per pid, in the order given. */
  cpu: number[];
  redisCpu: number;
  /** Whole-box busy share over the window, 0..1 of all CPUs. */
  boxBusy: number;
  /** Box CPU-seconds used by processes outside `pids` (and Redis), i.e. other jobs on the box. */
  othersCpuS: number;
  load1: number;
}

export async function openWindow(pids: number[], redisUrl?: string): Promise<() => Promise<WindowResult>> {
  const t0 = process.hrtime.bigint();
  const c0 = pids.map(procCpuMicros);
  const r0 = redisUrl ? await redisCpuMicros(redisUrl) : 0;
  const b0 = boxJiffies();
  return async () => {
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = pids.map((p, i) => procCpuMicros(p) - c0[i]!);
    const redisCpu = redisUrl ? (await redisCpuMicros(redisUrl)) - r0 : 0;
    const b1 = boxJiffies();
    const busyS = (b1.busy - b0.busy) / HZ;
    const ours = (cpu.reduce((a, b) => a + b, 0) + redisCpu) / 1e6;
    return { seconds, cpu, redisCpu, boxBusy: (b1.busy - b0.busy) / Math.max(1, b1.total - b0.total), othersCpuS: Math.max(0, busyS - ours), load1: loadavg()[0]! };
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Below this share of one core the server was not the bottleneck (the generator, loopback or the box were). */
export const SATURATED = 0.9;

/** "" when the server used ≥ 90 % of a core over the window, else a warning naming its share. */
export function saturation(cpuMicros: number, seconds: number): string {
  const share = cpuMicros / 1e6 / seconds;
  return share >= SATURATED ? '' : ` [NOT saturated: server at ${Math.round(share * 100)} % of a core]`;
}

export const cores = (cpuMicros: number, seconds: number) => `${Math.round((cpuMicros / 1e6 / seconds) * 100)} %`;

/** `--name <number>` / `--name <string>` from argv. */
export function numFlag(args: string[], name: string, def: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
}
export function strFlag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The box, for the report's header line. */
export function boxLine(): string {
  const [l1, l5] = loadavg();
  return `node ${process.version}, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1/5 min) at start`;
}

/**
 * A child process running `file` through tsx with `args`, an IPC channel (`send`/`next` message) and stderr
 * inherited. `nodeFlags` go before the module (e.g. --cpu-prof, --max-semi-space-size).
 */
export interface IpcChild {
  proc: ChildProcess;
  pid: number;
  send(msg: unknown): void;
  next<T = Record<string, unknown>>(): Promise<T>;
  /** Sends {cmd:'exit'} (a normal exit writes --cpu-prof profiles) and waits; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export function spawnIpc(file: string, args: string[], nodeFlags: string[] = [], env?: NodeJS.ProcessEnv): IpcChild {
  const proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: env ?? process.env });
  const queue: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  proc.on('message', (m) => (waiters.length ? waiters.shift()!(m) : queue.push(m)));
  const exited = once(proc, 'exit');
  proc.on('exit', (code) => {
    for (const w of waiters.splice(0)) w({ error: `child exited (${code})` });
  });
  return {
    proc,
    pid: proc.pid!,
    send: (m) => proc.send(m as never),
    next: <T>() => (queue.length ? Promise.resolve(queue.shift() as T) : new Promise<T>((r) => waiters.push(r as (m: unknown) => void))),
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.send({ cmd: 'exit' });
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** In a child spawned by spawnIpc: the next message from the parent; exits on {cmd:'exit'}. */
export function onParent(handler: (m: Record<string, unknown>) => Promise<unknown> | unknown): void {
  process.on('message', (m: Record<string, unknown>) => {
    if (m.cmd === 'exit') {
      process.disconnect?.();
      return void setImmediate(() => process.exit(0));
    }
    Promise.resolve(handler(m)).then(
      (r) => r !== undefined && process.send!(r),
      (err: unknown) => process.send!({ error: String((err as Error)?.stack ?? err) }),
    );
  });
}

/**
 * The sources of git ref `ref` extracted (git archive) into a temp dir with this checkout's node_modules linked in:
 * the "before" side of a same-run before/after comparison. Nothing in this repository's .git is changed.
 */
export async function baselineTree(ref: string): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, symlinkSync, realpathSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'gamecluster-baseline-'));
  execFileSync('bash', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'x', root, ref, dir]);
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}


/** Removes a tree made by baselineTree (the node_modules link, not its target). */
export async function removeTree(dir: string): Promise<void> {
  const { rmSync } = await import('node:fs');
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The services of `tree` built the way the image ships them (`npm run build`: tsc + the runtime assets, no tsx)
 * into `<tree>/dist`; returns that directory (it mirrors `services/`). Servers under test load their code from
 * here: run through tsx, every closure our code creates also pays esbuild's keep-names wrapper (`__name`), which the
 * shipped build does not — 19 % more appmgr CPU per `/login` when measured — while a bare baseline (fastify,
 * `node:net`) is library code tsx does not touch. `--tsx` in the benches measures the sources instead.
 */
export async function compiledServices(tree: string): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const { join } = await import('node:path');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(tree, 'dist');
}
