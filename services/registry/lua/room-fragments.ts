/**
 * Lua fragments of rooms (docs/rooms.md), shared by the pick, the token scripts and the room scripts. Each defines
 * local functions with explicit parameters; a script names the fragments it needs in its ScriptDef (lua-scripts.ts,
 * lua/rooms.ts). They read the key prefixes from `K` (ROOM_KEYS' `keysOf(tag)`: the Lua spelling of keys.ts) and
 * `declared` (fragments.ts DECLARED): a key not declared is never touched.
 */

/**
 * Defines `keysOf(tag)` → the prefixes of keys.ts for the hash tag `{p}`; keys.ts is the TypeScript spelling of the
 * same names (the MONITOR tests check that every key a script touches was declared, so a mismatch fails them).
 */
export const KEYS_OF = `local function keysOf(tag)
  return { app = tag .. ':app:', pending = tag .. ':pending:', hold = tag .. ':hold:', token = tag .. ':token:',
    room = tag .. ':room:', seats = tag .. ':seats:', mode = tag .. ':rooms:', newrooms = tag .. ':newrooms:',
    match = tag .. ':match:', session = tag .. ':session:' }
end
`;

/**
 * Defines `podExact(h, pendingKey, now)`: a game pod's exact fullness from its hash fields `h` (a table with online,
 * outside, places, joined, counted): players outside rooms (all players for a pod that reports no rooms) + its
 * rooms' max_players + live pending members (reservations, unredeemed tokens) + redeems it has not yet counted.
 */
export const POD_EXACT = `local function podExact(h, pendingKey, now)
  local outside = tonumber(h.outside) or tonumber(h.online) or 0
  local joined = tonumber(h.joined) or 0
  local counted = tonumber(h.counted) or joined
  return outside + (tonumber(h.places) or 0) + redis.call('ZCOUNT', pendingKey, '(' .. now, '+inf') + math.max(0, joined - counted)
end
`;

/**
 * Defines the account's hold (needs PARSE_HOLD, K, declared): "<app_id> <member>", member `r:<account>` (a
 * reservation in the pod's pending set), a token (in the pending set), or `S:<room_id>:<token>` (a room seat: the
 * account in the room's seats set; token '' until the login issued it).
 * `holdParts(v)` → app_id, kind ('r'|'t'|'s'), member, room_id, token; `holdNeeds(v, need)` declares what voiding it
 * touches; `voidSeat(app, room, token, account, now)` frees a room seat (and ends the room when nobody reached it and
 * no seat is left: ROOM_END).
 */
export const HOLD = `local function holdParts(hv)
  local y, m = parseHold(hv)
  if not y then return nil end
  local p2 = string.sub(m, 1, 2)
  if p2 == 'S:' then return y, 's', m, string.sub(m, 3, 10), string.sub(m, 12) end
  if p2 == 'r:' then return y, 'r', m, nil, nil end
  return y, 't', m, nil, m
end
local function holdNeeds(hv, need)
  local y, kind, m, room, tok = holdParts(hv)
  if not y then return end
  if kind == 's' then
    need(K.room .. room)
    need(K.seats .. room)
    need(K.app .. y)
    need(K.newrooms .. y)
  else
    need(K.pending .. y)
  end
  if tok and tok ~= '' then need(K.token .. tok) end
end
`;

/**
 * A mode's index (`{p}:rooms:<mode>`) holds every live room of the mode, ranked by band + free seats (free seats are
 * at most ROOM_LIMITS.maxPlayers, below a band's width): open public rooms first, fullest first (`find` reads only
 * their band, from 1 free seat), then locked public rooms, then private rooms (only `ListRooms{include_private}`
 * reads their band).
 */
export const ROOM_BAND = { open: 0, locked: 1_000_000, private: 2_000_000 } as const;

/** Defines `roomRank(isPrivate, locked, free)` → the room's score in its mode's index (ROOM_BAND). */
export const ROOM_RANK = `local function roomRank(isPrivate, locked, free)
  local band = ${ROOM_BAND.open}
  if isPrivate then band = ${ROOM_BAND.private} elseif locked then band = ${ROOM_BAND.locked} end
  return band + math.max(0, free)
end
`;

/**
 * Defines the end of a room (needs K, declared): `roomEnd(roomId)` deletes a room's keys, takes it out of its mode's
 * index (when declared: else the next find or list that meets it prunes it) and gives its places back to its pod
 * (only to the run that made it: a new run started from zero); `endIfUnreached(roomId, now)` ends a room
 * that no player reached and that has no live seat (a room created and never entered holds nothing);
 * `voidSeat(app, roomId, token, account, now)` frees the account's seat.
 */
export const ROOM_END = `local function roomEnd(roomId)
  local rk = K.room .. roomId
  local r = redis.call('HMGET', rk, 'app', 'run', 'max', 'match', 'mode')
  if not r[1] then return end
  local ak, nk = K.app .. r[1], K.newrooms .. r[1]
  if r[5] and declared[K.mode .. r[5]] then redis.call('ZREM', K.mode .. r[5], roomId) end
  if declared[ak] and redis.call('HGET', ak, 'run_id') == r[2] then
    local left = redis.call('HINCRBY', ak, 'room_places', -(tonumber(r[3]) or 0))
    if left < 0 then redis.call('HSET', ak, 'room_places', 0) end
  end
  if declared[nk] then redis.call('ZREM', nk, roomId .. ' ' .. (r[3] or '0')) end
  if r[4] and r[4] ~= '' and declared[K.match .. r[4]] then redis.call('PEXPIRE', K.match .. r[4], 600000) end
  redis.call('DEL', rk)
  if declared[K.seats .. roomId] then redis.call('DEL', K.seats .. roomId) end
end
local function endIfUnreached(roomId, now)
  local rk, sk = K.room .. roomId, K.seats .. roomId
  if not (declared[rk] and declared[sk]) then return false end
  if redis.call('HGET', rk, 'reached') == '0' and redis.call('ZCOUNT', sk, '(' .. now, '+inf') == 0 then
    roomEnd(roomId)
    return true
  end
  return false
end
local function voidSeat(y, roomId, tok, account, now)
  local sk = K.seats .. roomId
  if declared[sk] then redis.call('ZREM', sk, account) end
  if tok and tok ~= '' and declared[K.token .. tok] then redis.call('DEL', K.token .. tok) end
  endIfUnreached(roomId, now)
end
`;
