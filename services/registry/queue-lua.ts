/**
 * The admission queue's Lua scripts (docs/queue.md). One FIFO line for the whole cluster lives under the registry's
 * hash tag: `{p}:queue:line` (zset ticket → sequence number, so ZRANK is the position), `seen` (zset ticket → last
 * poll, queue time), `born` (hash ticket → issue time, real ms, for the wait histogram), `seq` (the counter),
 * `passed` (zset of admitted tickets → until when a poll still answers 200, queue time), `places` (zset of the places
 * admitted tickets hold: members `<ticket>:1` … `<ticket>:<n>` → expiry, queue time; ZCARD is the number held),
 * `rate` (hash second → admissions, the ETA's last minute), `clock` (hash: `last` script run, `offset`, `rate_milli`),
 * `tix` (hash ticket → "<places> <address key> <earliest on-time poll, queue time>", for every live ticket: waiting or
 * admitted), `adm` (hash `t:<ticket>` → its admission, `a:<admission>` → "<ticket> <places> <account>") and `ips`
 * (hash address key → live tickets, for QUEUE_TICKETS_PER_IP).
 * Queue time = Redis TIME minus `offset`: when no appmgr ran a queue script for longer than the freeze gap (Redis
 * unreachable, or every appmgr down), the gap is added to the offset, so the line freezes — tickets and places do not
 * age while nobody could poll. Every key is declared in KEYS; the scan of the game pods (how many places are free)
 * needs the app hash and pending zset of every registered pod, which the scripts ask for with the registry's
 * `{'', missing keys…}` answer before writing anything (see lua-scripts.ts).
 * Fullness is counted exactly as the pick counts it: online + live pending members (reservations, unredeemed tokens)
 * + joined − counted, per live game pod. Free places = Σ over ready pods of (capacity − exact), capped by
 * CLUSTER_CAPACITY − Σ exact over every live game pod when CLUSTER_CAPACITY > 0; the places admitted tickets hold
 * are taken out of that. Only the tick admits (the head of the line, in ticket order), so polls stay O(log n).
 * A ticket is live (it counts toward its address's QUEUE_TICKETS_PER_IP) from its issue until it leaves the line
 * unpolled or its admission lapses; the `ips` count goes up and down only in these scripts, in the same atomic step
 * that adds or drops the ticket.
 */
import { pickScript, type ScriptDef, type ScriptFn } from './lua-scripts.js';
import { ADMISSION, DECLARED, QCLOCK, SCAN } from './lua/fragments.js';
import { pickLua, type PickHooks } from './lua/pick.js';
import { POD_EXACT } from './lua/room-fragments.js';

/** The fixed keys every queue script gets first, in this order. */
export const QUEUE_KEY_NAMES = ['line', 'seen', 'born', 'seq', 'passed', 'places', 'rate', 'clock', 'tix', 'adm', 'ips'] as const;

/** Most places one ticket may ask for (`?places=N`; appmgr clamps N to the largest declared room first). */
export const MAX_TICKET_PLACES = 1000;

const FIXED = `local K_LINE, K_SEEN, K_BORN, K_SEQ, K_PASSED, K_PLACES, K_RATE, K_CLOCK = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local K_TIX, K_ADM, K_IPS, K_APPS = KEYS[9], KEYS[10], KEYS[11], KEYS[12]
`;

/**
 * The queue scripts' own helpers (need FIXED): `qtix(t)` → places, address key, earliest on-time poll (nil when the
 * ticket is not live); `qsetNext(t, at)` rewrites the last; `qforget(t)` drops what a live ticket leaves behind when it
 * goes (its `tix` entry, its address's count, its admission); `qpace(position, rateMilli)` → eta_s, Retry-After s:
 * the ETA is position ÷ the admission rate of the last minute (-1: nobody was admitted in it), the poll interval 1 s
 * for positions 1–9, then a tenth of the ETA when one is known, else 1 + ⌊log10 position⌋, always 1–5 s.
 * A poll earlier than 80 % of the Retry-After it was given is early (it is charged to the rate limit).
 */
