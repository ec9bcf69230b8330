/**
 * The admission queue's Lua scripts (docs/queue.md). One FIFO line for the whole cluster lives under the registry's
 * hash tag: `{p}:queue:line` (zset ticket → sequence number, so ZRANK is the position), `seen` (zset ticket → last
 * poll, queue time), `born` (hash ticket → issue time, real ms, for the wait histogram), `seq` (the counter),
 * `passed` (zset of admitted tickets → until when a poll still answers 200, queue time), `places` (zset of the
 * anonymous places admitted tickets hold → expiry, queue time), `rate` (hash second → admissions, the ETA's last
 * minute) and `clock` (hash: `last` script run, `offset`, `rate_milli`).
 * Queue time = Redis TIME minus `offset`: when no appmgr ran a queue script for longer than the freeze gap (Redis
 * unreachable, or every appmgr down), the gap is added to the offset, so the line freezes — tickets and places do not
 * age while nobody could poll. Every key is declared in KEYS; the scan of the game pods (how many places are free)
 * needs the app hash and pending zset of every registered pod, which the scripts ask for with the registry's
 * `{'', missing keys…}` answer before writing anything (see lua-scripts.ts).
 * Fullness is counted exactly as the pick counts it: online + live pending members (reservations, unredeemed tokens)
 * + joined − counted, per live game pod. Free places = Σ over ready pods of (capacity − exact), capped by
 * CLUSTER_CAPACITY − Σ exact over every live game pod when CLUSTER_CAPACITY > 0; the places admitted tickets hold
 * are taken out of that. Only the tick admits (ZPOPMIN of the line: ticket order), so polls stay O(log n).
 */
import { pickScript, type ScriptDef, type ScriptFn } from './lua-scripts.js';
import { DECLARED, QCLOCK, SCAN } from './lua/fragments.js';
import { pickLua, type PickHooks } from './lua/pick.js';

/** The fixed keys every queue script gets first, in this order. */
export const QUEUE_KEY_NAMES = ['line', 'seen', 'born', 'seq', 'passed', 'places', 'rate', 'clock'] as const;

const FIXED = `local K_LINE, K_SEEN, K_BORN, K_SEQ, K_PASSED, K_PLACES, K_RATE, K_CLOCK, K_APPS = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9]
`;

/**
 * KEYS: the 8 queue keys, the apps set, then app hashes / pending zsets of the registered pods. ARGV: ticket,
 * freeze ms, cluster capacity, app prefix, pending prefix, app ttl ms, admit ms.
 * A newcomer goes to the back when anyone waits; with an empty line he is told to go (`{'go'}`) if a place is free
 * beyond those admitted tickets hold — and holds it for admit ms, as an admitted ticket does — else he gets
 * position 1. Returns `{'go'}`, `{'queued', position, rate_milli}`
 * or `{'', missing keys…}`.
 */
export const enqueueScript: ScriptDef = {
  name: 'gcQueueEnqueue',
  numberOfKeys: null,
  lua: `${DECLARED}${FIXED}${QCLOCK}${SCAN}
local ticket = ARGV[1]
local freezeMs = tonumber(ARGV[2])
local clusterCap = tonumber(ARGV[3])
local waiting = redis.call('ZCARD', K_LINE)
if waiting == 0 then
  local miss = scanMissing(K_APPS, ARGV[4], ARGV[5])
  if miss then return miss end
end
local now, vnow = qclock(K_CLOCK, freezeMs)
if waiting == 0 then
  redis.call('ZREMRANGEBYSCORE', K_PLACES, '-inf', vnow)
  local held = redis.call('ZCARD', K_PLACES)
  if freePlaces(K_APPS, ARGV[4], ARGV[5], tonumber(ARGV[6]), now, clusterCap) - held > 0 then
    -- Straight in, holding a place like an admitted ticket (so a burst of newcomers cannot oversubscribe it).
    redis.call('ZADD', K_PLACES, vnow + tonumber(ARGV[7]), ticket)
    return { 'go' }
  end
end
local seq = redis.call('INCR', K_SEQ)
redis.call('ZADD', K_LINE, seq, ticket)
redis.call('ZADD', K_SEEN, vnow, ticket)
redis.call('HSET', K_BORN, ticket, now)
return { 'queued', redis.call('ZCARD', K_LINE), tonumber(redis.call('HGET', K_CLOCK, 'rate_milli')) or 0 }
`,
};

