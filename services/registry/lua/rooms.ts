/**
 * The rooms' Lua scripts (docs/rooms.md): allocation (create, join, find; a matchmaker's AllocateMatch and
 * ReserveSeats are the same script with several accounts and their tokens), the login's token for a room seat, and
 * the game pod's side (left, lock/labels, end, re-publish, re-arm). Each is one atomic step, so any number of appmgr
 * replicas agree: `players + reserved <= max_players` always holds. Keys (keys.ts): `{p}:room:<id>` (hash),
 * `{p}:seats:<id>` (account → seat expiry), `{p}:rooms:<mode>` (the mode's rooms, score = band + free seats: the
 * lowest positive scores are the fullest open public rooms; locked and private rooms rank in bands above, ROOM_BAND), `{p}:newrooms:<app>` (rooms nobody reached, by seat expiry: their
 * places lapse with them), `{p}:match:<id>` (idempotency). A pod's `room_places` (its rooms' max_players) is kept
 * here, added at create and given back at the room's end, never by the heartbeat. A room is alive while its pod's
 * registration is fresh and in the same run (`run_id`): a dead pod's rooms answer ROOM_NOT_FOUND, nothing to clean.
 * Keys that depend on what Redis holds (a room's pod, the find's candidates, an account's previous hold) are asked
 * for with the registry's `{'', missing keys…}` answer before anything is written (lua-scripts.ts).
 */
import { ADMISSION, DECLARED, NOW_MS, PARSE_HOLD, QCLOCK, SESSION } from './fragments.js';
import { HOLD, KEYS_OF, POD_EXACT, ROOM_BAND, ROOM_END, ROOM_RANK } from './room-fragments.js';

/** How long a reached room's keys live without their pod re-arming them (the backstop against leaks). */
export const ROOM_KEY_TTL_MS = 3_600_000;
/** How long a match/request id is remembered at least (docs/rooms.md: while its room lives, or 10 minutes). */
export const MATCH_KEY_TTL_MS = 6 * 3_600_000;

/**
 * Defines `roomLoad(id, now, ttl)` (needs K, declared, ROOM_END) → the room as a table, or nil, why ('gone', 'dead',
 * 'lapsed'). Dead (its pod gone or restarted) and lapsed (nobody reached it, no live seat) rooms are deleted on
 * the way when their keys are declared.
 */
const ROOM_LOAD = `${ROOM_RANK}local function roomLoad(id, now, ttl)
  local rk = K.room .. id
  if not declared[rk] then return nil, 'gone' end
  local r = redis.call('HMGET', rk, 'app', 'run', 'mode', 'max', 'private', 'locked', 'players', 'reached', 'labels', 'created', 'match')
  if not r[1] then return nil, 'gone' end
  local ak = K.app .. r[1]
  if not declared[ak] then return nil, 'gone' end
  local a = redis.call('HMGET', ak, 'run_id', 'ts_ms', 'state', 'ip', 'port', 'ws_port')
  if (not a[2]) or a[1] ~= r[2] or tonumber(a[2]) < now - ttl then
    redis.call('DEL', rk)
    if declared[K.seats .. id] then redis.call('DEL', K.seats .. id) end
    return nil, 'dead'
  end
  if endIfUnreached(id, now) then return nil, 'lapsed' end
  return { id = id, app = r[1], run = r[2], mode = r[3], max = tonumber(r[4]) or 0, private = r[5] == '1',
    locked = r[6] == '1', players = tonumber(r[7]) or 0, reached = r[8] == '1', labels = r[9] or '{}',
    created = tonumber(r[10]) or 0, match = r[11] or '', draining = a[3] ~= 'ready', ip = a[4], port = a[5],
    ws = tonumber(a[6]) or 0, reserved = redis.call('ZCOUNT', K.seats .. id, '(' .. now, '+inf') }
end
local function roomFree(room) return room.max - room.players - room.reserved end
local function roomScore(room)
  local mk = K.mode .. room.mode
  if not declared[mk] then return end
  redis.call('ZADD', mk, roomRank(room.private, room.locked, roomFree(room)), room.id)
end
`;

/** Defines `modeMax(modes, mode)` → the max_players a pod's `modes` field ("duel:2,arena:16") declares, or nil. */
const MODE_MAX = `local function modeMax(modes, mode)
  if not modes or modes == '' then return nil end
  for m, n in string.gmatch(modes, '([^,:]+):(%d+)') do
    if m == mode then return tonumber(n) end
  end
  return nil
end
`;

