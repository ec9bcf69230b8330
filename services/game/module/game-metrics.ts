/**
 * The metrics of the game module host and of resume (docs/operations.md, docs/game-modules.md): module messages by declared
 * name (bounded: unknown ids are rejected before they are counted), tick duration and skipped ticks, groups, frames
 * the module API encoded (a broadcast is one, whatever its recipients), players away and resume attempts, rooms
 * held by mode (bounded: the modes the module declares) and the room registry calls that failed (by operation).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface GameMetrics {
  messages: Counter<'msg'>;
  tickSeconds: Histogram;
  ticksLate: Counter;
  groups: Gauge;
  encodes: Counter;
  away: Gauge;
  resumes: Counter<'result'>;
  rooms: Gauge<'mode'>;
  roomRegistryErrors: Counter<'op'>;
  /** Drops that got no resume grace: `max_per_ip` (the address's budget), `min_live` (its grace was over). */
  graceRefused: Counter<'reason'>;
  /** onTick calls still pending past TICK_DEADLINE_MS (the loop went on without them). */
  tickOverruns: Counter;
}

export function createGameMetrics(registry: Registry): GameMetrics {
  const r = [registry];
  const get = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  return {
    messages: get('gamecluster_game_messages_total', () => new Counter({ name: 'gamecluster_game_messages_total', help: 'Game module messages by declared name (received from clients, or sent by the module: a broadcast counts once)', labelNames: ['msg'], registers: r })),
    tickSeconds: get('gamecluster_game_tick_seconds', () => new Histogram({ name: 'gamecluster_game_tick_seconds', help: 'Wall time of one onTick', buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: r })),
    ticksLate: get('gamecluster_game_ticks_late_total', () => new Counter({ name: 'gamecluster_game_ticks_late_total', help: 'Ticks skipped because an earlier tick overran its period', registers: r })),
    groups: get('gamecluster_game_groups', () => new Gauge({ name: 'gamecluster_game_groups', help: 'Groups with at least one member', registers: r, aggregator: 'sum' })),
    encodes: get('gamecluster_game_encodes_total', () => new Counter({ name: 'gamecluster_game_encodes_total', help: 'Frames the module API encoded (one per send, one per broadcast whatever its recipients)', registers: r })),
    away: get('gamecluster_players_away', () => new Gauge({ name: 'gamecluster_players_away', help: 'Players inside the resume grace (counted in gamecluster_online_players)', registers: r, aggregator: 'sum' })),
    resumes: get('gamecluster_resumes_total', () => new Counter({ name: 'gamecluster_resumes_total', help: 'C2G_Resume attempts by result (return code name)', labelNames: ['result'], registers: r })),
    rooms: get('gamecluster_rooms', () => new Gauge({ name: 'gamecluster_rooms', help: 'Rooms this game pod holds, by mode (the modes its module declares)', labelNames: ['mode'], registers: r, aggregator: 'sum' })),
    roomRegistryErrors: get('gamecluster_room_registry_errors_total', () => new Counter({ name: 'gamecluster_room_registry_errors_total', help: 'Room updates this game pod could not write to the registry (left, set_locked, set_labels, ended, republish, rearm); the room lives on in the pod', labelNames: ['op'], registers: r })),
    graceRefused: get('gamecluster_resume_grace_refused_total', () => new Counter({ name: 'gamecluster_resume_grace_refused_total', help: 'Dropped sessions that ended instead of starting a resume grace: max_per_ip (the address holds MAX_CONNECTIONS_PER_IP in connections and away players), min_live (dropped within RESUME_MIN_LIVE_MS of resuming, its grace over)', labelNames: ['reason'], registers: r })),
    tickOverruns: get('gamecluster_game_tick_overruns_total', () => new Counter({ name: 'gamecluster_game_tick_overruns_total', help: 'onTick calls still pending after TICK_DEADLINE_MS (the tick loop went on without them)', registers: r })),
  };
}