/**
 * KEYS: the 8 queue keys. ARGV: freeze ms, ticket ttl ms, then n tickets (concurrent polls go in one call).
 * Per ticket: `admitted` (a poll answers 200 while it lasts), `wait <position> <rate_milli>` (and the ticket is marked
 * seen), `expired` (not polled for the ttl: removed now) or `gone` (unknown); returned flat as 3 fields per ticket.
 */
export const pollScript: ScriptDef = {
  name: 'gcQueuePoll',
  numberOfKeys: 8,
  lua: `${FIXED}${QCLOCK}
local now, vnow = qclock(K_CLOCK, tonumber(ARGV[1]))
local ttl = tonumber(ARGV[2])
local rate = tonumber(redis.call('HGET', K_CLOCK, 'rate_milli')) or 0
local out = {}
for i = 3, #ARGV do
  local ticket = ARGV[i]
  local p = tonumber(redis.call('ZSCORE', K_PASSED, ticket))
  local s = tonumber(redis.call('ZSCORE', K_SEEN, ticket))
  local rank = s and redis.call('ZRANK', K_LINE, ticket)
  if p and p > vnow then
    out[#out + 1] = 'admitted'; out[#out + 1] = 0; out[#out + 1] = 0
  elseif not rank then
    out[#out + 1] = 'gone'; out[#out + 1] = 0; out[#out + 1] = 0
  elseif s < vnow - ttl then
    redis.call('ZREM', K_LINE, ticket)
    redis.call('ZREM', K_SEEN, ticket)
    redis.call('HDEL', K_BORN, ticket)
    out[#out + 1] = 'expired'; out[#out + 1] = 0; out[#out + 1] = 0
  else
    redis.call('ZADD', K_SEEN, vnow, ticket)
    out[#out + 1] = 'wait'; out[#out + 1] = rank + 1; out[#out + 1] = rate
  end
end
return out
`,
};

/**
 * KEYS: the 8 queue keys. ARGV: ticket, freeze ms, admit ms. An admitted ticket whose poll found no login keeps its
 * admission (and its place, if no AllocateGame consumed it yet) for another admit ms. Returns 1 if still admitted.
 */
export const extendScript: ScriptDef = {
  name: 'gcQueueExtend',
  numberOfKeys: 8,
  lua: `${FIXED}${QCLOCK}
local ticket = ARGV[1]
local now, vnow = qclock(K_CLOCK, tonumber(ARGV[2]))
local until_ = vnow + tonumber(ARGV[3])
local p = tonumber(redis.call('ZSCORE', K_PASSED, ticket))
if not (p and p > vnow) then return 0 end
redis.call('ZADD', K_PASSED, 'XX', until_, ticket)
local pl = tonumber(redis.call('ZSCORE', K_PLACES, ticket))
if pl and pl > vnow then redis.call('ZADD', K_PLACES, 'XX', until_, ticket) end
return 1
`,
};

/**
 * KEYS: the 8 queue keys, the apps set, then app hashes / pending zsets of the registered pods. ARGV: freeze ms,
 * cluster capacity, app prefix, pending prefix, app ttl ms, ticket ttl ms, admit ms, most admissions per call,
 * most expiries per call.
 * One step of the line, run by every appmgr every QUEUE_TICK_MS: drops tickets not polled for the ttl and lapsed
 * admissions/places, then admits the head of the line into the free places not already held (never more), in ticket
 * order, each admitted ticket holding one anonymous place for admit ms; updates the admission rate of the last minute.
 * Returns `{waiting, held, available, blocks_plain, expired, rate_milli, now, ticket1, born1, ticket2, born2…}` (the tickets
 * this call admitted) or `{'', missing keys…}`. `blocks_plain` = 1 while tickets wait or every free place is held.
 */