/**
 * Defines `ownPlaces(accounts, now)` (needs K, declared, HOLD) → by app id, the places the accounts' holds give back
 * once a request of theirs voids them (an account holds one seat, reservation or token; its new request replaces it):
 * a live reservation or token is one place in its pod's pending set; a room seat frees its room's max_players when
 * the room is unreached, of the pod's current run, and holds live seats of these accounts only (voiding ends it).
 * Undeclared keys count nothing.
 */
const OWN_PLACES = `local function ownPlaces(accounts, now)
  local mine, by, seen = {}, {}, {}
  for _, a in ipairs(accounts) do mine[a] = true end
  for _, a in ipairs(accounts) do
    local hk = K.hold .. a
    local hv = declared[hk] and redis.call('GET', hk)
    local y, kind, m, rid
    if hv then y, kind, m, rid = holdParts(hv) end
    local f = 0
    if y and kind == 's' then
      local rk, sk, ak = K.room .. rid, K.seats .. rid, K.app .. y
      if not seen[rid] and declared[rk] and declared[sk] and declared[ak] then
        seen[rid] = true
        local r = redis.call('HMGET', rk, 'app', 'run', 'reached', 'max')
        if r[1] == y and r[3] == '0' and r[2] == redis.call('HGET', ak, 'run_id') then
          f = tonumber(r[4]) or 0
          for _, s in ipairs(redis.call('ZRANGEBYSCORE', sk, '(' .. now, '+inf')) do
            if not mine[s] then f = 0; break end
          end
        end
      end
    elseif y and declared[K.pending .. y] then
      local sc = tonumber(redis.call('ZSCORE', K.pending .. y, m))
      if sc and sc > now then f = 1 end
    end
    if f > 0 then by[y] = (by[y] or 0) + f end
  end
  return by
end
`;

/**
 * KEYS: every key it touches (see the adapter in redis-rooms.ts: the apps set, online:game, the game pods' app,
 * pending and newrooms keys, the accounts' holds, the request's room, mode and match keys, then whatever the answer
 * `{'', missing…}` asked for). ARGV: tag, op (create|join|find), app ttl ms, strategy, transport (tcp|ws), final,
 * seat ms, mode, max_players, is_private, labels json, room_id (join), new room ids (comma-separated candidates),
 * match id, lock bypass (1: ReserveSeats), cluster capacity, queue places key ('' none), accounts signature, spec
 * signature, queue line key, queue admissions key, queue clock key, queue freeze ms, the player's admission ('' none),
 * line (1: the player flow, with admissions enforced: a new room waits for the line), n, then n × (account, token (''
 * = the login issues it), team, data json).
 * The queue (docs/queue.md): a new room needs `max_players` places that nobody holds — free places (Σ over ready live
 * game pods, capped by the cluster capacity) minus the places admitted tickets hold —, unless the player's admission
 * holds at least that many: then they are his. With `line` set and tickets waiting, a new room needs such an
 * admission (NO_APP otherwise); a join into an existing room never waits. Any seat the player gets with an admission
 * not yet bound binds it to him and releases its places (a room of ≤ its places: all of them are now the room's).
 * A matchmaker's rooms never take held places and do not wait for the line.
 * Answers `{'ok', app_id, ip, port, ws_port, room_id, n × (account, token, status)}` (status `new`, `same` — the
 * seat's unexpired token again —, or `in` — already in the room, no token), `{'err', CODE}` (ROOM_NOT_FOUND,
 * ROOM_FULL, ROOM_CLOSED, ROOM_INVALID, NO_APP, ALREADY_EXISTS, COLLISION: every new id was taken), or
 * `{'', missing keys…}`.
 */
