/**
 * Command-line flags of `gamecluster robots` (operations.md) into a typed `RobotOptions`, read with the shared
 * one-line-error readers of services/platform/cli-flags.ts. Pure but for reading the `--ca` file, so it is
 * unit-tested without processes.
 */
import { readFileSync } from 'node:fs';
import { ArgError, choiceFlag, eachFlag, numberFlag } from '../platform/cli-flags.js';

export { ArgError };

export interface RobotOptions {
  /** appmgr base URL (http:// or https://); players GET `<appmgr>/login`. */
  appmgr: string;
  /** Players in the wave; each plays the whole flow once on fresh connections. */
  players: number;
  /** New players started per second. */
  rate: number;
  /** Seconds each player stays in game (echo loop) before leaving; 0 leaves right after the game login. */
  durationS: number;
  /** C2G_Echo round trips per second per player while in game (0: only the 15 s Ping). */
  echoPerSec: number;
  /** Players in flight at once at most (0 = unbounded: the rate alone paces the wave). */
  concurrency: number;
  /** Bound on every single step (HTTP request, connect, each request/response). */
  stepTimeoutMs: number;
  password: string;
  /** Players are `<accountPrefix>-<n>` (n from 0); unset: `robot-<random run id>`, so waves never collide. */
  accountPrefix?: string | undefined;
  /** Speak TLS to login and game (their TLS_CERT_FILE listeners). */
  tls: boolean;
  /** PEM of the CA that signed the pods' certificates (`--ca FILE`; implies `tls`); else the system roots. */
  ca?: Buffer | undefined;
  json: boolean;
  /** Show the progress bar (only ever on a TTY; `--no-progress` turns it off there too). */
  progress: boolean;
  /**
   * What a robot does in game: `echo` (the built-in module), `arena` (the sample game: random moves, State), or
   * `rooms` (parties of `party`: one creates a private room of `mode`, the others join it by id; then they stay).
   */
  scenario: 'echo' | 'arena' | 'rooms';
  /** Players per party (`--scenario rooms`). */
  party: number;
  /** The room mode the parties' hosts create (`--scenario rooms`); one the game pods' module declares. */
  mode: string;
  /** `tcp`, or `ws` (the pods' WebSocket listeners, `/login?transport=ws`). */
  transport: 'tcp' | 'ws';
  /** Wait in the admission queue (`/login?queue=1`) like a player when the cluster is full. */
  queue: boolean;
}


export const robotsUsage = `usage: gamecluster robots --appmgr URL [--players N] [--rate R] [--duration S] [--echo-per-sec E] [--json]

Plays the whole player flow per robot on fresh connections, with the client SDK (gamecluster/client):
GET <appmgr>/login → login (C2L_AccountCheck, C2L_EnterGame) → game (C2G_LoginByToken) → echo loop
(or arena moves, or a party's room) → leave (C2G_Leave).
Prints per-step latency (p50/p99/max), failures by step and return code, and the online spread per game pod.
Exits 0 when every player succeeded, 1 when any failed, 2 on bad flags.

flags:
  --appmgr URL        appmgr HTTP base URL, e.g. http://127.0.0.1:8080 (required)
  --players N         players in the wave, 1..1000000 [100]
  --rate R            players started per second, > 0 [100]
  --duration S        seconds each player stays in game, 0..86400 [5]
  --echo-per-sec E    C2G_Echo round trips per second per player, 0..100 [1]
  --concurrency C     at most C players in flight (0 = no bound) [0]
  --step-timeout MS   bound on each step, 100..120000 [10000]
  --password P        password sent in C2L_AccountCheck [robot]
  --account-prefix A  players log in as A-0, A-1, … (accounts an AUTH_URL service knows) [robot-<random>]
  --tls               TLS to login and game pods (verified against the system roots or --ca)
  --ca FILE           PEM CA certificate to verify the pods' certificates with (implies --tls)
  --scenario S        echo | arena (the sample game: random moves, checks room-mates move,
                      reports state_lag and messages/s) | rooms (parties: one robot creates a private
                      room, the others join it by id; reports the parties that landed together and
                      the join latency) [echo]
  --party N           robots per party with --scenario rooms, 2..1000 [4]
  --mode M            the room mode the parties create with --scenario rooms (one the game pods'
                      module declares) [arena]
  --transport T       tcp | ws (the pods' WebSocket listeners) [tcp]
  --queue             wait in the admission queue when the cluster is full (reports the wait)
  --json              print the report as JSON (see docs/robots.md) instead of the table
  --no-progress       no progress bar (it is only shown on a TTY anyway)
  --help              this text

env: LOG_LEVEL is accepted for symmetry with the other commands; robots print only their report.
`;

