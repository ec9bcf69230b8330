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
 * Defines the scan of the game pods (needs DECLARED and room-fragments.ts POD_EXACT): `scanMissing(apps, appPrefix, pendingPrefix)` → `{'', keys…}`
 * to declare (nil when all are); `scan(apps, appPrefix, pendingPrefix, ttl, now)` → free places on ready pods,
 * places taken on every live game pod; `freePlaces(…, clusterCap)` → free places capped by CLUSTER_CAPACITY.
 * Fullness is counted exactly as the pick counts it (podExact).
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
    local h = redis.call('HMGET', appPrefix .. id, 'app_type', 'state', 'ts_ms', 'capacity', 'online', 'joined', 'counted', 'outside', 'room_places')
    local ts = tonumber(h[3])
    if h[1] == 'game' and ts and ts >= now - ttl then
      local cap = tonumber(h[4]) or 0
      local exact = podExact({ online = h[5], joined = h[6], counted = h[7], outside = h[8], places = h[9] }, pendingPrefix .. id, now)
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

/**
 * Defines the admission helpers (docs/queue.md), with explicit keys: an admission `m` (32 hex, handed out by an
 * admitted ticket's first `200` poll) is the field `a:<m>` of the queue's `adm` hash → "<ticket> <places> <account>"
 * (account empty until the first AllocateGame carrying it binds it); the places it holds are the members
 * `<ticket>:1` … `<ticket>:<places>` of the queue's `places` zset (score = expiry, queue time).
 * `qAdmission(kadm, m, account)` → 'new' | 'mine', ticket, places — or nil when `m` is empty, unknown, or bound to
 * another account (it then counts as absent); `qConsume(kadm, kplaces, m, ticket, places, account)` binds it to the
 * account and releases every place it still holds (one of them is the player's now; the rest go back to the line),
 * returning how many it released.
 */
export const ADMISSION = `local function qAdmission(kadm, m, account)
  if not m or m == '' or not account or account == '' then return nil end
  local v = redis.call('HGET', kadm, 'a:' .. m)
  if not v then return nil end
  local t, n, who = string.match(v, '^(%S+) (%d+) ?(%S*)$')
  if not t then return nil end
  if who == '' then return 'new', t, tonumber(n) end
  if who == account then return 'mine', t, tonumber(n) end
  return nil
end
local function qConsume(kadm, kplaces, m, t, n, account)
  redis.call('HSET', kadm, 'a:' .. m, t .. ' ' .. n .. ' ' .. account)
  local gone = 0
  for i = 1, n do gone = gone + redis.call('ZREM', kplaces, t .. ':' .. i) end
  return gone
end
`;

/**
 * Defines the liveness of session records (needs NOW_MS): a record `<app_id> <socketKey> <run_id>` is valid while the
 * runs hash (`{p}:runs`, app_id → `<run_id> <until_ms>`, written by the pod's heartbeat) names that run for that pod
 * with `until` still ahead — so a session lives and dies with its pod and its run, and costs Redis nothing while the
 * player is merely online. A record without a run id (written by an older version, which refreshes its short PX
 * itself) is valid while it exists. Records that are not valid are absent to every script: they neither kick nor
 * block, and the script that meets one overwrites it.
 * `sessionLive(kruns, v, now)` → whether record `v` is valid; `runsEnsure(kruns, app, run, liveMs, now)` writes the
 * calling pod's own entry when it is absent or names another run (a pod that runs a script is alive: after Redis lost
 * its data, a pod's first claim makes its records valid before its next heartbeat; an expired entry of the same run
 * is left to the heartbeat, which reports the lapse so the pod re-publishes); `sessionClaim(kses, kruns, value,
 * account, kickPrefix, ttlMs, now)` writes `value` (PX ttlMs: the 1 h backstop) and, when the previous record was a
 * valid other session, publishes `<account> <socketKey> <run_id>` on its pod's kick channel and returns it (else false).
 */
export const SESSION = `local function sessionLive(kruns, v, now)
  local sp = string.find(v, ' ', 1, true)
  if not sp then return false end
  local rest = string.sub(v, sp + 1)
  local sp2 = string.find(rest, ' ', 1, true)
  if not sp2 then return true end
  local e = redis.call('HGET', kruns, string.sub(v, 1, sp - 1))
  if not e then return false end
  local esp = string.find(e, ' ', 1, true)
  if not esp then return false end
  return string.sub(e, 1, esp - 1) == string.sub(rest, sp2 + 1) and (tonumber(string.sub(e, esp + 1)) or 0) > now
end
local function runsEnsure(kruns, app, run, liveMs, now)
  local e = redis.call('HGET', kruns, app)
  if e and string.sub(e, 1, #run + 1) == run .. ' ' then return end
  redis.call('HSET', kruns, app, run .. ' ' .. string.format('%d', now + liveMs))
end
local function sessionClaim(kses, kruns, value, account, kickPrefix, ttlMs, now)
  local prev = redis.call('GET', kses)
  redis.call('SET', kses, value, 'PX', ttlMs)
  if prev and prev ~= value and sessionLive(kruns, prev, now) then
    local sp = string.find(prev, ' ', 1, true)
    redis.call('PUBLISH', kickPrefix .. string.sub(prev, 1, sp - 1), account .. ' ' .. string.sub(prev, sp + 1))
    return prev
  end
  return false
end
`;