export const roomAllocLua = `${DECLARED}${PARSE_HOLD}${KEYS_OF}${POD_EXACT}${QCLOCK}${ADMISSION}
local K = keysOf(ARGV[1])
${HOLD}${ROOM_END}${ROOM_LOAD}${MODE_MAX}${OWN_PLACES}
local op, appTtl, packed, ws, final = ARGV[2], tonumber(ARGV[3]), ARGV[4] == 'packed', ARGV[5] == 'ws', ARGV[6] == '1'
local seatMs, mode, wantMax, isPrivate, labelsJson = tonumber(ARGV[7]), ARGV[8], tonumber(ARGV[9]) or 0, ARGV[10] == '1', ARGV[11]
local joinId, newIds, matchId, bypassLock = ARGV[12], ARGV[13], ARGV[14], ARGV[15] == '1'
local clusterCap, placesKey, accSig, specSig = tonumber(ARGV[16]) or 0, ARGV[17], ARGV[18], ARGV[19]
local lineKey, admKey, clockKey, freezeMs, admission, line = ARGV[20], ARGV[21], ARGV[22], tonumber(ARGV[23]) or 2000, ARGV[24], ARGV[25] == '1'
local n = tonumber(ARGV[26])
local A = 26
local kapps, zkey = ARGV[1] .. ':apps', ARGV[1] .. ':online:game'
local missing = { '' }
local function need(key) if not declared[key] then missing[#missing + 1] = key end end
need(kapps)
need(zkey)
local games = {}
local findMissing = false
if declared[kapps] then
  for _, id in ipairs(redis.call('SMEMBERS', kapps)) do
    local ak = K.app .. id
    need(ak)
    if declared[ak] and redis.call('HGET', ak, 'app_type') == 'game' then
      need(K.pending .. id)
      need(K.newrooms .. id)
      games[#games + 1] = id
    end
  end
end
for i = 1, n do
  local a = ARGV[A + (i - 1) * 4 + 1]
  local hk = K.hold .. a
  need(hk)
  if declared[hk] and not final then
    local hv = redis.call('GET', hk)
    if hv then holdNeeds(hv, need) end
  end
end
if matchId ~= '' then
  local mk = K.match .. matchId
  need(mk)
  if declared[mk] then
    local rid = redis.call('HGET', mk, 'room')
    if rid then
      need(K.room .. rid)
      need(K.seats .. rid)
      -- A repeat answers the seats' unexpired tokens: their keys are read.
      if declared[K.room .. rid] then
        for i = 1, n do
          local info = redis.call('HGET', K.room .. rid, 's:' .. ARGV[A + (i - 1) * 4 + 1])
          local t = info and cjson.decode(info).t
          if t and t ~= '' then need(K.token .. t) end
        end
      end
    end
  end
end
if op == 'join' then
  need(K.room .. joinId)
  need(K.seats .. joinId)
  if declared[K.room .. joinId] then
    local m = redis.call('HGET', K.room .. joinId, 'mode')
    if m then need(K.mode .. m) end
  end
else
  need(K.mode .. mode)
  for id in string.gmatch(newIds, '[^,]+') do need(K.room .. id); need(K.seats .. id) end
  if op == 'find' and declared[K.mode .. mode] then
    for _, id in ipairs(redis.call('ZRANGEBYSCORE', K.mode .. mode, 1, '(${ROOM_BAND.locked}', 'LIMIT', 0, 64)) do
      if not (declared[K.room .. id] and declared[K.seats .. id]) then findMissing = true end
      need(K.room .. id)
      need(K.seats .. id)
    end
  end
end
if placesKey ~= '' then
  need(placesKey)
  need(lineKey)
  need(admKey)
  need(clockKey)
end
-- A find never opens a room while a candidate it could not look at exists (it would open one too many): it asks
-- for their keys even on the final attempt (the caller then answers BUSY).
if #missing > 1 and (not final or findMissing) then return missing end
${NOW_MS}

-- The admission queue: places admitted tickets hold, tickets waiting, and the player's admission ('new': not yet
-- bound, with the ticket and its places; 'mine': already bound to this account, which consumes nothing more).
local qheld, qwaiting, qkind, qt, qn = 0, 0, nil, nil, 0
if placesKey ~= '' and declared[placesKey] and declared[lineKey] and declared[admKey] and declared[clockKey] then
  if redis.call('EXISTS', placesKey) == 1 then
    local _, qvnow = qclock(clockKey, freezeMs)
    redis.call('ZREMRANGEBYSCORE', placesKey, '-inf', qvnow)
    qheld = redis.call('ZCARD', placesKey)
  end
  qwaiting = redis.call('ZCARD', lineKey)
  if n == 1 then qkind, qt, qn = qAdmission(admKey, admission, ARGV[A + 1]) end
end
-- A seat given: an admission not yet bound is the player's now (its places released: one is his seat, or his room's).
local function finish(r)
  if r[1] == 'ok' and qkind == 'new' then
    qConsume(admKey, placesKey, admission, qt, qn, ARGV[A + 1])
    qkind = 'mine'
  end
  return r
end

-- One account's seat in room: replaces whatever the account held before (its one hold), unless it is this seat.
local function seat(room, a, tok, team, data, untilMs)
  local hk = K.hold .. a
  local hv = redis.call('GET', hk)
  if hv then
    local y, kind, m, r2, t2 = holdParts(hv)
    if y and kind == 's' and r2 == room.id then
      if t2 and t2 ~= '' and t2 ~= tok and declared[K.token .. t2] then redis.call('DEL', K.token .. t2) end
    elseif y and kind == 's' then
      voidSeat(y, r2, t2, a, now)
    elseif y then
      if declared[K.pending .. y] then redis.call('ZREM', K.pending .. y, m) end
      if kind == 't' and declared[K.token .. m] then redis.call('DEL', K.token .. m) end
    end
  end
  local sk = K.seats .. room.id
  local prev = tonumber(redis.call('ZSCORE', sk, a))
  redis.call('ZADD', sk, untilMs, a)
  if not (prev and prev > now) then room.reserved = room.reserved + 1 end
  local ttl = untilMs - now
  if tok ~= '' then redis.call('SET', K.token .. tok, a .. ' ' .. room.app .. ' ' .. room.id, 'PX', ttl) end
  redis.call('SET', hk, room.app .. ' S:' .. room.id .. ':' .. tok, 'PX', ttl)
  if tok ~= '' or team ~= '' or data ~= '{}' then
    redis.call('HSET', K.room .. room.id, 's:' .. a, cjson.encode({ t = tok, team = team, data = data, u = untilMs }))
  end
  if room.reached then
    redis.call('PEXPIRE', sk, ${ROOM_KEY_TTL_MS})
  else
    redis.call('ZADD', K.newrooms .. room.app, 'GT', untilMs, room.id .. ' ' .. room.max)
    local keep = ttl + 5000
    if redis.call('PTTL', K.room .. room.id) < keep then redis.call('PEXPIRE', K.room .. room.id, keep) end
    if redis.call('PTTL', sk) < keep then redis.call('PEXPIRE', sk, keep) end
  end
end

-- Every account of the request into room (all or nothing: checked before). Returns the answer.
local function seatAll(room)
  local out = { 'ok', room.app, room.ip, room.port, room.ws, room.id }
  local untilMs = now + seatMs
  for i = 1, n do
    local b = A + (i - 1) * 4
    local a, tok, team, data = ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4]
    local status = 'new'
    local sc = tonumber(redis.call('ZSCORE', K.seats .. room.id, a))
    if redis.call('HEXISTS', K.room .. room.id, 'p:' .. a) == 1 then
      status = 'in'
      tok = ''
    elseif sc and sc > now and matchId ~= '' then
      -- A repeat of the same match or request: the unexpired seat keeps its token (the lost reply stays valid).
      local info = redis.call('HGET', K.room .. room.id, 's:' .. a)
      local t = info and cjson.decode(info).t
      if t and t ~= '' and declared[K.token .. t] and redis.call('EXISTS', K.token .. t) == 1 then
        status = 'same'
        tok = t
      else
        seat(room, a, tok, team, data, untilMs)
      end
    else
      seat(room, a, tok, team, data, untilMs)
    end
    out[#out + 1] = a
    out[#out + 1] = tok
    out[#out + 1] = status
  end
  roomScore(room)
  return out
end

-- How many of the request's accounts need a new place in room (not in it, no live seat there).
local function newcomers(room)
  local c = 0
  for i = 1, n do
    local a = ARGV[A + (i - 1) * 4 + 1]
    local sc = tonumber(redis.call('ZSCORE', K.seats .. room.id, a))
    if redis.call('HEXISTS', K.room .. room.id, 'p:' .. a) == 0 and not (sc and sc > now) then c = c + 1 end
  end
  return c
end

local function joinRoom(room)
  if room.draining then return { 'err', 'ROOM_CLOSED' } end
  if room.locked and not bypassLock then return { 'err', 'ROOM_CLOSED' } end
  if ws and room.ws <= 0 then return { 'err', 'NO_APP' } end
  if room.players + room.reserved + newcomers(room) > room.max then return { 'err', 'ROOM_FULL' } end
  return seatAll(room)
end

local function labelsMatch(have, want)
  for k, v in pairs(want) do if have[k] ~= v then return false end end
  return true
end

local function createRoom()
  -- The mode as the live game pods declare it.
  local declaredMax = nil
  for _, id in ipairs(games) do
    local h = redis.call('HMGET', K.app .. id, 'ts_ms', 'modes')
    local ts = tonumber(h[1])
    local mm = modeMax(h[2], mode)
    if ts and ts >= now - appTtl and mm and (not declaredMax or mm > declaredMax) then declaredMax = mm end
  end
  if not declaredMax then return { 'err', 'ROOM_INVALID' } end
  local max = wantMax
  if max == 0 then max = declaredMax end
  if max < 1 or max > declaredMax or n > max then return { 'err', 'ROOM_INVALID' } end
  -- The requesters' own earlier holds are not places anybody else holds: this create voids them (seatAll), so a
  -- player who creates again never finds his own unreached room in the way.
  local accounts = {}
  for i = 1, n do accounts[i] = ARGV[A + (i - 1) * 4 + 1] end
  local own = ownPlaces(accounts, now)
  -- Places nobody holds, in the whole cluster (counted as the queue's tick counts them).
  local mine = qkind == 'new' and qn >= max
  if line and qwaiting > 0 and not mine and qkind ~= 'mine' then return { 'err', 'NO_APP' } end
  if clusterCap > 0 or qheld > 0 then
    local free, taken = 0, 0
    for _, id in ipairs(games) do
      local h = redis.call('HMGET', K.app .. id, 'ts_ms', 'online', 'joined', 'counted', 'outside', 'room_places', 'state', 'capacity')
      local ts = tonumber(h[1])
      if ts and ts >= now - appTtl then
        local exact = podExact({ online = h[2], joined = h[3], counted = h[4], outside = h[5], places = h[6] }, K.pending .. id, now) - (own[id] or 0)
        local cap = tonumber(h[8]) or 0
        taken = taken + exact
        if h[7] == 'ready' and cap > exact then free = free + (cap - exact) end
      end
    end
    if clusterCap > 0 and clusterCap - taken < free then free = clusterCap - taken end
    local avail = free - qheld
    if mine then avail = avail + qn end
    if avail < max then return { 'err', 'NO_APP' } end
  end
  local order
  if packed then order = redis.call('ZREVRANGE', zkey, 0, -1) else order = redis.call('ZRANGE', zkey, 0, -1) end
  -- A pod that left the online set as full may be full only of what the requesters give back: a candidate too.
  local listed, extra = {}, {}
  for _, id in ipairs(order) do listed[id] = true end
  for id in pairs(own) do if not listed[id] then extra[#extra + 1] = id end end
  table.sort(extra)
  for _, id in ipairs(extra) do order[#order + 1] = id end
  local chosen, c = nil, nil
  for _, id in ipairs(order) do
    local ak = K.app .. id
    if declared[ak] and declared[K.pending .. id] and declared[K.newrooms .. id] then
      local h = redis.call('HMGET', ak, 'ip', 'port', 'state', 'ts_ms', 'capacity', 'online', 'joined', 'counted', 'ws_port', 'outside', 'room_places', 'modes', 'run_id', 'assigned')
      local ts, cap = tonumber(h[4]), tonumber(h[5]) or 0
      local mm = modeMax(h[12], mode)
      if h[1] and h[3] == 'ready' and ts and ts >= now - appTtl and mm and mm >= max and not (ws and (tonumber(h[9]) or 0) <= 0) then
        local exact = podExact({ online = h[6], joined = h[7], counted = h[8], outside = h[10], places = h[11] }, K.pending .. id, now)
        if cap - (exact - (own[id] or 0)) >= max then
          chosen = id
          c = { ip = h[1], port = h[2], ws = tonumber(h[9]) or 0, run = h[13] or '', cap = cap, exact = exact, assigned = tonumber(h[14]) or exact }
          break
        end
      end
    end
  end
  if not chosen then return { 'err', 'NO_APP' } end
  local rid = nil
  for id in string.gmatch(newIds, '[^,]+') do
    if declared[K.room .. id] and redis.call('EXISTS', K.room .. id) == 0 then rid = id; break end
  end
  if not rid then return { 'err', 'COLLISION' } end
  redis.call('HSET', K.room .. rid, 'app', chosen, 'run', c.run, 'mode', mode, 'max', max, 'private', isPrivate and '1' or '0',
    'locked', '0', 'players', 0, 'reached', '0', 'labels', labelsJson, 'created', now, 'match', matchId)
  redis.call('HINCRBY', K.app .. chosen, 'room_places', max)
  local room = { id = rid, app = chosen, run = c.run, mode = mode, max = max, private = isPrivate, locked = false,
    players = 0, reserved = 0, reached = false, labels = labelsJson, ip = c.ip, port = c.port, ws = c.ws }
  if matchId ~= '' then
    redis.call('HSET', K.match .. matchId, 'room', rid, 'accounts', accSig, 'spec', specSig)
    redis.call('PEXPIRE', K.match .. matchId, ${MATCH_KEY_TTL_MS})
  end
  local answer = seatAll(room)
  -- The pick orders by assigned: the room's places count from now, not from the pod's next heartbeat, and so does
  -- what the requesters' voided holds gave back (the pod's picks since its heartbeat kept on top). A pod this create
  -- filled leaves the online set until its next heartbeat.
  local h2 = redis.call('HMGET', K.app .. chosen, 'online', 'joined', 'counted', 'outside', 'room_places')
  local exact2 = podExact({ online = h2[1], joined = h2[2], counted = h2[3], outside = h2[4], places = h2[5] }, K.pending .. chosen, now)
  local assigned = exact2 + math.max(0, c.assigned - c.exact)
  redis.call('HSET', K.app .. chosen, 'assigned', assigned)
  if exact2 >= c.cap then redis.call('ZREM', zkey, chosen) else redis.call('ZADD', zkey, assigned / c.cap, chosen) end
  return answer
end

-- A repeat of a match / request id.
if matchId ~= '' and declared[K.match .. matchId] then
  local mv = redis.call('HMGET', K.match .. matchId, 'room', 'accounts', 'spec')
  if mv[1] then
    if mv[2] ~= accSig or mv[3] ~= specSig then return { 'err', 'ALREADY_EXISTS' } end
    local room = roomLoad(mv[1], now, appTtl)
    if not room then return { 'err', 'ROOM_NOT_FOUND' } end
    if room.players + room.reserved + newcomers(room) > room.max then return { 'err', 'ROOM_FULL' } end
    return finish(seatAll(room))
  end
end

if op == 'join' then
  local room = roomLoad(joinId, now, appTtl)
  if not room then return { 'err', 'ROOM_NOT_FOUND' } end
  local r = finish(joinRoom(room))
  if r[1] == 'ok' and matchId ~= '' then
    redis.call('HSET', K.match .. matchId, 'room', room.id, 'accounts', accSig, 'spec', specSig)
    redis.call('PEXPIRE', K.match .. matchId, ${MATCH_KEY_TTL_MS})
  end
  return r
end
if op == 'find' then
  local want = cjson.decode(labelsJson)
  local mk = K.mode .. mode
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', mk, 1, '(${ROOM_BAND.locked}', 'LIMIT', 0, 64)) do
    if declared[K.room .. id] and declared[K.seats .. id] then
      local room = roomLoad(id, now, appTtl)
      if not room then
        redis.call('ZREM', mk, id)
      elseif not room.private and not room.locked and not room.draining and (wantMax == 0 or room.max == wantMax)
        and not (ws and room.ws <= 0) and labelsMatch(cjson.decode(room.labels), want) then
        if room.players + room.reserved + newcomers(room) <= room.max then return finish(seatAll(room)) end
        roomScore(room)
      end
    end
  end
end
return finish(createRoom())
`;