export const defaultRobotOptions: Omit<RobotOptions, 'appmgr'> = {
  players: 100,
  rate: 100,
  durationS: 5,
  echoPerSec: 1,
  concurrency: 0,
  stepTimeoutMs: 10_000,
  password: 'robot',
  tls: false,
  json: false,
  progress: true,
  scenario: 'echo',
  party: 4,
  mode: 'arena',
  transport: 'tcp',
  queue: false,
};

/** A room mode as rooms.md allows it. */
export const ROOM_MODE_RE = /^[a-z0-9_-]{1,32}$/;
const SCENARIOS = ['echo', 'arena', 'rooms'] as const;


/** Parses argv (after `robots`). Returns 'help' for --help; throws ArgError with one line on anything bad. */
export function parseRobotArgs(argv: readonly string[]): RobotOptions | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const o: Partial<RobotOptions> = { ...defaultRobotOptions };
  let partyGiven = false;
  eachFlag(argv, (f) => {
    switch (f.name) {
      case '--appmgr': {
        const raw = f.value();
        if (raw === undefined) throw new ArgError('--appmgr needs a value: expected an http:// or https:// URL');
        let u: URL;
        try {
          u = new URL(raw);
        } catch {
          throw new ArgError(`invalid --appmgr ${JSON.stringify(raw)}: expected an http:// or https:// URL`);
        }
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ArgError(`invalid --appmgr ${JSON.stringify(raw)}: expected an http:// or https:// URL`);
        o.appmgr = raw.replace(/\/+$/, '');
        break;
      }
      case '--players':
        o.players = numberFlag(f.name, f.value(), 1, 1_000_000, true);
        break;
      case '--rate':
        o.rate = numberFlag(f.name, f.value(), 0, 1_000_000, false, true);
        break;
      case '--duration':
        o.durationS = numberFlag(f.name, f.value(), 0, 86_400, false);
        break;
      case '--echo-per-sec':
        // The servers close a connection above MAX_FRAMES_PER_SEC (default 200) frames/s; 100 stays well below.
        o.echoPerSec = numberFlag(f.name, f.value(), 0, 100, false);
        break;
      case '--concurrency':
        o.concurrency = numberFlag(f.name, f.value(), 0, 1_000_000, true);
        break;
      case '--step-timeout':
        o.stepTimeoutMs = numberFlag(f.name, f.value(), 100, 120_000, true);
        break;
      case '--password': {
        const raw = f.value();
        if (raw === undefined) throw new ArgError('--password needs a value');
        o.password = raw;
        break;
      }
      case '--tls':
        f.noValue();
        o.tls = true;
        break;
      case '--ca': {
        const raw = f.value();
        if (raw === undefined) throw new ArgError('--ca needs a value: expected a PEM file');
        try {
          o.ca = readFileSync(raw);
        } catch (err) {
          throw new ArgError(`invalid --ca ${JSON.stringify(raw)}: ${(err as Error).message}`);
        }
        o.tls = true;
        break;
      }
      case '--account-prefix': {
        const raw = f.value();
        if (raw === undefined || !/^[A-Za-z0-9_.@-]{1,48}$/.test(raw)) throw new ArgError(raw === undefined ? '--account-prefix needs a value: expected 1-48 of [A-Za-z0-9_.@-] (accounts are <prefix>-<n>, at most 64)' : `invalid --account-prefix ${JSON.stringify(raw)}: expected 1-48 of [A-Za-z0-9_.@-] (accounts are <prefix>-<n>, at most 64)`);
        o.accountPrefix = raw;
        break;
      }
      case '--scenario':
        o.scenario = choiceFlag(f.name, f.value(), SCENARIOS);
        break;
      case '--party':
        o.party = numberFlag(f.name, f.value(), 2, 1000, true);
        partyGiven = true;
        break;
      case '--mode': {
        const raw = f.value();
        if (raw === undefined || !ROOM_MODE_RE.test(raw)) throw new ArgError(raw === undefined ? '--mode needs a value: expected a room mode, [a-z0-9_-]{1,32}' : `invalid --mode ${JSON.stringify(raw)}: expected a room mode, [a-z0-9_-]{1,32}`);
        o.mode = raw;
        partyGiven = true;
        break;
      }
      case '--transport':
        o.transport = choiceFlag(f.name, f.value(), ['tcp', 'ws'] as const);
        break;
      case '--queue':
        f.noValue();
        o.queue = true;
        break;
      case '--json':
        f.noValue();
        o.json = true;
        break;
      case '--no-progress':
        f.noValue();
        o.progress = false;
        break;
      default:
        throw new ArgError(`unknown flag ${JSON.stringify(f.arg)}: see gamecluster robots --help`);
    }
  });
  if (partyGiven && o.scenario !== 'rooms') throw new ArgError('--party and --mode apply only to --scenario rooms');
  if (!o.appmgr) throw new ArgError('missing --appmgr: expected the appmgr HTTP base URL, e.g. --appmgr http://127.0.0.1:8080');
  return o as RobotOptions;
}