const QTICKET = `local function qtix(t)
  local v = redis.call('HGET', K_TIX, t)
  if not v then return nil end
  local n, addr, nx = string.match(v, '^(%d+) (%S+) (%-?%d+)$')
  if not n then return nil end
  return tonumber(n), addr, tonumber(nx)
end
local function qsetNext(t, at)
  local n, addr = qtix(t)
  if n then redis.call('HSET', K_TIX, t, n .. ' ' .. addr .. ' ' .. math.floor(at)) end
end
local function qforget(t)
  local n, addr = qtix(t)
  if n then
    if addr ~= '-' and redis.call('HINCRBY', K_IPS, addr, -1) <= 0 then redis.call('HDEL', K_IPS, addr) end
    redis.call('HDEL', K_TIX, t)
  end
  local m = redis.call('HGET', K_ADM, 't:' .. t)
  if m then redis.call('HDEL', K_ADM, 't:' .. t, 'a:' .. m) end
end
local function qpace(position, rateMilli)
  local eta = -1
  if rateMilli > 0 then eta = math.max(0, math.ceil(position * 1000 / rateMilli)) end
  local ra
  if position < 10 then
    ra = 1
  elseif eta >= 0 then
    ra = math.min(5, math.max(1, math.ceil(eta / 10)))
  else
    ra = math.min(5, #tostring(position))
  end
  return eta, ra
end
`;

/**
 * KEYS: the 11 queue keys, the apps set, then app hashes / pending zsets of the registered pods. ARGV: ticket,
 * freeze ms, cluster capacity, app prefix, pending prefix, app ttl ms, places, address key ('-' = none), tickets per
 * address (0 = no bound), most waiting tickets (0 = no bound).
 * A newcomer goes to the back when anyone waits; with an empty line and `places` free beyond those admitted tickets
 * hold he is told to go (`{'go'}`) and holds nothing (he races for the free places like a plain /login). Otherwise he
 * gets a ticket at the back — unless his address already has its live tickets (`{'refused', 'tickets_per_ip'}`) or
 * the line is at its length (`{'refused', 'queue_max'}`). Returns `{'go'}`, `{'queued', position, eta_s,
 * retry_after_s}`, a refusal or `{'', missing keys…}`.
 */
export const enqueueScript: ScriptDef = {
  name: 'gcQueueEnqueue',
  numberOfKeys: null,
  lua: `${DECLARED}${FIXED}${QCLOCK}${POD_EXACT}${SCAN}${QTICKET}
local ticket = ARGV[1]
local freezeMs = tonumber(ARGV[2])
local clusterCap = tonumber(ARGV[3])
local places, addr, perIp, maxLine = tonumber(ARGV[7]), ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10])
local waiting = redis.call('ZCARD', K_LINE)
if waiting == 0 then
  local miss = scanMissing(K_APPS, ARGV[4], ARGV[5])
  if miss then return miss end
end
local now, vnow = qclock(K_CLOCK, freezeMs)
if waiting == 0 then
  redis.call('ZREMRANGEBYSCORE', K_PLACES, '-inf', vnow)
  local held = redis.call('ZCARD', K_PLACES)
  if freePlaces(K_APPS, ARGV[4], ARGV[5], tonumber(ARGV[6]), now, clusterCap) - held >= places then return { 'go' } end
end
if perIp > 0 and addr ~= '-' and (tonumber(redis.call('HGET', K_IPS, addr)) or 0) >= perIp then return { 'refused', 'tickets_per_ip' } end
if maxLine > 0 and waiting >= maxLine then return { 'refused', 'queue_max' } end
local seq = redis.call('INCR', K_SEQ)
redis.call('ZADD', K_LINE, seq, ticket)
redis.call('ZADD', K_SEEN, vnow, ticket)
redis.call('HSET', K_BORN, ticket, now)
if addr ~= '-' then redis.call('HINCRBY', K_IPS, addr, 1) end
local position = waiting + 1
local eta, ra = qpace(position, tonumber(redis.call('HGET', K_CLOCK, 'rate_milli')) or 0)
redis.call('HSET', K_TIX, ticket, places .. ' ' .. addr .. ' ' .. (vnow + ra * 800))
return { 'queued', position, eta, ra }
`,
};

/**
 * KEYS: the 11 queue keys. ARGV: freeze ms, ticket ttl ms, then n × (ticket, a fresh admission) (concurrent polls go
 * in one call). Per ticket six fields: kind, position, eta_s, retry_after_s, early (1: polled before 80 % of the
 * Retry-After it was given), admission. Kinds: `admitted` (a poll answers 200 with its admission while it lasts: the
 * first such poll makes the fresh one given here the ticket's admission, the later ones answer the same), `wait` (and
 * the ticket is marked seen), `expired` (not polled for the ttl: removed now) or `gone` (unknown).
 */
