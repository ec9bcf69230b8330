/**
 * `gamecluster game`: only wiring — `--module <m>` (overrides GAME_MODULE) → config (exit 2 on a bad variable, or
 * WORKERS > 1 with a stateful module or a resume grace) → the game module loaded and validated (exit 2 with one line
 * naming the file and the problem) → startGame → signal handling (services/pod/pod-main.ts: SIGTERM drains, exits
 * 0; a second signal forces exit).
 */
import { exitOnConfigError } from '../pod/pod-config.js';
import { podMain } from '../pod/pod-main.js';
import { GAME_CAPS, roomModesOf, startGame } from './app.js';
import { checkGameWorkers, gameEnvHelp, parseGameConfig } from './config.js';
import { loadGameModule, ModuleLoadError, type LoadedGame } from './module/load.js';

const usage = `usage: gamecluster game [--module <m>] [--help]

The game TCP server: C2G_LoginByToken redeems a single-use token (one session per account in the cluster; the older
one is kicked with DUPLICATE_LOGIN), then Ping/Pong, C2G_Echo and the game module's own messages (ids 10000-65535).
A dropped player stays RESUME_GRACE_MS for C2G_Resume. Heartbeats to Redis; /metrics /healthz /readyz on
METRICS_PORT. SIGTERM or DrainApp: no new players, kick at DRAIN_TIMEOUT_MS (SIGTERM then exits 0).

  --module <m>      the game module (overrides GAME_MODULE): echo | arena | ./path/to/game.js | a package name
                    resolved from /app/game/node_modules [echo]

${gameEnvHelp}
`;

/** Splits `--module <m>` / `--module=<m>` off the arguments; exits 2 when it has no value. */
function takeModuleFlag(argv: string[]): { rest: string[]; module: string | undefined } {
  const rest: string[] = [];
  let module: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--module' || a.startsWith('--module=')) {
      module = a === '--module' ? argv[++i] : a.slice('--module='.length);
      if (!module) {
        process.stderr.write('gamecluster game: --module needs a value: echo, arena, a path or a package name\n');
        process.exit(2);
      }
    } else rest.push(a);
  }
  return { rest, module };
}

export async function main(argv: string[]): Promise<void> {
  const { rest, module } = takeModuleFlag(argv);
  const parse = () => {
    const c = parseGameConfig();
    if (module) c.GAME_MODULE = module;
    checkGameWorkers(c);
    return c;
  };
  let game: LoadedGame | undefined;
  if (!rest.includes('--help') && !rest.includes('-h') && rest.length === 0) {
    const config = exitOnConfigError('game', parse);
    try {
      game = await loadGameModule(config.GAME_MODULE);
    } catch (err) {
      if (!(err instanceof ModuleLoadError)) throw err;
      process.stderr.write(`gamecluster game: ${err.message}\n`);
      process.exit(2);
    }
  }
  // A WORKERS>1 primary heartbeats for its workers: it publishes the same caps and modes they would.
  const heartbeat = game ? { caps: GAME_CAPS, modes: roomModesOf(game) } : undefined;
  await podMain(rest, { command: 'game', usage, parse, start: (c, l, o) => startGame(c, l, { ...o, ...(game ? { game } : {}) }), ...(heartbeat ? { heartbeat } : {}) });
}
