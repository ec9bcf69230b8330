/**
 * SessionRegistry over Redis: `{p}:session:<account>` = "<game app_id> <socketKey>". A claim replaces the value and,
 * in the same Lua step, PUBLISHes "<account> <old socketKey>" on `{p}:kick:<old app_id>` when the previous holder
 * differs, so exactly the pod holding the older session kicks it. Release is compare-and-delete so a late release
 * of an old session never removes a newer one. Kicks arrive on a duplicated connection in subscriber mode, which
 * ioredis resubscribes after a reconnect.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { claimScript, releaseScript, script } from './lua-scripts.js';
import { closeRedis, trackUpDown } from './redis-client.js';
import { RegistryUnavailableError, type SessionRegistry } from './types.js';

export interface RedisSessionRegistryOptions {
  prefix: string;
  logger: Logger;
}

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
  private readonly releaseRun;
  private sub: Redis | undefined;
  private readonly handlers = new Map<string, (account: string, socketKey: string) => void>();

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisSessionRegistryOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.claimRun = script(redis, claimScript);
    this.releaseRun = script(redis, releaseScript);
  }

  async claim(account: string, appId: string, socketKey: string): Promise<{ appId: string; socketKey: string } | null> {
    let prev: unknown;
    try {
      prev = await this.claimRun(this.keys.session(account), `${appId} ${socketKey}`, account, this.keys.kickPrefix);
    } catch (err) {
      throw new RegistryUnavailableError('cannot claim session: redis unavailable', { cause: err });
    }
    if (typeof prev !== 'string') return null;
    const [a, s] = splitFirst(prev);
    return { appId: a, socketKey: s };
  }

  async release(account: string, appId: string, socketKey: string): Promise<void> {
    try {
      await this.releaseRun(this.keys.session(account), `${appId} ${socketKey}`);
    } catch (err) {
      throw new RegistryUnavailableError('cannot release session: redis unavailable', { cause: err });
    }
  }

  async onKick(appId: string, cb: (account: string, socketKey: string) => void): Promise<void> {
    const channel = this.keys.kick(appId);
    this.handlers.set(channel, cb);
    if (!this.sub) {
      // The subscriber keeps an offline queue so the SUBSCRIBE is sent once connected; ioredis resubscribes on reconnect.
      this.sub = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      trackUpDown(this.sub, this.o.logger.child({ conn: 'kick-subscriber' }), undefined, 'subscriber');
      this.sub.on('message', (ch: string, message: string) => {
        const h = this.handlers.get(ch);
        if (!h) return;
        const [account, socketKey] = splitLast(message);
        try {
          h(account, socketKey);
        } catch (err) {
          this.o.logger.error({ err, channel: ch }, 'kick handler threw');
        }
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