/**
 * The login's token for a room seat. KEYS: token key, hold key, room key, seats key, the pod's newrooms key.
 * ARGV: account, app_id, room_id, token, ttl ms. The account's hold must still name its seat in that room (a newer
 * EnterGame voids it): then the token is written ("<account> <app_id> <room_id>", NX), the seat lives as long as
 * the token, and the hold names the token. Returns 1, 0 (token collision) or -1 (the seat is gone).
 */
export const roomIssueLua = `${NOW_MS}
local hv = redis.call('GET', KEYS[2])
local mine = ARGV[2] .. ' S:' .. ARGV[3] .. ':'
if not hv or string.sub(hv, 1, #mine) ~= mine then return -1 end
local max = redis.call('HGET', KEYS[3], 'max')
if not max then return -1 end
if not redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2] .. ' ' .. ARGV[3], 'PX', ARGV[5], 'NX') then return 0 end
local old = string.sub(hv, #mine + 1)
if old ~= '' and old ~= ARGV[4] then redis.call('DEL', string.sub(KEYS[1], 1, #KEYS[1] - #ARGV[4]) .. old) end
local untilMs = now + tonumber(ARGV[5])
redis.call('ZADD', KEYS[4], untilMs, ARGV[1])
redis.call('SET', KEYS[2], mine .. ARGV[4], 'PX', ARGV[5])
if redis.call('HGET', KEYS[3], 'reached') == '0' then
  redis.call('ZADD', KEYS[5], 'GT', untilMs, ARGV[3] .. ' ' .. max)
  local keep = tonumber(ARGV[5]) + 5000
  if redis.call('PTTL', KEYS[3]) < keep then redis.call('PEXPIRE', KEYS[3], keep) end
  if redis.call('PTTL', KEYS[4]) < keep then redis.call('PEXPIRE', KEYS[4], keep) end
end
return 1
`;

