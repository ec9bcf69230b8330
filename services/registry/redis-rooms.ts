/**
 * RoomAllocator over Redis (docs/rooms.md): create / join / find for the player flow, and a matchmaker's
 * AllocateMatch / ReserveSeats, each one call of the allocation script (lua/rooms.ts), atomic for every appmgr
 * replica. The script asks for the keys it needs that depend on what Redis holds (a room's pod, the find's candidate
 * rooms, an account's previous hold) with the registry's missing-keys answer; the game pods' keys are learned once
 * and declared in every call after. Room ids are made here (a few candidates per call; the script takes the first
 * unused one); tokens for matchmakers' seats too.
 */
import type { Redis } from 'ioredis';
import { randomToken } from '../platform/random-token.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { MISSING_KEYS, roomAllocScript, roomListScript, script } from './lua-scripts.js';
import { newRoomId, normalizeRoomId } from './room-id.js';
import type { SelectStrategy } from './redis-selector.js';
import {
  RegistryUnavailableError,
  type RoomAllocateOptions,
  type RoomAllocation,
  type RoomAllocator,
  type RoomFailure,
  type RoomListing,
  type RoomWant,
  type SeatRequest,
} from './types.js';

export interface RedisRoomAllocatorOptions {
  prefix: string;
  appTtlMs: number;
  strategy: SelectStrategy;
  /** CLUSTER_CAPACITY (0 = none): a new room needs its max_players free in the whole cluster. */
  clusterCapacity?: number;
  /**
   * The admission queue's keys (RedisQueue.roomKeys): places held for admitted tickets are not taken by new rooms,
   * a player's admission consumes them, and (with `enforce`) a new room of the player flow waits for the line.
   */
  queue?: { placesKey: string; lineKey: string; admKey: string; clockKey: string; freezeMs: number; enforce: () => boolean };
}

/** Attempts at a call whose keys keep changing (new rooms, new pods); the last one proceeds with what it has. */
const ATTEMPTS = 8;
/** New-id candidates per create (a collision of ≈ 40-bit ids is rare; all three taken answers COLLISION: retry). */
const ID_CANDIDATES = 3;

const FAILURES = new Set<RoomFailure>(['ROOM_NOT_FOUND', 'ROOM_FULL', 'ROOM_CLOSED', 'ROOM_INVALID', 'NO_APP', 'ALREADY_EXISTS']);

/** Labels as JSON with sorted keys (the same labels always give the same text: the idempotency signature). */
export function labelsJson(labels: Record<string, string>): string {
  const o: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) o[k] = labels[k]!;
  return JSON.stringify(o);
}

