/**
 * SessionRegistry over Redis: `{p}:session:<account>` = "<game app_id> <socketKey> <run_id>". A record is valid while
 * its pod is alive in that run (the runs hash its heartbeat writes: lua/fragments.ts SESSION), so a player who is
 * merely online costs Redis nothing: no refresh per heartbeat. A claim replaces the value and, in the same Lua step,
 * PUBLISHes "<account> <old socketKey> <old run_id>" on `{p}:kick:<old app_id>` when the previous record was another
 * valid session, so exactly the pod (and run) holding the older session kicks it; a record of a dead pod, or of an
 * earlier run of a restarted one, is overwritten without a kick. Release is compare-and-delete so a late release of
 * an old session never removes a newer one. Keys carry a 1 h backstop expiry that the owning pod re-arms (`sync`,
 * services/game/sessions.ts spreads it). Kicks arrive on a duplicated connection in subscriber mode, which ioredis
 * resubscribes after a reconnect; pub/sub loses what is published while the subscriber is disconnected, so
 * `onResubscribed` tells the pod to compare its live sessions with the records at once (`sync`), as it does when its
 * heartbeat finds that Redis lost its registration.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { claimScript, redeemClaimScript, releaseScript, roomRedeemScript, script, sessionSyncScript } from './lua-scripts.js';
import { validTokenShape } from './redis-tokens.js';
import { closeRedis, trackUpDown } from './redis-client.js';
import { RegistryUnavailableError, type RedeemClaimResult, type RoomSeat, type SessionRegistry } from './types.js';

export interface RedisSessionRegistryOptions {
  prefix: string;
  logger: Logger;
  /**
   * How long the pod counts as alive when one of its scripts writes its runs entry before its heartbeat did (after
   * Redis lost its data): 3 heartbeats, as the heartbeat writes it. Default 6000.
   */
  liveMs?: number;
  /** PX of a session key: the backstop against leaks, re-armed by the owning pod. Default 1 h. */
  keyTtlMs?: number;
  /**
   * The pod's run id (HeartbeatSource.runId): its session records are valid while its heartbeat names this run, and
   * a room token redeems only on the run that holds its room. Default: a fresh one (tests).
   */
  runId?: string;
}

/** The room seat of a redeemed room token, from roomRedeemScript's answer. */
function seatOf(roomId: string, mode: string, max: string, priv: string, labels: string, seatJson: string): RoomSeat {
  let parsedLabels: Record<string, string> = {};
  try {
    parsedLabels = JSON.parse(labels) as Record<string, string>;
  } catch {
    // Written by our own scripts from validated input; an unreadable value is treated as no labels.
  }
  let match: RoomSeat['match'] = null;
  if (seatJson) {
    try {
      const j = JSON.parse(seatJson) as { team?: string; data?: string };
      // The seat's data is kept as the JSON text the allocation was given.
      const d = j.data ? (JSON.parse(j.data) as unknown) : {};
      const data = d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, string>) : {};
      if (j.team || Object.keys(data).length > 0) match = { team: j.team ?? '', data };
    } catch {
      match = null;
    }
  }
  return { roomId, mode, maxPlayers: Number(max), isPrivate: priv === '1', labels: parsedLabels, match };
}

/** Session keys per sync script call (bounds how long one call blocks Redis). */
const SYNC_BATCH = 500;

/** The backstop expiry of a session key (re-armed by its pod, services/game/sessions.ts). */
export const SESSION_KEY_TTL_MS = 3_600_000;

/** What a run id looks like (services/pod/run-id.ts), to tell a kick of another run from an older version's. */
const RUN_ID_SHAPE = /^[0-9a-f]{16}$/;