export const pollScript: ScriptDef = {
  name: 'gcQueuePoll',
  numberOfKeys: 11,
  lua: `${FIXED}${QCLOCK}${QTICKET}
local now, vnow = qclock(K_CLOCK, tonumber(ARGV[1]))
local ttl = tonumber(ARGV[2])
local rate = tonumber(redis.call('HGET', K_CLOCK, 'rate_milli')) or 0
local out = {}
local function answer(kind, position, eta, ra, early, adm)
  out[#out + 1] = kind; out[#out + 1] = position; out[#out + 1] = eta
  out[#out + 1] = ra; out[#out + 1] = early; out[#out + 1] = adm
end
for i = 3, #ARGV, 2 do
  local ticket, fresh = ARGV[i], ARGV[i + 1]
  local n, _, nextAt = qtix(ticket)
  local early = 0
  if nextAt and vnow < nextAt then early = 1 end
  local p = tonumber(redis.call('ZSCORE', K_PASSED, ticket))
  local s = tonumber(redis.call('ZSCORE', K_SEEN, ticket))
  local rank = s and redis.call('ZRANK', K_LINE, ticket)
  if p and p > vnow then
    local m = redis.call('HGET', K_ADM, 't:' .. ticket)
    if not m then
      m = fresh
      redis.call('HSET', K_ADM, 't:' .. ticket, m, 'a:' .. m, ticket .. ' ' .. (n or 1) .. ' ')
    end
    qsetNext(ticket, vnow + 800)
    answer('admitted', 0, 0, 1, early, m)
  elseif not rank then
    answer('gone', 0, 0, 1, 1, '')
  elseif s < vnow - ttl then
    redis.call('ZREM', K_LINE, ticket)
    redis.call('ZREM', K_SEEN, ticket)
    redis.call('HDEL', K_BORN, ticket)
    qforget(ticket)
    answer('expired', 0, 0, 1, 1, '')
  else
    redis.call('ZADD', K_SEEN, vnow, ticket)
    local eta, ra = qpace(rank + 1, rate)
    qsetNext(ticket, vnow + ra * 800)
    answer('wait', rank + 1, eta, ra, early, '')
  end
end
return out
`,
};

/**
 * KEYS: the 11 queue keys. ARGV: ticket, freeze ms, admit ms. An admitted ticket whose poll found no login keeps its
 * admission (and its places, those no AllocateGame consumed yet) for another admit ms. Returns 1 if still admitted.
 */
export const extendScript: ScriptDef = {
  name: 'gcQueueExtend',
  numberOfKeys: 11,
  lua: `${FIXED}${QCLOCK}${QTICKET}
local ticket = ARGV[1]
local now, vnow = qclock(K_CLOCK, tonumber(ARGV[2]))
local until_ = vnow + tonumber(ARGV[3])
local p = tonumber(redis.call('ZSCORE', K_PASSED, ticket))
if not (p and p > vnow) then return 0 end
redis.call('ZADD', K_PASSED, 'XX', until_, ticket)
for i = 1, (qtix(ticket) or 1) do
  local member = ticket .. ':' .. i
  local pl = tonumber(redis.call('ZSCORE', K_PLACES, member))
  if pl and pl > vnow then redis.call('ZADD', K_PLACES, 'XX', until_, member) end
end
return 1
`,
};

/**
 * KEYS: the 11 queue keys, the apps set, then app hashes / pending zsets of the registered pods. ARGV: freeze ms,
 * cluster capacity, app prefix, pending prefix, app ttl ms, ticket ttl ms, admit ms, most admissions per call,
 * most expiries per call.
 * One step of the line, run by every appmgr every QUEUE_TICK_MS: drops tickets not polled for the ttl and lapsed
 * admissions/places, then admits the head of the line into the free places not already held (never more), in ticket
 * order — a ticket that asked for n places (a room's host) waits at the head until n are free, and nobody passes
 * him —, each admitted ticket holding its n places for admit ms; updates the admission rate of the last minute.
 * Returns `{waiting, held, available, blocks_plain, expired, rate_milli, now, ticket1, born1, ticket2, born2…}` (the
 * tickets this call admitted) or `{'', missing keys…}`. `blocks_plain` = 1 while tickets wait or every free place is
 * held.
 */
