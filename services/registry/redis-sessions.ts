/**
 * SessionRegistry over Redis: `{p}:session:<account>` = "<game app_id> <socketKey>". A claim replaces the value and,
 * in the same Lua step, PUBLISHes "<account> <old socketKey>" on `{p}:kick:<old app_id>` when the previous holder
 * differs, so exactly the pod holding the older session kicks it. Release is compare-and-delete so a late release
 * of an old session never removes a newer one. Kicks arrive on a duplicated connection in subscriber mode, which
 * ioredis resubscribes after a reconnect. Session keys expire (PX `sessionTtlMs`) unless the owning pod's periodic
 * `refresh` keeps them: a pod that died leaves nothing behind. Pub/sub loses what is published while the subscriber
 * is disconnected, so `onResubscribed` tells the pod to compare its live sessions with the keys at once.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { claimScript, redeemClaimScript, refreshScript, releaseScript, script } from './lua-scripts.js';
import { validTokenShape } from './redis-tokens.js';
import { closeRedis, trackUpDown } from './redis-client.js';
import { RegistryUnavailableError, type RedeemClaimResult, type SessionRegistry } from './types.js';

export interface RedisSessionRegistryOptions {
  prefix: string;
  logger: Logger;
  /** PX of a session key; the owning pod refreshes it (≤ 3 heartbeats). Default 6000. */
  sessionTtlMs?: number;
}

/** Session keys per refresh script call (bounds how long one call blocks Redis). */
const REFRESH_BATCH = 500;

/** Splits "<first> <rest>" at the first space (app ids contain no spaces). */
function splitFirst(v: string): [string, string] {
  const i = v.indexOf(' ');
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1)];
}

/** Splits "<account> <socketKey>" at the last space (socket keys contain no spaces; accounts might). */
function splitLast(v: string): [string, string] {
  const i = v.lastIndexOf(' ');
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1)];
}

export class RedisSessionRegistry implements SessionRegistry {
  private readonly keys: RegistryKeys;
  private readonly claimRun;
  private readonly redeemClaimRun;
  private readonly releaseRun;
  private readonly refreshRun;
  private readonly ttlMs: number;
  private sub: Redis | undefined;
  private readonly handlers = new Map<string, (account: string, socketKey: string) => void>();
  private readonly resubscribed: (() => void)[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisSessionRegistryOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.claimRun = script(redis, claimScript);
    this.redeemClaimRun = script(redis, redeemClaimScript);
    this.releaseRun = script(redis, releaseScript);
    this.refreshRun = script(redis, refreshScript);
    this.ttlMs = o.sessionTtlMs ?? 6000;
  }

  async claim(account: string, appId: string, socketKey: string): Promise<{ appId: string; socketKey: string } | null> {
    let prev: unknown;
    try {
      prev = await this.claimRun(this.keys.session(account), `${appId} ${socketKey}`, account, this.keys.kickPrefix, this.ttlMs);
    } catch (err) {
      throw new RegistryUnavailableError('cannot claim session: redis unavailable', { cause: err });
    }
    if (typeof prev !== 'string') return null;
    const [a, s] = splitFirst(prev);
    return { appId: a, socketKey: s };
  }

  /**
   * RedisTokenStore.redeem and, when it redeems, claim — in one script call (lua-scripts.ts redeemClaimScript).
   * 'invalid' when the token does not redeem (nothing changed); else the previous location, as claim answers.
   */
  async redeemAndClaim(token: string, account: string, appId: string, socketKey: string): Promise<'invalid' | RedeemClaimResult> {
    if (!validTokenShape(token)) return 'invalid';
    const k = this.keys;
    let r: unknown;
    try {
      r = await this.redeemClaimRun(k.token(token), k.pending(appId), k.app(appId), k.hold(account), k.session(account), `${account} ${appId}`, token, `${appId} ${token}`, `${appId} ${socketKey}`, account, k.kickPrefix, this.ttlMs);
    } catch (err) {
      throw new RegistryUnavailableError('cannot redeem token and claim session: redis unavailable', { cause: err });
    }
    if (r === 0) return 'invalid';
    if (typeof r !== 'string') return { previous: null, seat: null };
    const [a, s] = splitFirst(r);
    return { previous: { appId: a, socketKey: s }, seat: null };
  }

  async release(account: string, appId: string, socketKey: string): Promise<void> {
    try {
      await this.releaseRun(this.keys.session(account), `${appId} ${socketKey}`);
    } catch (err) {
      throw new RegistryUnavailableError('cannot release session: redis unavailable', { cause: err });
    }
  }

  async refresh(appId: string, live: readonly { account: string; socketKey: string }[]): Promise<{ account: string; socketKey: string }[]> {
    const lost: { account: string; socketKey: string }[] = [];
    for (let i = 0; i < live.length; i += REFRESH_BATCH) {
      const part = live.slice(i, i + REFRESH_BATCH);
      let r: unknown;
      try {
        r = await this.refreshRun(part.length, ...part.map((x) => this.keys.session(x.account)), this.ttlMs, ...part.map((x) => `${appId} ${x.socketKey}`));
      } catch (err) {
        throw new RegistryUnavailableError('cannot refresh sessions: redis unavailable', { cause: err });
      }
      for (const n of r as number[]) lost.push(part[n - 1]!);
    }
    return lost;
  }

  onResubscribed(cb: () => void): void {
    this.resubscribed.push(cb);
  }

  async onKick(appId: string, cb: (account: string, socketKey: string) => void): Promise<void> {
    const channel = this.keys.kick(appId);
    this.handlers.set(channel, cb);
    if (!this.sub) {
      // The subscriber keeps an offline queue so the SUBSCRIBE is sent once connected; ioredis resubscribes on reconnect.
      const sub = (this.sub = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }));
      trackUpDown(sub, this.o.logger.child({ conn: 'kick-subscriber' }), undefined, 'subscriber');
      sub.on('message', (ch: string, message: string) => {
        const h = this.handlers.get(ch);
        if (!h) return;
        const [account, socketKey] = splitLast(message);
        try {
          h(account, socketKey);
        } catch (err) {
          this.o.logger.error({ err, channel: ch }, 'kick handler threw');
        }
      });
      let connectedBefore = false;
      sub.on('ready', () => {
        if (!connectedBefore) return void (connectedBefore = true);
        // Kicks published while we were away are lost. Subscribe again ourselves and wait for it (a no-op on top of
        // ioredis' own resubscribe), so a claim made after this point reaches us and one made before is in the
        // session keys the callbacks compare.
        void Promise.all([...this.handlers.keys()].map((c) => sub.subscribe(c))).then(
          () => {
            if (this.sub !== sub) return;
            for (const f of this.resubscribed) {
              try {
                f();
              } catch (err) {
                this.o.logger.error({ err }, 'resubscribe callback threw');
              }
            }
          },
          (err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'kick subscription: resubscribe failed'),
        );
      });
    }
    await this.sub.subscribe(channel);
  }

  async close(): Promise<void> {
    const s = this.sub;
    this.sub = undefined;
    this.handlers.clear();
    if (s) await closeRedis(s);
  }
}
