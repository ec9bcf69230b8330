/**
 * Conversions between the registry's Redis hash fields and AppRecord. Kept apart because appmgr's JSON/gRPC views
 * and the Lua list script both depend on the one field order defined here.
 */
import type { AppStateName, AppTypeName } from '../protocol/wire.js';
import type { AppRecord, RoomMode } from './types.js';

/**
 * The app hash fields the list script reads, in the order of its flat reply (after app_id): the one place that order
 * is written (the script's HMGET is built from it, parseListReply reads by it).
 */
export const LIST_FIELD_NAMES = ['app_type', 'online', 'ip', 'port', 'state', 'ts_ms', 'capacity', 'ws_port', 'modes', 'caps', 'rooms'] as const;
/** Fields per app in the list script's flat reply, after app_id. */
export const LIST_FIELDS = LIST_FIELD_NAMES.length;
const at = Object.fromEntries(LIST_FIELD_NAMES.map((f, i) => [f, i + 1])) as Record<(typeof LIST_FIELD_NAMES)[number], number>;

/** "duel:2,arena:16" (the heartbeat's `modes` field) → room modes. */
export function parseModes(v: string | null | undefined): RoomMode[] {
  if (!v) return [];
  const out: RoomMode[] = [];
  for (const part of v.split(',')) {
    const i = part.lastIndexOf(':');
    if (i > 0) out.push({ mode: part.slice(0, i), maxPlayers: toInt(part.slice(i + 1)) });
  }
  return out;
}

function toInt(v: string | undefined | null): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/**
 * Parses the list script's flat reply (app_id + LIST_FIELD_NAMES). Skips unknown types; `wsPort` is set only for a
 * pod that has a WebSocket port, `modes` (with `rooms`, the rooms it hosts) and `caps` only when published.
 */
export function parseListReply(flat: (string | null)[]): AppRecord[] {
  const out: AppRecord[] = [];
  for (let i = 0; i + LIST_FIELDS < flat.length; i += LIST_FIELDS + 1) {
    const f = (name: keyof typeof at) => flat[i + at[name]];
    const type = f('app_type');
    if (type !== 'login' && type !== 'game') continue;
    const rec: AppRecord = {
      appId: flat[i] ?? '',
      appType: type as AppTypeName,
      online: toInt(f('online')),
      ip: f('ip') ?? '',
      port: toInt(f('port')),
      state: (f('state') === 'draining' ? 'draining' : 'ready') as AppStateName,
      tsMs: toInt(f('ts_ms')),
      capacity: toInt(f('capacity')),
    };
    out.push(rec);
    const wsPort = toInt(f('ws_port'));
    if (wsPort > 0) rec.wsPort = wsPort;
    const modes = parseModes(f('modes'));
    if (modes.length > 0) {
      rec.modes = modes;
      rec.rooms = Math.max(0, toInt(f('rooms')));
    }
    const caps = f('caps');
    if (caps) rec.caps = caps.split(',');
  }
  out.sort((a, b) => (a.appType === b.appType ? a.appId.localeCompare(b.appId) : a.appType.localeCompare(b.appType)));
  return out;
}