/** A session record's holder: "<app_id> <socketKey>[ <run_id>]". */
function holderOf(v: string): { appId: string; socketKey: string } {
  const [appId, rest] = splitFirst(v);
  return { appId, socketKey: splitFirst(rest)[0] };
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
  private readonly redeemClaimRun;
  private readonly roomRedeemRun;
  private readonly releaseRun;
  private readonly syncRun;
  private readonly liveMs: number;
  private readonly keyTtlMs: number;
  /** This pod's run (its session values and kicks name it). */
  readonly runId: string;
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
    this.roomRedeemRun = script(redis, roomRedeemScript);
    this.releaseRun = script(redis, releaseScript);
    this.syncRun = script(redis, sessionSyncScript);
    this.liveMs = o.liveMs ?? 6000;
    this.keyTtlMs = o.keyTtlMs ?? SESSION_KEY_TTL_MS;
    this.runId = o.runId || randomBytes(8).toString('hex');
  }

  /** The record of (appId, socketKey) in this run. */
  private value(appId: string, socketKey: string): string {
    return `${appId} ${socketKey} ${this.runId}`;
  }

  async claim(account: string, appId: string, socketKey: string): Promise<{ appId: string; socketKey: string } | null> {
    let prev: unknown;
    try {
      prev = await this.claimRun(this.keys.session(account), this.keys.runs, this.value(appId, socketKey), account, this.keys.kickPrefix, this.keyTtlMs, appId, this.runId, this.liveMs);
    } catch (err) {
      throw new RegistryUnavailableError('cannot claim session: redis unavailable', { cause: err });
    }
    return typeof prev === 'string' ? holderOf(prev) : null;
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
      r = await this.redeemClaimRun(k.token(token), k.pending(appId), k.app(appId), k.hold(account), k.session(account), k.runs, `${account} ${appId}`, token, `${appId} ${token}`, this.value(appId, socketKey), account, k.kickPrefix, this.keyTtlMs, appId, this.runId, this.liveMs);
    } catch (err) {
      throw new RegistryUnavailableError('cannot redeem token and claim session: redis unavailable', { cause: err });
    }
    if (r === 0) return 'invalid';
    if (Array.isArray(r) && r[0] === 'room') return this.redeemRoomSeat(token, account, appId, socketKey, String(r[1]));
    if (typeof r !== 'string') return { previous: null, seat: null };
    return { previous: holderOf(r), seat: null };
  }

  /** The second step of a room token's login: the room's keys are now known (docs/rooms.md). */
  private async redeemRoomSeat(token: string, account: string, appId: string, socketKey: string, roomId: string): Promise<'invalid' | RedeemClaimResult> {
    const k = this.keys;
    let r: unknown;
    try {
      r = await this.roomRedeemRun(k.token(token), k.pending(appId), k.app(appId), k.hold(account), k.session(account), k.room(roomId), k.seats(roomId), k.newRooms(appId), k.runs, account, appId, token, roomId, this.value(appId, socketKey), k.kickPrefix, this.keyTtlMs, this.runId, this.liveMs);
    } catch (err) {
      throw new RegistryUnavailableError('cannot redeem room token: redis unavailable', { cause: err });
    }
    if (!Array.isArray(r) || r[0] !== 'ok') return 'invalid';
    const [, prev, mode, max, priv, labels, seatJson] = r as string[];
    const seat = seatOf(roomId, mode!, max!, priv!, labels!, seatJson!);
    return { previous: prev ? holderOf(prev) : null, seat };
  }

  async release(account: string, appId: string, socketKey: string): Promise<void> {
    try {
      await this.releaseRun(this.keys.session(account), this.value(appId, socketKey));
    } catch (err) {
      throw new RegistryUnavailableError('cannot release session: redis unavailable', { cause: err });
    }
  }

  async sync(appId: string, live: readonly { account: string; socketKey: string }[]): Promise<{ account: string; socketKey: string }[]> {
    const lost: { account: string; socketKey: string }[] = [];
    for (let i = 0; i < live.length; i += SYNC_BATCH) {
      const part = live.slice(i, i + SYNC_BATCH);
      let r: unknown;
      try {
        r = await this.syncRun(part.length + 1, this.keys.runs, ...part.map((x) => this.keys.session(x.account)), this.keyTtlMs, appId, this.runId, this.liveMs, ...part.map((x) => x.socketKey));
      } catch (err) {
        throw new RegistryUnavailableError('cannot sync sessions: redis unavailable', { cause: err });
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
        // "<account> <socketKey> <run_id>"; an older version's claim names no run for its own records. A kick for
        // another run of this app_id (an earlier process under the same name) is not for this process's sessions.
        let [account, socketKey] = splitLast(message);
        if (socketKey === this.runId) [account, socketKey] = splitLast(account);
        else if (RUN_ID_SHAPE.test(socketKey)) return;
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