export const tickScript: ScriptDef = {
  name: 'gcQueueTick',
  numberOfKeys: null,
  lua: `${DECLARED}${FIXED}${QCLOCK}${SCAN}
local freezeMs = tonumber(ARGV[1])
local clusterCap = tonumber(ARGV[2])
local appPrefix, pendingPrefix = ARGV[3], ARGV[4]
local appTtl, ticketTtl, admitMs = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local maxAdmit, maxExpire = tonumber(ARGV[8]), tonumber(ARGV[9])
if redis.call('ZCARD', K_LINE) > 0 or redis.call('ZCARD', K_PLACES) > 0 then
  local miss = scanMissing(K_APPS, appPrefix, pendingPrefix)
  if miss then return miss end
end
local now, vnow = qclock(K_CLOCK, freezeMs)
local dead = redis.call('ZRANGEBYSCORE', K_SEEN, '-inf', '(' .. (vnow - ticketTtl), 'LIMIT', 0, maxExpire)
if #dead > 0 then
  redis.call('ZREM', K_LINE, unpack(dead))
  redis.call('ZREM', K_SEEN, unpack(dead))
  redis.call('HDEL', K_BORN, unpack(dead))
end
redis.call('ZREMRANGEBYSCORE', K_PASSED, '-inf', vnow)
redis.call('ZREMRANGEBYSCORE', K_PLACES, '-inf', vnow)
local waiting = redis.call('ZCARD', K_LINE)
local held = redis.call('ZCARD', K_PLACES)
local available = 0
local blocks = 0
local out = {}
if waiting > 0 or held > 0 then
  available = freePlaces(K_APPS, appPrefix, pendingPrefix, appTtl, now, clusterCap) - held
  if waiting > 0 and available > 0 then
    local n = math.min(available, waiting, maxAdmit)
    local popped = redis.call('ZPOPMIN', K_LINE, n)
    local untilq = vnow + admitMs
    for i = 1, #popped, 2 do
      local t = popped[i]
      redis.call('ZREM', K_SEEN, t)
      local born = tonumber(redis.call('HGET', K_BORN, t)) or now
      redis.call('HDEL', K_BORN, t)
      redis.call('ZADD', K_PASSED, untilq, t)
      redis.call('ZADD', K_PLACES, untilq, t)
      out[#out + 1] = t
      out[#out + 1] = born
    end
    local admitted = #popped / 2
    redis.call('HINCRBY', K_RATE, tostring(math.floor(now / 1000)), admitted)
    waiting = waiting - admitted
    held = held + admitted
    available = available - admitted
  end
  if waiting > 0 or available <= 0 then blocks = 1 end
  if held == 0 and waiting == 0 then blocks = 0 end
end
-- The admission rate of the last minute (per second × 1000), for every poll's ETA.
local sec = math.floor(now / 1000)
local rates = redis.call('HGETALL', K_RATE)
local sum, oldest = 0, sec
for i = 1, #rates, 2 do
  local s = tonumber(rates[i])
  if (not s) or s < sec - 59 then
    redis.call('HDEL', K_RATE, rates[i])
  else
    sum = sum + tonumber(rates[i + 1])
    if s < oldest then oldest = s end
  end
end
local rateMilli = 0
if sum > 0 then rateMilli = math.floor(sum * 1000 / math.max(1, sec - oldest + 1)) end
redis.call('HSET', K_CLOCK, 'rate_milli', rateMilli)
local res = { waiting, held, available, blocks, #dead, rateMilli, now }
for i = 1, #out do res[#res + 1] = out[i] end
return res
`,
};

