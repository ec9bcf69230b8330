/**
 * Flags of `gamecluster local`: the robot wave's size and pace, `--capacity`/`--queue` (a herd), `--keep`, `--json`,
 * read with the shared one-line-error readers of services/platform/cli-flags.ts (exit 2). Pure and unit-tested.
 */
import { ArgError, choiceFlag, eachFlag, numberFlag } from '../platform/cli-flags.js';
import { ROOM_MODE_RE } from '../robots/args.js';

export { ArgError };

export interface LocalOptions {
  players: number;
  rate: number;
  durationS: number;
  echoPerSec: number;
  keep: boolean;
  json: boolean;
  /** The robots' scenario; `arena` and `rooms` also run the game pods with GAME_MODULE=arena. */
  scenario: 'echo' | 'arena' | 'rooms';
  /** --scenario rooms: robots per party, and the room mode their hosts create. */
  party: number;
  mode: string;
  /** CLUSTER_CAPACITY for appmgr (0 = the pods' capacities). */
  capacity: number;
  /** The robots queue (GET /login?queue=1, polling their ticket) and leave after --duration: a herd let in. */
  queue: boolean;
}

export const defaultLocalOptions: LocalOptions = { players: 1000, rate: 500, durationS: 2, echoPerSec: 1, keep: false, json: false, scenario: 'echo', party: 4, mode: 'arena', capacity: 0, queue: false };

export const localUsage = `usage: gamecluster local [--players N] [--rate R] [--duration S] [--echo-per-sec E] [--scenario echo|arena|rooms] [--party N] [--mode M] [--capacity N] [--queue] [--keep] [--json]

A whole cluster on this machine: redis-server on a free loopback port (or the Redis at REDIS_URL, under a fresh
PREFIX), 1 appmgr, 2 logins, 2 games as child processes (logs in a temp dir, path printed), then a robot wave
through the whole flow. Once every robot is online and a heartbeat has passed it prints the per-pod online table
(pods' /metrics and appmgr's registry) and the URL of appmgr's page, lets the robots leave, stops everything it
started and exits 0 (1 if any robot failed).

flags:
  --players N       robots in the wave, 0..100000 (0: just the cluster) [1000; 0 with --keep]
  --rate R          robots started per second, > 0 [500]
  --duration S      seconds each robot stays in game (echo loop), 0..3600 [2]
  --echo-per-sec E  echo round trips per second per robot, 0..100 [1]
  --scenario S      echo | arena: the game pods run the arena sample (GAME_MODULE=arena) and the
                    robots play it (random moves; state_lag and messages/s in the report) [echo]
  --scenario rooms  the game pods run arena, whose rooms the robots use in parties (robots --scenario
                    rooms: one creates a private room, the others join it by id; the report says how
                    many parties landed together and the join latency)
  --party N         robots per party with --scenario rooms, 2..1000 (arena's rooms hold 16) [4]
  --mode M          the room mode the parties create with --scenario rooms (with your own
                    GAME_MODULE: one it declares) [arena]
  --capacity N      most players in the cluster (appmgr's CLUSTER_CAPACITY), 0..10000000; 0 = the pods' [0]
  --queue           a launch-day herd: every robot queues (robots --queue: GET /login?queue=1, polls its ticket as
                    Retry-After says), plays, stays --duration seconds and leaves, so the line is let in as places
                    free up; prints the robots' report (queue wait p50/p99) and the peak online vs the capacity
  --keep            leave the cluster running until Ctrl-C, then stop everything; without --players it starts
                    no wave (the cluster is ready for your own client at once); --keep --players N runs N first
  --json            print {robots, cluster, appmgr_url, log_dir} as JSON instead of tables
  --help            this text

env: REDIS_URL (use that Redis instead of starting one), LOG_LEVEL (children's log level) [info]
`;

export function parseLocalArgs(argv: readonly string[]): LocalOptions | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const o = { ...defaultLocalOptions };
  let playersGiven = false;
  let roomFlag: string | undefined;
  eachFlag(argv, (f) => {
    switch (f.name) {
      case '--players':
        o.players = numberFlag(f.name, f.value(), 0, 100_000, true);
        playersGiven = true;
        break;
      case '--rate':
        o.rate = numberFlag(f.name, f.value(), 0, 1_000_000, false, true);
        break;
      case '--duration':
        o.durationS = numberFlag(f.name, f.value(), 0, 3600, false);
        break;
      case '--echo-per-sec':
        o.echoPerSec = numberFlag(f.name, f.value(), 0, 100, false);
        break;
      case '--scenario':
        o.scenario = choiceFlag(f.name, f.value(), ['echo', 'arena', 'rooms'] as const);
        break;
      case '--party':
        o.party = numberFlag(f.name, f.value(), 2, 1000, true);
        roomFlag = f.name;
        break;
      case '--mode': {
        const raw = f.value();
        if (raw === undefined || !ROOM_MODE_RE.test(raw)) throw new ArgError(raw === undefined ? '--mode needs a value: expected a room mode, [a-z0-9_-]{1,32}' : `invalid --mode ${JSON.stringify(raw)}: expected a room mode, [a-z0-9_-]{1,32}`);
        o.mode = raw;
        roomFlag = f.name;
        break;
      }
      case '--capacity':
        o.capacity = numberFlag(f.name, f.value(), 0, 10_000_000, true);
        break;
      case '--queue':
        f.noValue();
        o.queue = true;
        break;
      case '--keep':
        f.noValue();
        o.keep = true;
        break;
      case '--json':
        f.noValue();
        o.json = true;
        break;
      default:
        throw new ArgError(`unknown flag ${JSON.stringify(f.arg)}: see gamecluster local --help`);
    }
  });
  if (roomFlag && o.scenario !== 'rooms') throw new ArgError(`${roomFlag} applies only to --scenario rooms`);
  // --keep is for trying your own client against the cluster: a wave of a thousand robots first only when asked.
  if (o.keep && !playersGiven) o.players = 0;
  return o;
}