function parseLabels(s: string): Record<string, string> {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export class RedisRoomAllocator implements RoomAllocator {
  private readonly keys: RegistryKeys;
  private readonly allocRun;
  private readonly listRun;
  /** Keys of game pods learned from missing-keys answers (app, pending, newrooms); bounded. */
  private readonly podKeys = new Set<string>();
  /** Room keys of a mode's find candidates learned from missing-keys answers; bounded per mode. */
  private readonly modeKeys = new Map<string, Set<string>>();
  private readonly findChains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisRoomAllocatorOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.allocRun = script(redis, roomAllocScript);
    this.listRun = script(redis, roomListScript);
  }

  allocate(want: RoomWant, seats: readonly SeatRequest[], opts: RoomAllocateOptions): Promise<RoomAllocation> {
    if (!('find' in want)) return this.allocateOnce(want, seats, opts);
    // Finds of one mode go one call at a time from this appmgr: each sees the rooms the previous one opened (and
    // has their keys declared), so concurrent finds fill a room before they open the next (docs/rooms.md).
    const mode = want.find.mode;
    const prev = this.findChains.get(mode) ?? Promise.resolve();
    const run = prev.then(() => this.allocateOnce(want, seats, opts));
    const tail = run.catch(() => undefined);
    this.findChains.set(mode, tail);
    void tail.then(() => {
      if (this.findChains.get(mode) === tail) this.findChains.delete(mode);
    });
    return run;
  }

  private async allocateOnce(want: RoomWant, seats: readonly SeatRequest[], opts: RoomAllocateOptions): Promise<RoomAllocation> {
    const k = this.keys;
    const op = 'create' in want ? 'create' : 'join' in want ? 'join' : 'find';
    const spec = 'create' in want ? want.create : 'find' in want ? want.find : null;
    let joinId = '';
    if ('join' in want) {
      const id = normalizeRoomId(want.join);
      if (!id) return { ok: false, code: 'ROOM_INVALID' };
      joinId = id;
    }
    const lj = spec ? labelsJson(spec.labels) : '{}';
    const accounts = seats.map((s) => s.account);
    const accSig = [...accounts].sort().join('\n');
    const specSig = spec ? JSON.stringify([op, spec.mode, spec.maxPlayers, spec.isPrivate, lj]) : JSON.stringify([op, joinId]);
    const tokens = seats.map(() => (opts.issueTokens ? randomToken() : ''));
    const perSeat: (string | number)[] = [];
    seats.forEach((s, i) => perSeat.push(s.account, tokens[i]!, s.team ?? '', labelsJson(s.data ?? {})));
    const fixed = [k.apps, k.online('game')];
    const q = this.o.queue;
    if (q) fixed.push(q.placesKey, q.lineKey, q.admKey, q.clockKey);
    // The player flow (the login issues the token) carries the player's admission and waits for the line.
    const playerFlow = !opts.issueTokens && seats.length === 1;
    const line = q && playerFlow && q.enforce() ? 1 : 0;
    const requestKeys: string[] = [...accounts.map((a) => k.hold(a)), ...tokens.filter(Boolean).map((t) => k.token(t))];
    if (opts.idempotencyKey) requestKeys.push(k.match(opts.idempotencyKey));
    if (joinId) requestKeys.push(k.room(joinId), k.seats(joinId));
    if (spec) requestKeys.push(k.roomsOfMode(spec.mode));
    let extra: string[] = [];
    let learned: Set<string> | undefined;
    if ('find' in want) {
      learned = this.modeKeys.get(want.find.mode);
      if (!learned || learned.size > 2048) this.modeKeys.set(want.find.mode, (learned = new Set()));
    }
    for (let attempt = 0; attempt < ATTEMPTS + 2; attempt++) {
      const ids = spec ? Array.from({ length: ID_CANDIDATES }, newRoomId) : [];
      const idKeys = ids.flatMap((id) => [k.room(id), k.seats(id)]);
      const declared = [...new Set([...fixed, ...this.podKeys, ...requestKeys, ...idKeys, ...(learned ?? []), ...extra])];
      const final = attempt >= ATTEMPTS - 1 ? 1 : 0;
      let r: unknown;
      try {
        r = await this.allocRun(declared.length, ...declared, k.tag, op, this.o.appTtlMs, this.o.strategy, opts.transport, final, opts.seatMs,
          spec?.mode ?? '', spec?.maxPlayers ?? 0, spec?.isPrivate ? 1 : 0, lj, joinId, ids.join(','), opts.idempotencyKey ?? '', opts.bypassLock ? 1 : 0,
          this.o.clusterCapacity ?? 0, q?.placesKey ?? '', accSig, specSig, q?.lineKey ?? '', q?.admKey ?? '', q?.clockKey ?? '', q?.freezeMs ?? 2000,
          playerFlow ? (opts.admission ?? '') : '', line, seats.length, ...perSeat);
      } catch (err) {
        throw new RegistryUnavailableError('cannot allocate a room: redis unavailable', { cause: err });
      }
      const a = r as (string | number)[];
      if (a[0] === MISSING_KEYS) {
        for (const key of a.slice(1) as string[]) {
          if (key.startsWith(k.appPrefix) || key.startsWith(k.pendingPrefix) || key.startsWith(k.newRoomsPrefix)) this.learnPodKey(key);
          else if (learned && (key.startsWith(k.roomPrefix) || key.startsWith(k.seatsPrefix))) learned.add(key);
          else extra.push(key);
        }
        continue;
      }
      if (a[0] === 'err') {
        if (a[1] === 'COLLISION') continue;
        const code = String(a[1]) as RoomFailure;
        return { ok: false, code: FAILURES.has(code) ? code : 'ROOM_INVALID' };
      }
      const out: RoomAllocation & { ok: true } = { ok: true, appId: String(a[1]), ip: String(a[2]), port: Number(a[3]), wsPort: Number(a[4]), roomId: String(a[5]), seats: [] };
      for (let i = 6; i + 2 < a.length; i += 3) {
        out.seats.push({ account: String(a[i]), token: String(a[i + 1]), status: String(a[i + 2]) as 'new' | 'same' | 'in' });
      }
      return out;
    }
    // The keys kept changing under concurrent calls (a storm of new rooms): the caller answers BUSY.
    throw new RegistryUnavailableError('cannot allocate a room: the keys to declare kept changing');
  }

  private learnPodKey(key: string): void {
    if (this.podKeys.size > 30_000) this.podKeys.clear();
    this.podKeys.add(key);
  }

  async list(mode: string, limit: number, includePrivate = false): Promise<RoomListing[]> {
    const k = this.keys;
    let extra: string[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const declared = [k.roomsOfMode(mode), ...extra];
      let r: unknown;
      try {
        r = await this.listRun(declared.length, ...declared, k.tag, this.o.appTtlMs, limit, includePrivate ? 1 : 0);
      } catch (err) {
        throw new RegistryUnavailableError('cannot list rooms: redis unavailable', { cause: err });
      }
      const a = r as (string | number)[];
      if (a[0] === MISSING_KEYS) {
        extra = [...new Set([...extra, ...(a.slice(1) as string[])])];
        continue;
      }
      const out: RoomListing[] = [];
      for (let i = 0; i + 10 < a.length; i += 11) {
        out.push({
          roomId: String(a[i]),
          appId: String(a[i + 1]),
          mode: String(a[i + 2]),
          players: Number(a[i + 3]),
          reserved: Number(a[i + 4]),
          maxPlayers: Number(a[i + 5]),
          isPrivate: Number(a[i + 6]) === 1,
          locked: Number(a[i + 7]) === 1,
          labels: parseLabels(String(a[i + 8])),
          createdAtMs: Number(a[i + 9]),
          draining: Number(a[i + 10]) === 1,
        });
      }
      return out;
    }
    throw new RegistryUnavailableError('cannot list rooms: the keys to declare kept changing');
  }

  async peek(roomId: string): Promise<{ open: boolean; free: number } | null> {
    const id = normalizeRoomId(roomId);
    if (!id) return null;
    const k = this.keys;
    try {
      const r = await this.redis.hmget(k.room(id), 'app', 'run', 'max', 'players', 'locked');
      if (!r[0]) return null;
      const [app, seats] = await Promise.all([this.redis.hmget(k.app(r[0]), 'run_id', 'ts_ms', 'state'), this.redis.zcount(k.seats(id), `(${Date.now()}`, '+inf')]);
      if (!app[1] || app[0] !== r[1] || Number(app[1]) < Date.now() - this.o.appTtlMs) return null;
      const free = Number(r[2]) - Number(r[3] ?? 0) - seats;
      return { open: app[2] === 'ready' && r[4] !== '1' && free > 0, free: Math.max(0, free) };
    } catch (err) {
      throw new RegistryUnavailableError('cannot read a room: redis unavailable', { cause: err });
    }
  }
}
