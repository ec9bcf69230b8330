/**
 * TokenStore over Redis: single-use login → game tokens. A token is 128 bits from the CSPRNG (32 hex chars) stored
 * as `{p}:token:<t>` = "<account> <game app_id>" with SET NX PX TOKEN_TTL_MS, and joins the game's pending set
 * `{p}:pending:<app_id>` (its heartbeats count players on their way, see lua-scripts.ts). Redeeming is one Lua step that deletes
 * the key only when account and app match exactly, so it succeeds at most once. Decision (docs): an attempt with the
 * wrong account or app does NOT burn the token — otherwise anyone who saw a token could void the real player's
 * login; guessing is hopeless at 128 bits and the TTL bounds a token's life anyway.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { registryKeys, type RegistryKeys } from './keys.js';
import { issueScript, redeemScript, script } from './lua-scripts.js';
import { RegistryUnavailableError, type TokenStore } from './types.js';

const TOKEN_RE = /^[0-9a-f]{32}$/;

export interface RedisTokenStoreOptions {
  prefix: string;
  tokenTtlMs: number;
}

export class RedisTokenStore implements TokenStore {
  private readonly keys: RegistryKeys;
  private readonly redeemRun;
  private readonly issueRun;

  constructor(
    redis: Redis,
    private readonly o: RedisTokenStoreOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.redeemRun = script(redis, redeemScript);
    this.issueRun = script(redis, issueScript);
  }

  async issue(account: string, gameAppId: string): Promise<string> {
    // A collision of 128 random bits is practically impossible; NX still makes one harmless (retry once).
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomBytes(16).toString('hex');
      let r: unknown;
      try {
        r = await this.issueRun(this.keys.token(token), this.keys.pending(gameAppId), `${account} ${gameAppId}`, this.o.tokenTtlMs, token, account);
      } catch (err) {
        throw new RegistryUnavailableError('cannot issue token: redis unavailable', { cause: err });
      }
      if (r === 1) return token;
    }
    throw new RegistryUnavailableError('cannot issue token: repeated collisions');
  }

  async redeem(token: string, account: string, gameAppId: string): Promise<'ok' | 'invalid'> {
    if (!TOKEN_RE.test(token)) return 'invalid';
    try {
      const r = await this.redeemRun(this.keys.token(token), this.keys.pending(gameAppId), this.keys.app(gameAppId), `${account} ${gameAppId}`, token);
      return r === 1 ? 'ok' : 'invalid';
    } catch (err) {
      throw new RegistryUnavailableError('cannot redeem token: redis unavailable', { cause: err });
    }
  }
}
