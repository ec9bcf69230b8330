/**
 * The Redis key schema of the registry (docs/operations.md "Redis keys"), spelled in one place. Every key starts
 * with the hash tag `{<PREFIX>}` so all of them live in one Redis Cluster slot and a Lua script may touch any of them.
 */
import type { AppTypeName } from '../protocol/wire.js';

export interface RegistryKeys {
  readonly tag: string;
  /** Hash of one pod's last heartbeat, PEXPIRE APP_TTL_MS. */
  app(appId: string): string;
  /** Prefix of `app()` keys, for scripts that build them from member names. */
  readonly appPrefix: string;
  /** Sorted set of selectable pods of a type, score = online / capacity. */
  online(appType: AppTypeName): string;
  readonly onlinePrefix: string;
  /** Set of every registered app_id (so listing needs no SCAN); dead members are pruned when listed. */
  readonly apps: string;
  drain(appId: string): string;
  /** Set by UndrainApp for the drained pod's next heartbeat to take (undrain.ts). */
  undrain(appId: string): string;
  token(token: string): string;
  /** Sorted set of a game pod's issued, not yet redeemed tokens (score = expiry ms): players on their way to it. */
  pending(appId: string): string;
  readonly pendingPrefix: string;
  session(account: string): string;
  /** Pub/sub channel of one game pod for duplicate-login kicks. */
  kick(appId: string): string;
  readonly kickPrefix: string;
}

export function registryKeys(prefix: string): RegistryKeys {
  const tag = `{${prefix}}`;
  return {
    tag,
    app: (id) => `${tag}:app:${id}`,
    appPrefix: `${tag}:app:`,
    online: (t) => `${tag}:online:${t}`,
    onlinePrefix: `${tag}:online:`,
    apps: `${tag}:apps`,
    drain: (id) => `${tag}:drain:${id}`,
    undrain: (id) => `${tag}:undrain:${id}`,
    token: (t) => `${tag}:token:${t}`,
    pending: (id) => `${tag}:pending:${id}`,
    pendingPrefix: `${tag}:pending:`,
    session: (a) => `${tag}:session:${a}`,
    kick: (id) => `${tag}:kick:${id}`,
    kickPrefix: `${tag}:kick:`,
  };
}
