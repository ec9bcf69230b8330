/**
 * The registry's Lua scripts. Each is one atomic step in Redis, which is what makes any number of appmgr replicas
 * agree without coordination. Scores are always computed in Lua as `online / capacity` from the integer fields
 * (never accumulated by adding 1/capacity), so a heartbeat and a bump that reach the same (online, capacity) write
 * the bit-identical score: no float drift, and equal loads tie exactly.
 * Scripts touch keys built from the `{prefix}` hash tag (one Cluster slot); they are loaded with ioredis
 * `defineCommand`, i.e. EVALSHA with an automatic EVAL fallback after a Redis restart flushed the script cache.
 */
import type { Redis } from 'ioredis';

export interface ScriptDef {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
}

/**
 * KEYS: app hash, online zset, drain flag, apps set, pending-token zset.
 * ARGV: app_id app_type online ip port draining(0|1) ts_ms capacity ttl_ms redeems_counted incarnation.
 * Returns 1 if a drain flag is set.
 * `online` is the pod's truth (players it holds); `assigned` is what selection uses: online + the players on their
 * way to it — reservations and tokens in its pending set — + the players whose token the redeem script already took
 * out of that set but whom the pod had not yet counted when it sampled `online` (`joined`, bumped by every redeem,
 * minus the pod's own count of redeems it accounted for). So a heartbeat landing mid-burst neither forgets nor double
 * counts anyone. A new incarnation (process restart, dead worker) restarts the `joined` reference at the pod's count.
 */
export const heartbeatScript: ScriptDef = {
  name: 'gcHeartbeat',
  numberOfKeys: 5,
  lua: `
local drained = redis.call('EXISTS', KEYS[3]) == 1
local state = 'ready'
if ARGV[6] == '1' or drained then state = 'draining' end
local t = redis.call('TIME')
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', t[1] * 1000 + math.floor(t[2] / 1000))
local online = tonumber(ARGV[3])
local counted = tonumber(ARGV[10]) or 0
local joined = counted
if redis.call('HGET', KEYS[1], 'incarnation') == ARGV[11] then
  joined = math.max(counted, tonumber(redis.call('HGET', KEYS[1], 'joined')) or counted)
end
local assigned = online + redis.call('ZCARD', KEYS[5]) + (joined - counted)
redis.call('HSET', KEYS[1], 'app_id', ARGV[1], 'app_type', ARGV[2], 'online', ARGV[3], 'ip', ARGV[4], 'port', ARGV[5],
  'state', state, 'ts_ms', ARGV[7], 'capacity', ARGV[8], 'assigned', assigned, 'joined', joined, 'incarnation', ARGV[11])
redis.call('PEXPIRE', KEYS[1], ARGV[9])
redis.call('SADD', KEYS[4], ARGV[1])
local cap = tonumber(ARGV[8])
if state == 'ready' and cap > 0 and assigned < cap then
  redis.call('ZADD', KEYS[2], assigned / cap, ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
if drained then return 1 end
return 0
`,
};

/** KEYS: app hash, online zset, apps set. ARGV: app_id. A clean exit removes the pod at once. */
export const unregisterScript: ScriptDef = {
  name: 'gcUnregister',
  numberOfKeys: 3,
  lua: `
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
`,
};

/**
 * KEYS: online zset. ARGV: app key prefix, k, now_ms, ttl_ms, strategy (least_loaded|packed), pending key prefix,
 * reservation ms, then k accounts ('' = none). A pick for an account also reserves its place in the chosen pod's
 * pending set (member `r:<account>`, score = expiry) until the token issued for it replaces the reservation.
 * Picks k times by `assigned` (see the heartbeat script); every pick sees the previous bumps (+1 to `assigned`;
 * `online` stays the pod's reported truth). A member whose hash is gone, too old, not ready or full is
 * removed on the way. Returns a flat array app_id, ip, port per pick (fewer than k triples = no more capacity).
 */