/**
 * The game pod's token login for a room token, after the plain redeem found one ("<account> <app_id> <room_id>").
 * KEYS: token, pending zset of the pod, its app hash, the account's hold, the account's session, room, seats,
 * the pod's newrooms, the runs hash. ARGV: account, app_id, token, room_id, the new session value, kick channel
 * prefix, session key ttl ms, the pod's run id, live ms.
 * Redeems once (the hold must name this token, or be gone), the player counts in the room (once, however often he
 * comes back), the room is reached (its keys live 1 h, re-armed by the pod), and the session is claimed exactly as
 * the claim script does (fragments.ts SESSION). Returns 0 (invalid: nothing changed) or `{'ok', previous session or '', mode,
 * max_players, is_private, labels json, seat json or ''}`.
 */
export const roomRedeemLua = `${NOW_MS}${SESSION}
local hold = redis.call('GET', KEYS[4])
if redis.call('GET', KEYS[1]) ~= ARGV[1] .. ' ' .. ARGV[2] .. ' ' .. ARGV[4] then return 0 end
if hold and hold ~= ARGV[2] .. ' S:' .. ARGV[4] .. ':' .. ARGV[3] then return 0 end
local r = redis.call('HMGET', KEYS[6], 'app', 'run', 'mode', 'max', 'private', 'labels', 'reached', 's:' .. ARGV[1])
if r[1] ~= ARGV[2] or r[2] ~= ARGV[8] then return 0 end
redis.call('DEL', KEYS[1])
if hold then redis.call('DEL', KEYS[4]) end
redis.call('ZREM', KEYS[7], ARGV[1])
if redis.call('HSETNX', KEYS[6], 'p:' .. ARGV[1], '1') == 1 then redis.call('HINCRBY', KEYS[6], 'players', 1) end
if r[7] ~= '1' then
  redis.call('HSET', KEYS[6], 'reached', '1')
  redis.call('ZREM', KEYS[8], ARGV[4] .. ' ' .. r[4])
end
redis.call('PEXPIRE', KEYS[6], ${ROOM_KEY_TTL_MS})
redis.call('PEXPIRE', KEYS[7], ${ROOM_KEY_TTL_MS})
-- A seat became a player: the room's free seats are unchanged, so its place in the mode key is too.
runsEnsure(KEYS[9], ARGV[2], ARGV[8], tonumber(ARGV[9]), now)
local out = sessionClaim(KEYS[5], KEYS[9], ARGV[5], ARGV[1], ARGV[6], ARGV[7], now) or ''
return { 'ok', out, r[3], r[4], r[5], r[6] or '{}', r[8] or '' }
`;

