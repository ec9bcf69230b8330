/**
 * appmgr's configuration: the common variables plus its two ports and the selection strategy
 * (names and defaults from the operations spec). Parsing is pure so it is unit-tested; main.ts exits 2 on errors.
 */
import { z } from 'zod';
import { commonEnv, env, loadConfig, loadConfigOrExit } from '../platform/config.js';
import { workersHelp, workersSchema } from '../platform/workers.js';

export const appmgrEnv = {
  ...commonEnv,
  HTTP_PORT: env.port(8080),
  GRPC_PORT: env.port(50051),
  SELECT_STRATEGY: env.oneOf(['least_loaded', 'packed'] as const, 'least_loaded'),
  WORKERS: workersSchema(),
};

export type AppmgrConfig = z.output<z.ZodObject<typeof appmgrEnv>>;

/** Throws ConfigError (one line naming the variable) on a bad value. */
export function parseAppmgrConfig(source: NodeJS.ProcessEnv = process.env): AppmgrConfig {
  return loadConfig(appmgrEnv, source);
}

export function loadAppmgrConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppmgrConfig {
  return loadConfigOrExit(appmgrEnv, source);
}

export const appmgrEnvHelp = `Environment (defaults in brackets):
  REDIS_URL        redis://, rediss:// or redis-sentinel://h:p,h:p/master [redis://127.0.0.1:6379]
  REDIS_SENTINELS  host:port,host:port[/master] (instead of a sentinel URL)
  PREFIX           Redis key prefix [gc]
  HTTP_PORT        /login, /apps, /status, /metrics, /healthz, /readyz, / [8080]
  GRPC_PORT        gamecluster.v1.AppMgrService + health + reflection [50051]
  SELECT_STRATEGY  least_loaded | packed [least_loaded]
  HEARTBEAT_MS     snapshot refresh interval (= the pods' heartbeat) [2000]
  APP_TTL_MS       a pod not heard from for this long is never chosen [6000]
  STALE_MS         how long /login answers from the snapshot while Redis is down [10000]
  BIND_HOST        listen address [0.0.0.0]
  LOG_LEVEL        fatal|error|warn|info|debug|trace|silent [info]
${workersHelp.replace(/^  WORKERS {11}/, '  WORKERS          ')}`;
