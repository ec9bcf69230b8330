/**
 * An atomic sample of the cluster's places (one read-only Lua call): for every live game pod its exact count
 * (online + live pending members + joined − counted, as the pick counts), the pods' capacities, and the places held
 * by admitted queue tickets, and the line's head and last sequence numbers. The invariants the queue keeps: taken + held ≤ capacity (pod-wise sum, or the cluster cap);
 * without expiries the line is always the contiguous run headSeq..lastSeq (tickets leave only from the head: FIFO).
 */
import type { Redis } from 'ioredis';

const SAMPLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tag = ARGV[1]
local online, exact, cap = 0, 0, 0
for _, id in ipairs(redis.call('SMEMBERS', tag .. ':apps')) do
  local h = redis.call('HMGET', tag .. ':app:' .. id, 'app_type', 'online', 'capacity', 'joined', 'counted')
  if h[1] == 'game' then
    local o = tonumber(h[2]) or 0
    local j = tonumber(h[4]) or 0
    local c = tonumber(h[5]) or j
    online = online + o
    exact = exact + o + redis.call('ZCOUNT', tag .. ':pending:' .. id, '(' .. now, '+inf') + math.max(0, j - c)
    cap = cap + (tonumber(h[3]) or 0)
  end
end
local c = redis.call('HMGET', tag .. ':queue:clock', 'offset')
local vnow = now - (tonumber(c[1]) or 0)
local held = redis.call('ZCOUNT', tag .. ':queue:places', '(' .. vnow, '+inf')
local head = redis.call('ZRANGE', tag .. ':queue:line', 0, 0, 'WITHSCORES')
return { online, exact, cap, held, redis.call('ZCARD', tag .. ':queue:line'), tonumber(head[2]) or 0, tonumber(redis.call('GET', tag .. ':queue:seq')) or 0 }
`;

export interface PlacesSample {
  online: number;
  exact: number;
  capacity: number;
  held: number;
  waiting: number;
  /** Sequence number of the head of the line (0 = empty) and of the last ticket issued. */
  headSeq: number;
  lastSeq: number;
}

/** Not for production: reads keys it does not declare (tests run against a plain redis-server). */
export async function samplePlaces(redis: Redis, prefix: string): Promise<PlacesSample> {
  const r = (await redis.eval(SAMPLE, 0, `{${prefix}}`)) as number[];
  return { online: r[0]!, exact: r[1]!, capacity: r[2]!, held: r[3]!, waiting: r[4]!, headSeq: r[5]!, lastSeq: r[6]! };
}
