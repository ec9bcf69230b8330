/**
 * The game pod's configuration: the pod variables (services/pod/pod-config.ts) with PORT default 6001, plus the game
 * module (GAME_MODULE, `--module` overrides it), the resume grace (RESUME_GRACE_MS) and how long a room lives without
 * players (ROOM_EMPTY_MS, for the modes that do not set their own emptyTimeoutMs). Pure parsing; main.ts exits 2
 * on a bad variable. `checkGameWorkers`: a module other than `echo`, or a resume grace, keeps state in the process,
 * so such a pod runs one process (WORKERS > 1 is a config error saying why).
 */
import { z } from 'zod';
import { ConfigError, env, loadConfig } from '../platform/config.js';
import { resolveWorkers } from '../platform/workers.js';
import { podEnv, podEnvHelp } from '../pod/pod-config.js';

export const GAME_DEFAULT_PORT = 6001;
export const gameEnv = {
  ...podEnv(GAME_DEFAULT_PORT),
  GAME_MODULE: z.string().trim().min(1, 'a module: echo, arena, a path (./game.js) or a package name').max(512, 'at most 512 chars').default('echo'),
  RESUME_GRACE_MS: env.int(30_000, 0, 3_600_000),
  ROOM_EMPTY_MS: env.int(30_000, 0, 3_600_000),
  /** protocol.md "Resource budgets": a drop this soon after a resume keeps the grace it resumed from. */
  RESUME_MIN_LIVE_MS: env.int(5000, 0, 3_600_000),
  /** An onTick still pending this long is counted (gamecluster_game_tick_overruns_total) and the loop goes on. */
  TICK_DEADLINE_MS: env.int(1000, 10, 600_000),
};
export type GameConfig = z.output<z.ZodObject<typeof gameEnv>>;

/** Throws ConfigError (one line naming the variable) on a bad value. */
export function parseGameConfig(source: NodeJS.ProcessEnv = process.env): GameConfig {
  return loadConfig(gameEnv, source);
}

/** Throws ConfigError naming WORKERS when the pod would run state-keeping game code in several processes. */
export function checkGameWorkers(c: GameConfig, workers = resolveWorkers(c.WORKERS)): void {
  if (workers <= 1) return;
  const why =
    c.GAME_MODULE !== 'echo'
      ? `GAME_MODULE=${c.GAME_MODULE} keeps its state in one process`
      : c.RESUME_GRACE_MS > 0
        ? `RESUME_GRACE_MS=${c.RESUME_GRACE_MS} keeps away players in one process (set RESUME_GRACE_MS=0 to run workers)`
        : undefined;
  if (why) throw new ConfigError('WORKERS', `invalid WORKERS=${String(c.WORKERS)} (${workers} processes): a game pod runs one process when ${why}; scale it with pods`);
}

export const gameEnvHelp = `Environment (defaults in brackets):
${podEnvHelp(GAME_DEFAULT_PORT)}
  GAME_MODULE       the game module: echo | arena | a path (./game.js) | a package in /app/game/node_modules [echo]
  RESUME_GRACE_MS   how long a dropped player stays online for C2G_Resume; 0 = off [30000]
  ROOM_EMPTY_MS     how long a room lives without players (away ones count as present), for the modes of the
                    module that set no emptyTimeoutMs [30000]
  RESUME_MIN_LIVE_MS  a drop this soon after resuming keeps the deadline of the grace it resumed from [5000]
  TICK_DEADLINE_MS  an onTick still pending this long is counted as an overrun and the loop goes on [1000]`;