export const pickScript: ScriptDef = {
  name: 'gcPick',
  numberOfKeys: 1,
  // Each member's hash is read once per call (cache `seen`) and its online count written once at the end; the
  // sorted set is updated on every pick so the next pick in the same call sees the bump.
  lua: `
local zkey = KEYS[1]
local prefix = ARGV[1]
local k = tonumber(ARGV[2])
local oldest = tonumber(ARGV[3]) - tonumber(ARGV[4])
local packed = ARGV[5] == 'packed'
local pendingPrefix = ARGV[6]
local reserveMs = tonumber(ARGV[7])
local nowMs = tonumber(ARGV[3])
local out = {}
local seen = {}
local picked = 0
while picked < k do
  local m
  if packed then m = redis.call('ZREVRANGE', zkey, 0, 0) else m = redis.call('ZRANGE', zkey, 0, 0) end
  local id = m[1]
  if not id then break end
  local c = seen[id]
  if not c then
    local h = redis.call('HMGET', prefix .. id, 'ip', 'port', 'state', 'ts_ms', 'assigned', 'capacity', 'online')
    local ts = tonumber(h[4])
    local online = tonumber(h[5]) or tonumber(h[7])
    local cap = tonumber(h[6])
    if (not h[1]) or h[3] ~= 'ready' or (not ts) or ts < oldest or (not online) or (not cap) or cap <= 0 or online >= cap then
      c = false
    else
      c = { ip = h[1], port = h[2], online = online, cap = cap, inc = 0 }
    end
    seen[id] = c
  end
  if not c then
    redis.call('ZREM', zkey, id)
  else
    c.online = c.online + 1
    c.inc = c.inc + 1
    if c.online >= c.cap then redis.call('ZREM', zkey, id) else redis.call('ZADD', zkey, c.online / c.cap, id) end
    out[#out + 1] = id
    out[#out + 1] = c.ip
    out[#out + 1] = c.port
    picked = picked + 1
    local account = ARGV[7 + picked]
    if account and account ~= '' then
      local pk = pendingPrefix .. id
      redis.call('ZADD', pk, nowMs + reserveMs, 'r:' .. account)
      if redis.call('PTTL', pk) < reserveMs then redis.call('PEXPIRE', pk, reserveMs) end
    end
  end
end
for id, c in pairs(seen) do
  if c and c.inc > 0 then redis.call('HSET', prefix .. id, 'assigned', c.online) end
end
return out
`,
};

/** KEYS: apps set. ARGV: app key prefix. Returns flat app_id + 7 fields per live app; prunes dead ids from the set. */
export const listScript: ScriptDef = {
  name: 'gcList',
  numberOfKeys: 1,
  lua: `
local ids = redis.call('SMEMBERS', KEYS[1])
local out = {}
for _, id in ipairs(ids) do
  local h = redis.call('HMGET', ARGV[1] .. id, 'app_type', 'online', 'ip', 'port', 'state', 'ts_ms', 'capacity')
  if not h[1] then
    redis.call('SREM', KEYS[1], id)
  else
    out[#out + 1] = id
    for i = 1, 7 do out[#out + 1] = h[i] or '' end
  end
end
return out
`,
};

/** KEYS: app hash, drain flag. ARGV: flag ttl ms, online zset prefix, app_id. 0 if the app is unknown. */
export const drainScript: ScriptDef = {
  name: 'gcDrain',
  numberOfKeys: 2,
  lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
redis.call('HSET', KEYS[1], 'state', 'draining')
local t = redis.call('HGET', KEYS[1], 'app_type')
if t then redis.call('ZREM', ARGV[2] .. t, ARGV[3]) end
return 1
`,
};

/**
 * KEYS: token key, pending zset of the game. ARGV: value "<account> <app_id>", ttl ms, token, account.
 * SET NX PX, and the token joins the game's pending set (score = expiry) in place of the account's reservation made by
 * the pick, so the game's heartbeats count the player on his way.
 */
export const issueScript: ScriptDef = {
  name: 'gcIssue',
  numberOfKeys: 2,
  lua: `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 0 end
local t = redis.call('TIME')
redis.call('ZREM', KEYS[2], 'r:' .. ARGV[4])
redis.call('ZADD', KEYS[2], t[1] * 1000 + math.floor(t[2] / 1000) + tonumber(ARGV[2]), ARGV[3])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`,
};

/**
 * KEYS: token key, pending zset of the redeeming game, its app hash. ARGV: expected value, token.
 * Deletes only on an exact match, so a wrong (account, app) does not burn it; a redeemed token leaves the pending set
 * and bumps the pod's `joined` until the pod's next heartbeat says it has counted him (see the heartbeat script).
 */
export const redeemScript: ScriptDef = {
  name: 'gcRedeem',
  numberOfKeys: 3,
  lua: `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 'joined', 1) end
  return 1
end
return 0
`,
};

/** KEYS: session key. ARGV: new value "<app_id> <socketKey>", account, kick channel prefix. Returns the previous value if it differed. */
export const claimScript: ScriptDef = {
  name: 'gcClaim',
  numberOfKeys: 1,
  lua: `
local prev = redis.call('GET', KEYS[1])
redis.call('SET', KEYS[1], ARGV[1])
if prev and prev ~= ARGV[1] then
  local sp = string.find(prev, ' ', 1, true)
  if sp then
    redis.call('PUBLISH', ARGV[3] .. string.sub(prev, 1, sp - 1), ARGV[2] .. ' ' .. string.sub(prev, sp + 1))
  end
  return prev
end
return false
`,
};

/** KEYS: session key. ARGV: expected value. Compare-and-delete. */
export const releaseScript: ScriptDef = {
  name: 'gcRelease',
  numberOfKeys: 1,
  lua: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`,
};

type ScriptFn = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** Defines `def` on this client once (EVALSHA + NOSCRIPT fallback) and returns a caller. */
export function script(redis: Redis, def: ScriptDef): ScriptFn {
  const r = redis as unknown as Record<string, ScriptFn | undefined>;
  if (typeof r[def.name] !== 'function') redis.defineCommand(def.name, { numberOfKeys: def.numberOfKeys, lua: def.lua });
  const fn = r[def.name] as ScriptFn;
  return (...a) => fn.apply(redis, a);
}