/** KEYS: line, seen, born. ARGV: n. The first n tickets: ticket, born (real ms) pairs (the admin page). */
export const headScript: ScriptDef = {
  name: 'gcQueueHead',
  numberOfKeys: 3,
  lua: `
local ts = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
local out = {}
for _, t in ipairs(ts) do
  out[#out + 1] = t
  out[#out + 1] = redis.call('HGET', KEYS[3], t) or '0'
end
return out
`,
};

/**
 * The game pick of AllocateGame with the queue's accounting: the registry's pick (lua/pick.ts) with these hooks.
 * Before the pick, the places admitted tickets hold and — with CLUSTER_CAPACITY — the places taken in the whole
 * cluster bound how many of the k picks may succeed (`qroom` = max(held, capacity − taken): a pick that consumes a
 * held place adds nobody); after it, each successful pick consumes one held place (the oldest), if any. A pick for
 * an account that already holds a reservation or an unredeemed token replaces it (the retry of an EnterGame): it adds
 * nobody, so it is not bounded by the room and consumes no held place. Its extra ARGV come last (after the k
 * accounts): places key, clock key, apps key, cluster capacity, freeze ms; the three keys are declared in KEYS too.
 */
export const QUEUED_PICK_HOOKS: PickHooks = {
  lua: `${QCLOCK}${SCAN}
local QA = #ARGV - 5
local qPlaces, qClock, qApps = ARGV[QA + 1], ARGV[QA + 2], ARGV[QA + 3]
local qCap, qFreeze = tonumber(ARGV[QA + 4]), tonumber(ARGV[QA + 5])
local qroom = tonumber(ARGV[2])
local qheld = 0
local qrepicks = 0
local function qrepick(a)
  if not a or a == '' or not declared[holdPrefix .. a] then return false end
  return redis.call('EXISTS', holdPrefix .. a) == 1
end
local function hookNeeds(need)
  if qCap > 0 then
    local miss = scanMissing(qApps, ARGV[1], ARGV[5])
    if miss then for i = 2, #miss do need(miss[i]) end end
  end
end
local function hookBegin(now)
  if qCap > 0 or redis.call('EXISTS', qPlaces) == 1 then
    local qnow, qvnow = qclock(qClock, qFreeze)
    redis.call('ZREMRANGEBYSCORE', qPlaces, '-inf', qvnow)
    qheld = redis.call('ZCARD', qPlaces)
    if qCap > 0 then
      local _, taken = scan(qApps, ARGV[1], ARGV[5], tonumber(ARGV[3]), qnow)
      qroom = math.max(qheld, qCap - taken)
    end
  end
end
local function hookMayTake(picked, nextAccount) return picked - qrepicks < qroom or qrepick(nextAccount) end
local function hookTaken(account) if qrepick(account) then qrepicks = qrepicks + 1 end end
local function hookDone(picked)
  if qheld > 0 and picked - qrepicks > 0 then redis.call('ZPOPMIN', qPlaces, math.min(picked - qrepicks, qheld)) end
end
`,
};

export interface QueuedPickExtras {
  placesKey: string;
  clockKey: string;
  appsKey: string;
  clusterCapacity: number;
  freezeMs: number;
}

/** The ScriptDef of the queued game pick: the registry's pick adapter, with the queue's keys and ARGV appended. */
export function queuedPickScript(x: QueuedPickExtras): ScriptDef {
  const keys = [x.placesKey, x.clockKey, x.appsKey];
  const args = [x.placesKey, x.clockKey, x.appsKey, x.clusterCapacity, x.freezeMs];
  const withExtras = (raw: ScriptFn): ScriptFn => (n, ...rest) => {
    const nk = Number(n);
    return raw(nk + keys.length, ...rest.slice(0, nk), ...keys, ...rest.slice(nk), ...args);
  };
  return {
    name: 'gcPickQueued',
    numberOfKeys: null,
    lua: pickLua(QUEUED_PICK_HOOKS),
    adapt: (raw) => (pickScript.adapt ? pickScript.adapt(withExtras(raw)) : withExtras(raw)),
  };
}