/**
 * The game pod's change to one of its rooms. KEYS: room, seats, the mode key, the pod's app hash, its newrooms key.
 * ARGV: tag, app_id, run id, room_id, op (left|lock|unlock|labels|end), arg (account / labels json).
 * Acts only on a room this pod and run hold. `left`: the player is out (the count goes down once); `end`: the room's
 * keys go and its places return to the pod. Returns 1, or 0 when the room is not this pod's (gone, or another's).
 */
export const roomChangeLua = `${DECLARED}${KEYS_OF}${ROOM_RANK}
local K = keysOf(ARGV[1])
${ROOM_END}
local r = redis.call('HMGET', KEYS[1], 'app', 'run', 'max', 'private', 'locked', 'players')
if r[1] ~= ARGV[2] or r[2] ~= ARGV[3] then return 0 end
local op = ARGV[5]
if op == 'end' then
  roomEnd(ARGV[4])
  redis.call('ZREM', KEYS[3], ARGV[4])
  return 1
end
if op == 'left' then
  if redis.call('HDEL', KEYS[1], 'p:' .. ARGV[6], 's:' .. ARGV[6]) > 0 then
    local p = redis.call('HINCRBY', KEYS[1], 'players', -1)
    if p < 0 then redis.call('HSET', KEYS[1], 'players', 0) end
  end
elseif op == 'lock' then
  redis.call('HSET', KEYS[1], 'locked', '1')
elseif op == 'unlock' then
  redis.call('HSET', KEYS[1], 'locked', '0')
elseif op == 'labels' then
  redis.call('HSET', KEYS[1], 'labels', ARGV[6])
end
local h = redis.call('HMGET', KEYS[1], 'players', 'locked')
local _t = redis.call('TIME')
local now = tonumber(_t[1]) * 1000 + math.floor(tonumber(_t[2]) / 1000)
local free = tonumber(r[3]) - tonumber(h[1]) - redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf')
redis.call('ZADD', KEYS[3], roomRank(r[4] == '1', h[2] == '1', free), ARGV[4])
return 1
`;

