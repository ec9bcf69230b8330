/**
 * Lua fragments shared by the registry's and the queue's scripts. Each is a piece of Lua that defines locals or a
 * function with explicit parameters; a script is assembled by concatenating the fragments it uses ahead of its own
 * body (services/registry/lua-scripts.ts, queue-lua.ts, lua/pick.ts). No script is ever made by searching or editing
 * another script's text: a script that extends another one passes it named hooks (see lua/pick.ts).
 */

/** Defines `now` = Redis TIME in ms (times compared in scripts never come from a caller's clock). */
export const NOW_MS = `local _t = redis.call('TIME')
local now = tonumber(_t[1]) * 1000 + math.floor(tonumber(_t[2]) / 1000)
`;

/** Defines `declared[key] = true` for every key in KEYS (scripts whose keys depend on what Redis holds check it). */
export const DECLARED = `local declared = {}
for i = 1, #KEYS do declared[KEYS[i]] = true end
`;

/** Defines `parseHold(v)` → app_id, member of a hold value "<app_id> <member>" (nil, nil when malformed). */
export const PARSE_HOLD = `local function parseHold(v)
  local sp = string.find(v, ' ', 1, true)
  if not sp then return nil, nil end
  return string.sub(v, 1, sp - 1), string.sub(v, sp + 1)
end
`;

/**
 * Defines `qclock(kclock, freezeMs)` → real now, queue now: the admission queue's clock (docs/queue.md). When no
 * appmgr ran a queue script for longer than the freeze gap, the gap is added to the offset, so the line freezes.
 */
export const QCLOCK = `local function qclock(kclock, freezeMs)
  local _t = redis.call('TIME')
  local now = tonumber(_t[1]) * 1000 + math.floor(tonumber(_t[2]) / 1000)
  local c = redis.call('HMGET', kclock, 'last', 'offset')
  local last = tonumber(c[1])
  local off = tonumber(c[2]) or 0
  if last and now - last > freezeMs then off = off + (now - last) end
  redis.call('HSET', kclock, 'last', now, 'offset', off)
  return now, now - off
end
`;

/**
 * Defines the scan of the game pods (needs DECLARED): `scanMissing(apps, appPrefix, pendingPrefix)` → `{'', keys…}`
 * to declare (nil when all are); `scan(apps, appPrefix, pendingPrefix, ttl, now)` → free places on ready pods,
 * places taken on every live game pod; `freePlaces(…, clusterCap)` → free places capped by CLUSTER_CAPACITY.
 * Fullness is counted exactly as the pick counts it: online + live pending members + joined − counted.
 */
export const SCAN = `local function scanMissing(kapps, appPrefix, pendingPrefix)
  local miss = { '' }
  for _, id in ipairs(redis.call('SMEMBERS', kapps)) do
    local ak = appPrefix .. id
    if not declared[ak] then
      miss[#miss + 1] = ak
    elseif redis.call('HGET', ak, 'app_type') == 'game' and not declared[pendingPrefix .. id] then
      miss[#miss + 1] = pendingPrefix .. id
    end
  end
  if #miss > 1 then return miss end
  return nil
end
local function scan(kapps, appPrefix, pendingPrefix, ttl, now)
  local free, taken = 0, 0
  for _, id in ipairs(redis.call('SMEMBERS', kapps)) do
    local h = redis.call('HMGET', appPrefix .. id, 'app_type', 'state', 'ts_ms', 'capacity', 'online', 'joined', 'counted')
    local ts = tonumber(h[3])
    if h[1] == 'game' and ts and ts >= now - ttl then
      local online = tonumber(h[5]) or 0
      local cap = tonumber(h[4]) or 0
      local joined = tonumber(h[6]) or 0
      local counted = tonumber(h[7]) or joined
      local exact = online + redis.call('ZCOUNT', pendingPrefix .. id, '(' .. now, '+inf') + math.max(0, joined - counted)
      taken = taken + exact
      if h[2] == 'ready' and cap > exact then free = free + (cap - exact) end
    end
  end
  return free, taken
end
local function freePlaces(kapps, appPrefix, pendingPrefix, ttl, now, clusterCap)
  local free, taken = scan(kapps, appPrefix, pendingPrefix, ttl, now)
  if clusterCap > 0 and clusterCap - taken < free then free = clusterCap - taken end
  return free
end
`;