export const tickScript: ScriptDef = {
  name: 'gcQueueTick',
  numberOfKeys: null,
  lua: `${DECLARED}${FIXED}${QCLOCK}${POD_EXACT}${SCAN}${QTICKET}
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
  for _, t in ipairs(dead) do qforget(t) end
end
local lapsed = redis.call('ZRANGEBYSCORE', K_PASSED, '-inf', vnow, 'LIMIT', 0, maxExpire)
if #lapsed > 0 then
  redis.call('ZREM', K_PASSED, unpack(lapsed))
  for _, t in ipairs(lapsed) do qforget(t) end
end
redis.call('ZREMRANGEBYSCORE', K_PLACES, '-inf', vnow)
local waiting = redis.call('ZCARD', K_LINE)
local held = redis.call('ZCARD', K_PLACES)
local available = 0
local blocks = 0
local out = {}
if waiting > 0 or held > 0 then
  available = freePlaces(K_APPS, appPrefix, pendingPrefix, appTtl, now, clusterCap) - held
  if waiting > 0 and available > 0 then
    -- Each admitted ticket takes at least one place: the head's first min(available, waiting, most) are candidates.
    local heads = redis.call('ZRANGE', K_LINE, 0, math.min(available, waiting, maxAdmit) - 1)
    local untilq = vnow + admitMs
    local admitted = 0
    for _, t in ipairs(heads) do
      local n = qtix(t) or 1
      if n > available then break end
      redis.call('ZREM', K_SEEN, t)
      local born = tonumber(redis.call('HGET', K_BORN, t)) or now
      redis.call('HDEL', K_BORN, t)
      redis.call('ZADD', K_PASSED, untilq, t)
      for i = 1, n do redis.call('ZADD', K_PLACES, untilq, t .. ':' .. i) end
      available = available - n
      held = held + n
      admitted = admitted + 1
      out[#out + 1] = t
      out[#out + 1] = born
    end
    if admitted > 0 then
      redis.call('ZPOPMIN', K_LINE, admitted)
      redis.call('HINCRBY', K_RATE, tostring(math.floor(now / 1000)), admitted)
      waiting = waiting - admitted
    end
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
 * The game pick of AllocateGame with the queue's accounting: the registry's pick (lua/pick.ts) with these hooks, judged
 * pick by pick (a batch mixes players with and without an admission).
 * - A pick for an account that already holds a reservation or an unredeemed token replaces it (the retry of an
 *   EnterGame): it adds nobody, so it is never bounded and consumes nothing.
 * - A pick carrying a valid admission not yet bound (lua/fragments.ts `ADMISSION`) binds it to its account
 *   and releases every place it holds (one is his now): it is always allowed — the held places are free places —
 *   and a pick that finds no pod leaves the admission as it was.
 * - Enforced (every live login pod publishes the `admission` capability; appmgr passes 1): a pick without a valid
 *   admission answers NO_APP (`'skip', 'line'`) while tickets wait, and otherwise takes only a place nobody holds
 *   (free places − held, counted as the tick counts them). The retry of an admission already bound to that account
 *   is not refused for the line, but it too takes only a place nobody holds (it consumes nothing more).
 * - Not enforced (an older login pod is live: its players carry no admission): the rule before admissions — the
 *   held places and, with CLUSTER_CAPACITY, the places taken in the whole cluster bound how many picks may succeed
 *   (max(held, capacity − taken): a pick that consumes a held place adds nobody) and each such pick consumes the
 *   oldest held place.
 * The invariant taken + held ≤ capacity holds either way. Its extra ARGV come after the k accounts: k admissions
 * ('' = none; a caller that passes none is read as all none), then places, clock, apps, line and adm keys, cluster
 * capacity, freeze ms, enforce (1|0); the five keys are declared in KEYS too.
 */
export const QUEUED_PICK_HOOKS: PickHooks = {
  lua: `${QCLOCK}${SCAN}${ADMISSION}
local QA = #ARGV - 8
local qPlaces, qClock, qApps, qLine, qAdm = ARGV[QA + 1], ARGV[QA + 2], ARGV[QA + 3], ARGV[QA + 4], ARGV[QA + 5]
local qCap, qFreeze, qEnforce = tonumber(ARGV[QA + 6]), tonumber(ARGV[QA + 7]), ARGV[QA + 8] == '1'
local qWithAdm = QA - A >= 2 * k
local qheld, qwaiting = 0, 0
-- Enforced: places free beyond the held ones, as far as this call knows (nil: nothing held, no cluster cap — the
-- pods' own fullness is the only bound). Not enforced: qroom bounds the picks that add someone.
local qavail = nil
local qroom = k
local qnew = 0
local qinfo = {}
local qcur = 0
local function qrepick(a)
  if not a or a == '' or not declared[holdPrefix .. a] then return false end
  return redis.call('EXISTS', holdPrefix .. a) == 1
end
local function qof(i, a)
  local x = qinfo[i]
  if x then return x end
  if qrepick(a) then
    x = { kind = 'repick' }
  else
    local m = ''
    if qWithAdm then m = ARGV[A + k + i] end
    local kind, t, n = qAdmission(qAdm, m, a)
    x = { kind = kind or 'none', m = m, t = t, n = n }
  end
  qinfo[i] = x
  return x
end
local function hookNeeds(need)
  if qCap > 0 or redis.call('ZCARD', qPlaces) > 0 then
    local miss = scanMissing(qApps, ARGV[1], ARGV[5])
    if miss then for i = 2, #miss do need(miss[i]) end end
  end
end
local function hookBegin(now)
  qwaiting = redis.call('ZCARD', qLine)
  if qCap > 0 or redis.call('EXISTS', qPlaces) == 1 then
    local qnow, qvnow = qclock(qClock, qFreeze)
    redis.call('ZREMRANGEBYSCORE', qPlaces, '-inf', qvnow)
    qheld = redis.call('ZCARD', qPlaces)
    if qEnforce then
      if qheld > 0 or qCap > 0 then qavail = freePlaces(qApps, ARGV[1], ARGV[5], tonumber(ARGV[3]), qnow, qCap) - qheld end
    elseif qCap > 0 then
      local _, taken = scan(qApps, ARGV[1], ARGV[5], tonumber(ARGV[3]), qnow)
      qroom = math.max(qheld, qCap - taken)
    end
  end
end
local function hookMayTake(picked, nextAccount)
  qcur = picked + 1
  local x = qof(qcur, nextAccount)
  if x.kind == 'repick' then return true end
  if x.kind == 'new' then
    -- Its held place is its own; one the old rule already gave away (mixed versions) leaves it a place nobody holds
    -- to find, like any arrival (it was admitted: the line does not stop it).
    if not qEnforce or redis.call('ZSCORE', qPlaces, x.t .. ':1') then return true end
    if qavail == nil or qavail > 0 then return true end
    return 'skip', 'held'
  end
  if x.kind == 'none' and not qEnforce then
    if qnew < qroom then return true end
    return 'skip', 'full'
  end
  if x.kind == 'none' and qwaiting > 0 then return 'skip', 'line' end
  if qavail == nil or qavail > 0 then return true end
  return 'skip', 'held'
end
local function hookTaken(account)
  local x = qinfo[qcur]
  if not x or x.kind == 'repick' then return end
  if x.kind == 'new' then
    local gone = qConsume(qAdm, qPlaces, x.m, x.t, x.n, account)
    qheld = qheld - gone
    if qavail then qavail = qavail + gone - 1 end
    return
  end
  qnew = qnew + 1
  if qavail then qavail = qavail - 1 end
  if not qEnforce and qheld > 0 then
    redis.call('ZPOPMIN', qPlaces)
    qheld = qheld - 1
  end
end
local function hookDone(picked) end
`,
};

export interface QueuedPickExtras {
  placesKey: string;
  clockKey: string;
  appsKey: string;
  lineKey: string;
  admKey: string;
  clusterCapacity: number;
  freezeMs: number;
  /** Whether only an admission consumes a held place (read at every call: it follows the login pods' caps). */
  enforce: () => boolean;
}

/**
 * The ScriptDef of the queued game pick: the registry's pick adapter, with the queue's keys and ARGV appended (after
 * the accounts and the admissions the selector passes, see RedisAppSelectorOptions.admissions).
 */
export function queuedPickScript(x: QueuedPickExtras): ScriptDef {
  const keys = [x.placesKey, x.clockKey, x.appsKey, x.lineKey, x.admKey];
  const withExtras = (raw: ScriptFn): ScriptFn => (n, ...rest) => {
    const nk = Number(n);
    return raw(nk + keys.length, ...rest.slice(0, nk), ...keys, ...rest.slice(nk), ...keys, x.clusterCapacity, x.freezeMs, x.enforce() ? 1 : 0);
  };
  return {
    name: 'gcPickQueued',
    numberOfKeys: null,
    lua: pickLua(QUEUED_PICK_HOOKS),
    adapt: (raw) => (pickScript.adapt ? pickScript.adapt(withExtras(raw)) : withExtras(raw)),
  };
}