/**
 * Re-publishes a pod's rooms after Redis lost data. KEYS: the pod's app hash, then per room: room, seats, mode key.
 * ARGV: app_id, run id, n, then per room: room_id, mode, max_players, is_private, locked, labels json, accounts
 * (comma-separated). A room that another live pod holds is left alone; the others are written again and the pod's
 * room_places set to the sum of what it holds. Returns the room ids it could not restore.
 */
export const roomRepublishLua = `${NOW_MS}${ROOM_RANK}
local n = tonumber(ARGV[3])
local places = 0
local lost = {}
for i = 1, n do
  local b = 3 + (i - 1) * 7
  local id, mode, max, priv, locked, labels, accounts = ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5], ARGV[b + 6], ARGV[b + 7]
  local rk, sk, mk = KEYS[1 + (i - 1) * 3 + 1], KEYS[1 + (i - 1) * 3 + 2], KEYS[1 + (i - 1) * 3 + 3]
  local cur = redis.call('HMGET', rk, 'app', 'run')
  if cur[1] and not (cur[1] == ARGV[1] and cur[2] == ARGV[2]) then
    lost[#lost + 1] = id
  else
    local players = 0
    redis.call('HSET', rk, 'app', ARGV[1], 'run', ARGV[2], 'mode', mode, 'max', max, 'private', priv, 'locked', locked,
      'labels', labels, 'reached', '1', 'created', now)
    for a in string.gmatch(accounts, '[^,]+') do
      if redis.call('HSETNX', rk, 'p:' .. a, '1') == 1 then players = players + 1 end
    end
    local p = redis.call('HGET', rk, 'players')
    if not p or tonumber(p) < players then redis.call('HSET', rk, 'players', players) end
    redis.call('PEXPIRE', rk, ${ROOM_KEY_TTL_MS})
    local free = tonumber(max) - tonumber(redis.call('HGET', rk, 'players')) - redis.call('ZCOUNT', sk, '(' .. now, '+inf')
    redis.call('ZADD', mk, roomRank(priv == '1', locked == '1', free), id)
    places = places + tonumber(max)
  end
end
if redis.call('HGET', KEYS[1], 'run_id') == ARGV[2] then redis.call('HSET', KEYS[1], 'room_places', places) end
return lost
`;

