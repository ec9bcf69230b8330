/**
 * A real redis-server for tests: started on a free loopback port with no persistence, stopped (SIGKILL-proof:
 * `stop()` waits for exit) by the test. `kill()` and `restart()` simulate an outage on the same port; `signal()`
 * sends e.g. SIGSTOP/SIGCONT (a frozen Redis: the process stops answering, its connections stay up). `opts` replace
 * or extend the command line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
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

export interface RedisOptions {
  /**
   * The server's arguments instead of the defaults (e.g. a rendered container's, `redis-server` first or not);
   * `--port`/`--bind 127.0.0.1` are appended.
   */
  args?: string[];
  /** The password the server requires (readiness is then checked with AUTH). */
  password?: string;
  /** Appended to the command line (e.g. `--cluster-enabled yes`). */
  extraArgs?: string[];
}

/** PING (after AUTH when a password is given): true on +PONG. */
function pingWithAuth(port: number, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let buf = '';
    s.setTimeout(500);
    s.on('connect', () => s.write(`*2\r\n$4\r\nAUTH\r\n$${Buffer.byteLength(password)}\r\n${password}\r\nPING\r\n`));
    s.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('+PONG') || buf.startsWith('-')) {
        resolve(buf.includes('+PONG') && !buf.startsWith('-'));
        s.destroy();
      }
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      resolve(false);
      s.destroy();
    });
  });
}

export async function startRedis(port?: number, opts: RedisOptions = {}): Promise<TestRedis> {
  let p = port ?? (await freePort());
  let child: ChildProcess | undefined;
  const serverArgs = () =>
    opts.args
      ? [...(opts.args[0] === 'redis-server' ? opts.args.slice(1) : opts.args), '--port', String(p), '--bind', '127.0.0.1', '--loglevel', 'warning']
      : ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning', ...(opts.extraArgs ?? [])];
  const ready = () => (opts.password === undefined ? ping(p) : pingWithAuth(p, opts.password));
  /** Starts the server on `p`; resolves once it answers, or with its last output when it exits first. */
  const startOnce = async (): Promise<string | undefined> => {
    let out = '';
    const c = spawn('redis-server', serverArgs(), { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    const keep = (d: Buffer) => void (out = (out + d.toString()).slice(-4000));
    c.stdout!.on('data', keep);
    c.stderr!.on('data', keep);
    const exited = new Promise<string>((resolve, reject) => {
      c.once('error', (err) => reject(new Error(`redis-server could not start (is it installed?): ${err.message}`)));
      c.once('exit', (code, sig) => resolve(`redis-server on ${p} exited (${code ?? sig}) before answering: ${out.trim().split('\n').slice(-3).join(' | ')}`));
    });
    const answered = waitFor(`redis-server on ${p}`, ready, 10_000).then(() => undefined);
    return Promise.race([answered, exited]);
  };
  let started = false;
  const start = async () => {
    // A port handed out free can be taken before the server binds it (other test files run concurrently): a server
    // that dies at start on a port of our choosing gets another one. A caller's port, or a restart's, stays.
    const retries = port === undefined && !started ? 3 : 0;
    for (let attempt = 0; ; attempt++) {
      const failed = await startOnce();
      if (failed === undefined) return void (started = true);
      if (attempt >= retries) throw new Error(failed);
      p = await freePort();
    }
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
    url: opts.password === undefined ? `redis://127.0.0.1:${p}` : `redis://:${encodeURIComponent(opts.password)}@127.0.0.1:${p}`,
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
