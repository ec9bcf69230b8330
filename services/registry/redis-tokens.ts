/**
 * TokenStore over Redis: single-use login → game tokens. A token is 128 bits from the CSPRNG (32 hex chars) stored
 * as `{p}:token:<t>` = "<account> <game app_id>" with SET NX PX TOKEN_TTL_MS, and joins the game's pending set
 * `{p}:pending:<app_id>` (its heartbeats count players on their way, see lua-scripts.ts). Redeeming is one Lua step that deletes
 * the key only when account and app match exactly, so it succeeds at most once. Decision (docs): an attempt with the
 * wrong account or app does NOT burn the token — otherwise anyone who saw a token could void the real player's
 * login; guessing is hopeless at 128 bits and the TTL bounds a token's life anyway.
 */
import type { Redis } from 'ioredis';
import { randomToken } from '../platform/random-token.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { FINAL_ATTEMPT, issueScript, MAX_ATTEMPTS, MISSING_KEYS, redeemScript, roomIssueScript, script } from './lua-scripts.js';
import { RegistryUnavailableError, type TokenStore } from './types.js';

const TOKEN_RE = /^[0-9a-f]{32}$/;

/** A token as issued (32 hex chars); anything else is invalid without asking Redis. */
export const validTokenShape = (token: string): boolean => TOKEN_RE.test(token);

export interface RedisTokenStoreOptions {
  prefix: string;
  tokenTtlMs: number;
}

export class RedisTokenStore implements TokenStore {
  private readonly keys: RegistryKeys;
  private readonly redeemRun;
  private readonly issueRun;
  private readonly roomIssueRun;

  constructor(
    redis: Redis,
    private readonly o: RedisTokenStoreOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.redeemRun = script(redis, redeemScript);
    this.issueRun = script(redis, issueScript);
    this.roomIssueRun = script(redis, roomIssueScript);
  }

  async issue(account: string, gameAppId: string): Promise<string> {
    // A collision of 128 random bits is practically impossible; NX still makes one harmless (retry once). The script
    // answers MISSING_KEYS when the account's previous hold names keys it was not given: call again with them.
    const k = this.keys;
    let extra: string[] = [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const token = randomToken();
      const declared = [k.token(token), k.pending(gameAppId), k.hold(account), ...extra];
      let r: unknown;
      try {
        r = await this.issueRun(declared.length, ...declared, `${account} ${gameAppId}`, this.o.tokenTtlMs, token, account, k.pendingPrefix, k.tokenPrefix, gameAppId, attempt >= FINAL_ATTEMPT ? 1 : 0);
      } catch (err) {
        throw new RegistryUnavailableError('cannot issue token: redis unavailable', { cause: err });
      }
      if (r === 1) return token;
      if (Array.isArray(r) && r[0] === MISSING_KEYS) extra = (r as string[]).slice(1);
    }
    throw new RegistryUnavailableError('cannot issue token: repeated collisions');
  }

  async issueForSeat(account: string, gameAppId: string, roomId: string): Promise<string | null> {
    const k = this.keys;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const token = randomToken();
      let r: unknown;
      try {
        r = await this.roomIssueRun(k.token(token), k.hold(account), k.room(roomId), k.seats(roomId), k.newRooms(gameAppId), account, gameAppId, roomId, token, this.o.tokenTtlMs);
      } catch (err) {
        throw new RegistryUnavailableError('cannot issue token: redis unavailable', { cause: err });
      }
      if (r === 1) return token;
      if (r === -1) return null;
    }
    throw new RegistryUnavailableError('cannot issue token: repeated collisions');
  }

  async redeem(token: string, account: string, gameAppId: string): Promise<'ok' | 'invalid'> {
    if (!validTokenShape(token)) return 'invalid';
    try {
      const k = this.keys;
      const r = await this.redeemRun(k.token(token), k.pending(gameAppId), k.app(gameAppId), k.hold(account), `${account} ${gameAppId}`, token, `${gameAppId} ${token}`);
      return r === 1 ? 'ok' : 'invalid';
    } catch (err) {
      throw new RegistryUnavailableError('cannot redeem token: redis unavailable', { cause: err });
    }
  }
}
