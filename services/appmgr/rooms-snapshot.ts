/**
 * The public room list of `GET /rooms` (docs/rooms.md "Public list"): appmgr's snapshot of the open public rooms
 * with a free seat, fullest first, at most `maxPerMode` per mode, refreshed every interval from Redis (one list
 * script call per declared mode) — so a request costs no Redis read, and a room that became locked, full, private
 * or draining disappears within one interval. The modes are the ones the live game pods declare (app snapshot).
 */
import type { Logger } from '../platform/logger.js';
import type { RoomAllocator, RoomListing } from '../registry/types.js';
import type { AppSnapshot } from './app-snapshot.js';

export interface RoomsSnapshotOptions {
  rooms: RoomAllocator;
  apps: AppSnapshot;
  refreshMs: number;
  logger: Logger;
  /** Rooms kept per mode (the fullest open ones). Default 1000. */
  maxPerMode?: number;
}

export interface PublicRoom {
  room_id: string;
  mode: string;
  players: number;
  max_players: number;
  labels: Record<string, string>;
}

export class RoomsSnapshot {
  private byMode = new Map<string, PublicRoom[]>();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private running: Promise<void> | undefined;

  constructor(private readonly o: RoomsSnapshotOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.refresh(), this.o.refreshMs);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One refresh (a refresh still running is joined, not doubled). */
  refresh(): Promise<void> {
    this.running ??= this.load().finally(() => (this.running = undefined));
    return this.running;
  }

  private async load(): Promise<void> {
    const modes = new Set<string>();
    for (const a of this.o.apps.list('game')) for (const m of a.modes ?? []) modes.add(m.mode);
    const max = this.o.maxPerMode ?? 1000;
    const next = new Map<string, PublicRoom[]>();
    try {
      for (const mode of modes) {
        // Private rooms too, though none is served: a list prunes the index entries of the dead rooms it meets, and
        // nothing else reads the private band regularly (a private room that lapsed unentered would stay there).
        const rooms = await this.o.rooms.list(mode, max * 2, true);
        next.set(mode, rooms.filter(open).slice(0, max).map(toPublic));
      }
    } catch (err) {
      // Keep serving the last list; say so once per outage.
      if (!this.failing) this.o.logger.warn({ err: (err as Error).message }, 'rooms: cannot refresh the public list (Redis unavailable): serving the last one');
      this.failing = true;
      return;
    }
    if (this.failing) this.o.logger.info('rooms: public list refreshed again');
    this.failing = false;
    this.byMode = next;
  }

  /** Open public rooms of `mode` whose labels include `labels`, fullest first. */
  list(mode: string, labels: Record<string, string>, limit: number): PublicRoom[] {
    const want = Object.entries(labels);
    const out: PublicRoom[] = [];
    for (const r of this.byMode.get(mode) ?? []) {
      if (want.every(([k, v]) => r.labels[k] === v)) out.push(r);
      if (out.length >= limit) break;
    }
    return out;
  }
}

const open = (r: RoomListing) => !r.isPrivate && !r.locked && !r.draining && r.players + r.reserved < r.maxPlayers;
const toPublic = (r: RoomListing): PublicRoom => ({ room_id: r.roomId, mode: r.mode, players: r.players, max_players: r.maxPlayers, labels: r.labels });
