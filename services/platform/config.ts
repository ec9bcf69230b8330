/**
 * Config loading shared by every service: each service declares one zod schema over the environment
 * (names and defaults: docs/operations.md "Configuration"); `loadConfig` validates it and, on any bad value,
 * throws a ConfigError whose message is one line naming the variable, the value and what is allowed.
 * `loadConfigOrExit` prints that line and exits with code 2, as the contract asks.
 */
import { z } from 'zod';
import { redactValue } from './redact.js';
import { parseRedisTarget, RedisUrlError } from './redis-url.js';

export { redactUrl } from './redact.js';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const intString = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `an integer from ${min} to ${max}`).max(max, `an integer from ${min} to ${max}`));

/** Building blocks for the per-service schemas. Each maps an env string to a typed value with a default. */
export const env = {
  int: (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => intString(min, max).default(def),
  port: (def: number) => intString(0, 65535).default(def),
  str: (def: string) => z.string().trim().min(1, 'a non-empty string').default(def),
  optionalStr: () => z.string().trim().min(1, 'a non-empty string').optional(),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, def: T[number]) =>
    z.enum(values, { error: `one of ${values.join('|')}` }).default(def as never),
  url: (protocols: readonly string[], def?: string) => {
    const s = z
      .string()
      .trim()
      .refine((v) => {
        try {
          return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      }, `a URL with scheme ${protocols.join('|')}`);
    return def === undefined ? s.optional() : s.default(def);
  },
  /** REDIS_URL / REDIS_SENTINELS: checked by the parser that builds the client options (./redis-url.ts). */
  redisUrl: (def: string) => z.string().trim().superRefine((v, ctx) => redisCheck(ctx, () => parseRedisTarget(v))).default(def),
  redisSentinels: () =>
    z
      .string()
      .trim()
      .min(1, 'a non-empty string')
      .superRefine((v, ctx) => redisCheck(ctx, () => parseRedisTarget('redis-sentinel://x', v)))
      .optional(),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal|error|warn|info|debug|trace|silent' }).default('info'),
};

/** An origin as browsers send it in `Origin`: http(s)://host[:port], nothing after (CORS_ORIGINS, WS_ALLOWED_ORIGINS). */
export function validOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
  } catch {
    return false;
  }
}

function redisCheck(ctx: z.RefinementCtx, parse: () => unknown): void {
  try {
    parse();
  } catch (err) {
    if (!(err instanceof RedisUrlError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message });
  }
}

/** Variables every service reads. */
export const commonEnv = {
  REDIS_URL: env.redisUrl('redis://127.0.0.1:6379'),
  REDIS_SENTINELS: env.redisSentinels(),
  /** No request waits longer than this on Redis (docs/operations.md "Redis outage runbook"). */
  REDIS_COMMAND_TIMEOUT_MS: env.int(1000, 50, 60_000),
  /** appmgr: most picks waiting for Redis per app type; more are shed with 503/6 (bounded memory under a herd). */
  REDIS_PICK_QUEUE_MAX: env.int(10_000, 1, 10_000_000),
  PREFIX: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,32}$/, '1-32 chars of [A-Za-z0-9_.-]').default('gc'),
  LOG_LEVEL: env.logLevel(),
  HEARTBEAT_MS: env.int(2000, 100, 600_000),
  APP_TTL_MS: env.int(6000, 300, 3_600_000),
  STALE_MS: env.int(10000, 0, 3_600_000),
  BIND_HOST: env.str('0.0.0.0'),
};

/**
 * Validates `source` (normally process.env) against `shape`. Only the variables named in the shape are read;
 * empty strings count as unset so `FOO=` falls back to the default.
 */
export function loadConfig<S extends z.ZodRawShape>(shape: S, source: NodeJS.ProcessEnv = process.env): z.output<z.ZodObject<S>> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const v = source[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const result = z.object(shape).safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? '?');
  const value = input[variable];
  const shown = value === undefined ? '(unset)' : JSON.stringify(redactValue(variable, value));
  throw new ConfigError(variable, `invalid ${variable}=${shown}: expected ${issue.message}`);
}

/** Like loadConfig but prints the one-line error to stderr and exits 2 (operations.md). */
export function loadConfigOrExit<S extends z.ZodRawShape>(shape: S, source: NodeJS.ProcessEnv = process.env, command = 'gamecluster'): z.output<z.ZodObject<S>> {
  try {
    return loadConfig(shape, source);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${command}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** The config as it is safe to log: URL credentials and whole-value secrets (tokens, passwords) hidden. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) out[k] = typeof v === 'string' ? redactValue(k, v) : v;
  return out;
}

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost): the warnings of open modes key on it. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