/** KEYS: per room: room, seats. ARGV: app_id, run id. Re-arms the 1 h expiry of the rooms this pod and run hold. */
export const roomRearmLua = `
for i = 1, #KEYS, 2 do
  local r = redis.call('HMGET', KEYS[i], 'app', 'run')
  if r[1] == ARGV[1] and r[2] == ARGV[2] then
    redis.call('PEXPIRE', KEYS[i], ${ROOM_KEY_TTL_MS})
    redis.call('PEXPIRE', KEYS[i + 1], ${ROOM_KEY_TTL_MS})
  end
end
return 1
`;

/**
 * KEYS: the mode key, then the room and seats key of its members and the app hash of their pods (asked for with the
 * missing-keys answer). ARGV: tag, app ttl ms, limit, include private (1: the private band too). The mode's public
 * rooms, open ones fullest first, then the locked ones, then (asked for) the private ones, as flat fields per room: room_id, app_id, mode, players, reserved, max,
 * private, locked, labels json, created, draining(0|1); dead ones are pruned.
 */
export const roomListLua = `${DECLARED}${KEYS_OF}
local K = keysOf(ARGV[1])
${ROOM_END}${ROOM_LOAD}
local mk = KEYS[1]
local ids = redis.call('ZRANGEBYSCORE', mk, '-inf', ARGV[4] == '1' and '+inf' or '(${ROOM_BAND.private}', 'LIMIT', 0, tonumber(ARGV[3]))
local missing = { '' }
local function need(key) if not declared[key] then missing[#missing + 1] = key end end
for _, id in ipairs(ids) do
  need(K.room .. id)
  need(K.seats .. id)
  local app = declared[K.room .. id] and redis.call('HGET', K.room .. id, 'app')
  if app then need(K.app .. app); need(K.newrooms .. app) end
end
if #missing > 1 then return missing end
${NOW_MS}
local out = {}
for _, id in ipairs(ids) do
  local room = roomLoad(id, now, tonumber(ARGV[2]))
  if not room then
    redis.call('ZREM', mk, id)
  else
    for _, v in ipairs({ room.id, room.app, room.mode, room.players, room.reserved, room.max, room.private and 1 or 0, room.locked and 1 or 0, room.labels, room.created, room.draining and 1 or 0 }) do
      out[#out + 1] = v
    end
  end
end
return out
`;
