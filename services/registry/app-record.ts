/**
 * Conversions between the registry's Redis hash fields and AppRecord. Kept apart because appmgr's JSON/gRPC views
 * and the Lua list script both depend on the one field order defined here.
 */
import type { AppStateName, AppTypeName } from '../protocol/wire.js';
import type { AppRecord, RoomMode } from './types.js';

/** Fields per app in the list script's flat reply, after app_id. */
export const LIST_FIELDS = 10;

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
 * Parses the list script's flat reply (app_id + app_type online ip port state ts_ms capacity ws_port modes caps).
 * Skips unknown types; `wsPort` is set only for a pod that has a WebSocket port, `modes`/`caps` only when published.
 */
export function parseListReply(flat: (string | null)[]): AppRecord[] {
  const out: AppRecord[] = [];
  for (let i = 0; i + LIST_FIELDS < flat.length; i += LIST_FIELDS + 1) {
    const type = flat[i + 1];
    if (type !== 'login' && type !== 'game') continue;
    out.push({
      appId: flat[i] ?? '',
      appType: type as AppTypeName,
      online: toInt(flat[i + 2]),
      ip: flat[i + 3] ?? '',
      port: toInt(flat[i + 4]),
      state: (flat[i + 5] === 'draining' ? 'draining' : 'ready') as AppStateName,
      tsMs: toInt(flat[i + 6]),
      capacity: toInt(flat[i + 7]),
    });
    const rec = out[out.length - 1]!;
    const wsPort = toInt(flat[i + 8]);
    if (wsPort > 0) rec.wsPort = wsPort;
    const modes = parseModes(flat[i + 9]);
    if (modes.length > 0) rec.modes = modes;
    if (flat[i + 10]) rec.caps = flat[i + 10]!.split(',');
  }
  out.sort((a, b) => (a.appType === b.appType ? a.appId.localeCompare(b.appId) : a.appType.localeCompare(b.appType)));
  return out;
}
