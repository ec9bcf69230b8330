/**
 * The registry's Lua scripts. Each is one atomic step in Redis, which is what makes any number of appmgr replicas
 * agree without coordination. Scores are always computed in Lua as `assigned / capacity` from the integer fields
 * (never accumulated by adding 1/capacity), so a heartbeat and a bump that reach the same (assigned, capacity) write
 * the bit-identical score: no float drift, and equal loads tie exactly.
 * Every key a script touches is passed in KEYS (proxies and Redis-compatible servers route and check by them). The
 * scripts whose keys depend on what Redis holds (the pick: the members of an online set; the issue: the account's
 * previous hold; the list: the registered apps) check first, before any write, that every key they will touch was
 * declared, and otherwise answer `{'', missing keys…}`; their callers (below, and redis-directory.ts /
 * redis-tokens.ts) cache what they learn and call again with those keys. Times compared in scripts come from Redis
 * `TIME`, never from a caller's clock. Scripts are loaded with ioredis `defineCommand`, i.e. EVALSHA with an
 * automatic EVAL fallback after a Redis restart flushed the script cache. Shared Lua lives in lua/fragments.ts; the
 * pick's text in lua/pick.ts, with named hooks for the scripts that extend it.
 */
import type { Redis } from 'ioredis';
import { LIST_FIELD_NAMES, LIST_FIELDS } from './app-record.js';
import { keysOfAppPrefix } from './keys.js';
import { DECLARED, NOW_MS, PARSE_HOLD, SESSION } from './lua/fragments.js';
import { NO_PICK_HOOKS, pickLua } from './lua/pick.js';
import { POD_EXACT } from './lua/room-fragments.js';
import { roomAllocLua, roomChangeLua, roomIssueLua, roomListLua, roomRearmLua, roomRedeemLua, roomRepublishLua } from './lua/rooms.js';

export interface ScriptDef {
  readonly name: string;
  /** null: the caller passes the number of keys first (scripts with a variable key list). */
  readonly numberOfKeys: number | null;
  readonly lua: string;
  /** Wraps the raw caller (e.g. to keep an older call signature while declaring more keys); one state per `script()`. */
  readonly adapt?: (raw: ScriptFn) => ScriptFn;
}

export type ScriptFn = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** First element of a reply that lists the keys a script needs declared before it can run. */
export const MISSING_KEYS = '';
/**
 * From this attempt on, a script no longer asks for the keys an account's previous hold names (concurrent calls for
 * one account kept changing it): it proceeds and leaves those keys alone (see the pick and issue scripts).
 */
export const FINAL_ATTEMPT = 2;
/** Attempts before giving up (only new pods appearing on every attempt could exhaust them). */
export const MAX_ATTEMPTS = 5;

/**
 * KEYS: app hash, online zset, drain flag, apps set, pending-token zset, the pod's newrooms zset, the runs hash.
 * ARGV: app_id app_type online ip port draining(0|1) ts_ms(ignored: TIME is used) capacity ttl_ms redeems_counted
 * incarnation ws_port run_id caps modes room_players rooms live_ms (an older pod sends fewer: absent = none). `rooms`
 * (the rooms the pod's module hosts) is only shown to operators (/apps, the live page).
 * Returns 1 if a drain flag is set, + 2 if the registration was gone or its liveness had lapsed (first beat, Redis
 * lost it, or the runs entry had expired or named another run: its session records were invalid for a while, so
 * a newer login elsewhere may not have kicked them — the pod then re-publishes its rooms and sessions, docs/rooms.md).
 * The pod's entry in the runs hash (`<run_id> <now + live_ms>`) is what keeps its session records valid (SESSION).
 * `online` is the pod's truth (players it holds); `assigned` is what selection orders by: its exact fullness
 * (podExact: the players outside rooms, its rooms' `room_places` — kept by the room scripts, never by the heartbeat —,
 * the players on their way to it — reservations and tokens in its pending set —, and the players whose token the
 * redeem script already took out of that set but whom the pod had not yet counted when it sampled `online`: `joined`,
 * bumped by every redeem, minus `counted`, the pod's own count of redeems it accounted for). A heartbeat therefore
 * writes the exact count (the pick's provisional bumps are forgotten), so a heartbeat landing mid-burst neither
 * forgets nor double counts anyone. A new incarnation (process restart, dead worker) restarts the `joined` reference
 * at the pod's count; a new run id (process start) restarts `room_places` at 0 (the old run's rooms are dead). Rooms
 * that no player reached lapse with their seats: the beat sweeps the pod's newrooms set (at most 64 a beat), so its
 * work does not grow with the number of rooms.
 */
export const heartbeatScript: ScriptDef = {
  name: 'gcHeartbeat',
  numberOfKeys: 7,
  lua: `${NOW_MS}${POD_EXACT}
local lost = redis.call('EXISTS', KEYS[1]) == 0
local run = ARGV[13] or ''
local live = redis.call('HGET', KEYS[7], ARGV[1])
if not live or string.sub(live, 1, #run + 1) ~= run .. ' ' or (tonumber(string.sub(live, #run + 2)) or 0) <= now then lost = true end
redis.call('HSET', KEYS[7], ARGV[1], run .. ' ' .. string.format('%d', now + (tonumber(ARGV[18]) or 3 * tonumber(ARGV[9]))))
local drained = redis.call('EXISTS', KEYS[3]) == 1
local state = 'ready'
if ARGV[6] == '1' or drained then state = 'draining' end
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
local prev = redis.call('HMGET', KEYS[1], 'incarnation', 'joined', 'run_id', 'room_places')
local places = tonumber(prev[4]) or 0
if prev[3] ~= run then
  places = 0
  redis.call('DEL', KEYS[6])
else
  local lapsed = redis.call('ZRANGEBYSCORE', KEYS[6], '-inf', now, 'LIMIT', 0, 64)
  for _, m in ipairs(lapsed) do
    local sp = string.find(m, ' ', 1, true)
    places = places - (tonumber(string.sub(m, sp + 1)) or 0)
    redis.call('ZREM', KEYS[6], m)
  end
  if places < 0 then places = 0 end
end
local online = tonumber(ARGV[3])
local outside = math.max(0, online - (tonumber(ARGV[16]) or 0))
local counted = tonumber(ARGV[10]) or 0
local joined = counted
if prev[1] == ARGV[11] then
  joined = math.max(counted, tonumber(prev[2]) or counted)
end
local assigned = podExact({ outside = outside, places = places, joined = joined, counted = counted }, KEYS[5], now)
redis.call('HSET', KEYS[1], 'app_id', ARGV[1], 'app_type', ARGV[2], 'online', ARGV[3], 'ip', ARGV[4], 'port', ARGV[5],
  'state', state, 'ts_ms', now, 'capacity', ARGV[8], 'assigned', assigned, 'joined', joined, 'counted', counted,
  'incarnation', ARGV[11], 'ws_port', ARGV[12] or '0', 'run_id', run, 'caps', ARGV[14] or '', 'modes', ARGV[15] or '',
  'outside', outside, 'room_places', places, 'rooms', ARGV[17] or '0')
redis.call('PEXPIRE', KEYS[1], ARGV[9])
redis.call('SADD', KEYS[4], ARGV[1])
local cap = tonumber(ARGV[8])
if state == 'ready' and cap > 0 and assigned < cap then
  redis.call('ZADD', KEYS[2], assigned / cap, ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
local flags = 0
if drained then flags = 1 end
if lost then flags = flags + 2 end
return flags
`,
};

/**
 * KEYS: app hash, online zset, apps set, runs hash. ARGV: app_id, run_id. A clean exit removes the pod at once (its
 * runs entry only if it still names this run: a newer run of the same app_id keeps its own).
 */
export const unregisterScript: ScriptDef = {
  name: 'gcUnregister',
  numberOfKeys: 4,
  lua: `
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
local e = redis.call('HGET', KEYS[4], ARGV[1])
if e and ARGV[2] and string.sub(e, 1, #ARGV[2] + 1) == ARGV[2] .. ' ' then redis.call('HDEL', KEYS[4], ARGV[1]) end
return 1
`,
};

/**
 * KEYS: online zset, then (any order) the app hash and pending key of every member of that set, the hold key of every
 * account, and the keys named by those holds. ARGV: app key prefix, k, ttl_ms, strategy (least_loaded|packed),
 * pending prefix, reservation ms, hold prefix, token prefix, final (1 = do not ask for the keys of previous holds
 * again: leave undeclared ones alone), transport (`tcp` | `ws`), then k accounts ('' = none), then whatever the
hooks of an extending script read (the queued pick: k admissions and its own arguments; the plain pick reads none).
 * With transport `ws` only pods whose `ws_port` > 0 are candidates (walked in the same order, the others skipped but
 * left in the set): the same atomic pick + bump, filtered.
 * Picks k times by `assigned` (see the heartbeat script; each pick bumps it by one, so the next pick in the same call
 * sees the bump). Whether a pod can take a player is decided on the exact count instead — online + its live pending
 * members (reservations, unredeemed tokens) + joined − counted — so provisional bumps order the choice but never make
 * a pod refuse players by themselves. A pick for an account also reserves its place in the chosen pod's pending set
 * (member `r:<account>`, score = expiry) until the token issued for it replaces the reservation, and replaces whatever
 * the account held before (its previous reservation or unredeemed token, wherever it is): an account holds at most
 * one. A member whose hash is gone, older than ttl_ms by Redis TIME, not ready or full is removed on the way.
 * Returns a flat array app_id, ip, port, ws_port per pick (fewer than k of them = no more capacity; app_id `!` = that
 * one pick was refused by a hook — `!` is never an app id —, its ip field saying why, e.g. `line`), or
 * `{'', missing keys…}`.
 */
export const pickScript: ScriptDef = {
  name: 'gcPick',
  numberOfKeys: null,
  // Each member's hash is read once per call (cache `seen`) and its `assigned` written once at the end. packed updates
  // the sorted set on every pick so the next pick in the same call sees the bump; least_loaded picks in memory.
  lua: pickLua(NO_PICK_HOOKS),
  adapt: pickAdapter,
};

/**
 * Keeps the selector's call signature — (online zset, app prefix, k, now_ms (ignored), ttl_ms, strategy, pending
 * prefix, reservation ms, transport, …accounts) — while declaring every key: the app and pending keys of the set's members are
 * cached per sorted set (learned from the script's `missing` answer: a new pod costs one extra round trip, once), the
 * hold keys follow from the accounts, and the keys a previous hold names are declared on the retry.
 */
function pickAdapter(raw: ScriptFn): ScriptFn {
  const known = new Map<string, Set<string>>();
  return async (...a) => {
    const [zkey, appPrefix, k, , ttl, strategy, pendingPrefix, reserveMs, transport, ...rest] = a as string[];
    // The k accounts, then what an extending script's hooks read (passed through after them, untouched).
    const accounts = rest.slice(0, Number(k));
    const tail = rest.slice(Number(k));
    const keys = keysOfAppPrefix(String(appPrefix));
    let members = known.get(String(zkey));
    if (!members || members.size > 20_000) known.set(String(zkey), (members = new Set()));
    const holds = new Set<string>();
    for (const acc of accounts) if (acc !== '') holds.add(keys.hold(String(acc)));
    const extra: string[] = [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const declared = [String(zkey), ...holds, ...members, ...extra];
      const final = attempt >= FINAL_ATTEMPT ? 1 : 0;
      const reply = (await raw(declared.length, ...declared, appPrefix!, k!, ttl!, strategy!, pendingPrefix!, reserveMs!, keys.holdPrefix, keys.tokenPrefix, final, transport!, ...accounts, ...tail)) as string[];
      if (reply.length === 0 || reply[0] !== MISSING_KEYS) return reply;
      for (const key of reply.slice(1)) {
        if (key.startsWith(String(appPrefix)) || key.startsWith(String(pendingPrefix))) members.add(key);
        else extra.push(key);
      }
    }
    throw new Error('pick: the keys to declare kept changing');
  };
}

/**
 * KEYS: apps set, online:login, online:game, then the app hash of every registered or online app_id (and the runs
 * hash, named by ARGV[3]). ARGV: app key prefix, ttl_ms ('' = only a missing hash counts as dead), runs key ('' =
 * none). Returns flat app_id + LIST_FIELDS fields per live app, or `{'', missing keys…}`. Prunes dead pods — hash
 * gone, or older than ttl_ms by Redis TIME — from the apps set and from both online sets wherever they sit in them
 * (the pick only ever looks at the lowest- or highest-scored member), and a pod whose hash is gone from the runs hash.
 */
export const listScript: ScriptDef = {
  name: 'gcList',
  numberOfKeys: null,
  lua: `${DECLARED}
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local kruns = ARGV[3]
if not (kruns and kruns ~= '' and declared[kruns]) then kruns = nil end
local ids = {}
local order = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do if not ids[id] then ids[id] = true; order[#order + 1] = id end end
for z = 2, 3 do
  for _, id in ipairs(redis.call('ZRANGE', KEYS[z], 0, -1)) do if not ids[id] then ids[id] = true; order[#order + 1] = id end end
end
local missing = { '' }
for _, id in ipairs(order) do if not declared[prefix .. id] then missing[#missing + 1] = prefix .. id end end
if #missing > 1 then return missing end
${NOW_MS}
local out = {}
for _, id in ipairs(order) do
  local h = redis.call('HMGET', prefix .. id, ${LIST_FIELD_NAMES.map((f) => `'${f}'`).join(', ')})
  if not h[${LIST_FIELD_NAMES.indexOf('app_type') + 1}] then
    redis.call('SREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
    redis.call('ZREM', KEYS[3], id)
    if kruns then redis.call('HDEL', kruns, id) end
  else
    local ts = tonumber(h[${LIST_FIELD_NAMES.indexOf('ts_ms') + 1}])
    if ttl and ((not ts) or ts < now - ttl) then
      redis.call('ZREM', KEYS[2], id)
      redis.call('ZREM', KEYS[3], id)
    end
    out[#out + 1] = id
    for i = 1, ${LIST_FIELDS} do out[#out + 1] = h[i] or '' end
  end
end
return out
`,
};

/** KEYS: app hash, drain flag, online:login, online:game. ARGV: flag ttl ms, app_id. 0 if the app is unknown. */
export const drainScript: ScriptDef = {
  name: 'gcDrain',
  numberOfKeys: 4,
  lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
redis.call('HSET', KEYS[1], 'state', 'draining')
redis.call('ZREM', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[4], ARGV[2])
return 1
`,
};

/**
 * KEYS: token key, pending zset of the game, hold key of the account, then the keys the account's previous hold
 * names (if it is elsewhere). ARGV: value "<account> <app_id>", ttl ms, token, account, pending prefix, token prefix,
 * app_id, final (see FINAL_ATTEMPT). Returns 1 (issued), 0 (token collision) or `{'', missing keys…}` (nothing written).
 * SET NX PX; the token joins the game's pending set (score = expiry by Redis TIME) in place of the account's
 * reservation made by the pick, so the game's heartbeats count the player on his way; and it becomes the account's
 * hold, replacing (deleting) whatever the account held before — an account holds at most one reservation or token.
 */
export const issueScript: ScriptDef = {
  name: 'gcIssue',
  numberOfKeys: null,
  lua: `${DECLARED}${PARSE_HOLD}
local mine = 'r:' .. ARGV[4]
local pendingPrefix = ARGV[5]
local tokenPrefix = ARGV[6]
local final = ARGV[8] == '1'
local y, m
local hv = redis.call('GET', KEYS[3])
if hv then
  y, m = parseHold(hv)
  if y and (y ~= ARGV[7] or m ~= mine) then
    local missing = { '' }
    if not declared[pendingPrefix .. y] then missing[#missing + 1] = pendingPrefix .. y end
    if string.sub(m, 1, 2) ~= 'r:' and not declared[tokenPrefix .. m] then missing[#missing + 1] = tokenPrefix .. m end
    if #missing > 1 and not final then return missing end
  else
    y = nil
  end
end
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 0 end
${NOW_MS}
-- On the final attempt undeclared keys are left alone: the old member expires with its score, the old token is
-- refused by the redeem (the hold no longer names it).
if y then
  if declared[pendingPrefix .. y] then redis.call('ZREM', pendingPrefix .. y, m) end
  if string.sub(m, 1, 2) ~= 'r:' and declared[tokenPrefix .. m] then redis.call('DEL', tokenPrefix .. m) end
end
redis.call('ZREM', KEYS[2], mine)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
redis.call('SET', KEYS[3], ARGV[7] .. ' ' .. ARGV[3], 'PX', ARGV[2])
return 1
`,
};

/**
 * KEYS: token key, pending zset of the redeeming game, its app hash, the account's hold key. ARGV: expected value,
 * token, the hold value naming this token ("<app_id> <token>").
 * Deletes only on an exact match, so a wrong (account, app) does not burn it; a token replaced by a later EnterGame
 * (the account's hold names something else) is refused — a missing hold is accepted (a token issued by an older
 * version during a rolling update); a redeemed token leaves the pending set and the account's hold, and bumps the pod's `joined` until the pod's next heartbeat says it has counted him (see
 * the heartbeat script).
 */
export const redeemScript: ScriptDef = {
  name: 'gcRedeem',
  numberOfKeys: 4,
  lua: `
local hold = redis.call('GET', KEYS[4])
if redis.call('GET', KEYS[1]) == ARGV[1] and (hold == ARGV[3] or not hold) then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
  if hold then redis.call('DEL', KEYS[4]) end
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 'joined', 1) end
  return 1
end
return 0
`,
};

/**
 * KEYS: session key, runs hash. ARGV: new value "<app_id> <socketKey> <run_id>", account, kick channel prefix, key
 * ttl ms (the 1 h backstop), app_id, run_id, live ms (the pod's liveness if its runs entry must be written: SESSION).
 * Returns the previous value if it was another valid session (whose holder was told to kick it); an invalid one (its
 * pod dead, or an earlier run of it) is overwritten without a kick.
 */
export const claimScript: ScriptDef = {
  name: 'gcClaim',
  numberOfKeys: 2,
  lua: `${NOW_MS}${SESSION}
runsEnsure(KEYS[2], ARGV[5], ARGV[6], tonumber(ARGV[7]), now)
return sessionClaim(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], now)
`,
};

/**
 * The game's token login in one step: `redeemScript` and, when it redeems, `claimScript` — one round trip instead
 * of two, with the same keys and values as the two scripts run in sequence. KEYS: token key, pending zset of the
 * redeeming game, its app hash, the account's hold key, the account's session key, the runs hash. ARGV: expected
 * token value, token, the hold value naming this token, the new session value "<app_id> <socketKey> <run_id>",
 * account, kick channel prefix, session key ttl ms, app_id, run_id, live ms. Returns 0 (token invalid: nothing
 * changed), 1 (redeemed and claimed), the previous session value when it was another valid session (redeemed and
 * claimed; its holder was told to kick it), or `{'room', room_id}` for a room seat's token (nothing changed: the
 * caller redeems it with roomRedeemScript and the room's keys).
 */
export const redeemClaimScript: ScriptDef = {
  name: 'gcRedeemClaim',
  numberOfKeys: 6,
  lua: `${NOW_MS}${SESSION}
local v = redis.call('GET', KEYS[1])
if v ~= ARGV[1] then
  -- A room seat's token ("<account> <app_id> <room_id>"): its keys are the room's (lua/rooms.ts roomRedeemLua).
  if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then return { 'room', string.sub(v, #ARGV[1] + 2) } end
  return 0
end
local hold = redis.call('GET', KEYS[4])
if hold and hold ~= ARGV[3] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
if hold then redis.call('DEL', KEYS[4]) end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 'joined', 1) end
runsEnsure(KEYS[6], ARGV[8], ARGV[9], tonumber(ARGV[10]), now)
local prev = sessionClaim(KEYS[5], KEYS[6], ARGV[4], ARGV[5], ARGV[6], ARGV[7], now)
if prev then return prev end
return 1
`,
};

/**
 * KEYS: the runs hash, then n session keys. ARGV: key ttl ms (the 1 h backstop), app_id, run_id, live ms, then the
 * n socket keys this pod holds them under. The owning pod's pass over some of its sessions — the ones whose backstop
 * is due to be re-armed, or all of them after Redis lost data or the kick subscription came back: a record still
 * ours gets its expiry re-armed, a missing or invalid one (lost with a Redis restart; a dead pod's) is written again,
 * and the 1-based positions of records naming another valid session (a newer login, whose kick this pod may have
 * missed) are returned so the pod kicks its older session. Never overwrites another valid session.
 */
export const sessionSyncScript: ScriptDef = {
  name: 'gcSessionSync',
  numberOfKeys: null,
  lua: `${NOW_MS}${SESSION}
local app, run = ARGV[2], ARGV[3]
runsEnsure(KEYS[1], app, run, tonumber(ARGV[4]), now)
local out = {}
for i = 2, #KEYS do
  local mine = app .. ' ' .. ARGV[i + 3] .. ' ' .. run
  local v = redis.call('GET', KEYS[i])
  if v == mine then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
  elseif (not v) or not sessionLive(KEYS[1], v, now) then
    redis.call('SET', KEYS[i], mine, 'PX', ARGV[1])
  else
    out[#out + 1] = i - 1
  end
end
return out
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

/** The login's token for a room seat (lua/rooms.ts roomIssueLua). */
export const roomIssueScript: ScriptDef = { name: 'gcRoomIssue', numberOfKeys: 5, lua: roomIssueLua };
/** A game pod's token login for a room token (lua/rooms.ts roomRedeemLua). */
export const roomRedeemScript: ScriptDef = { name: 'gcRoomRedeem', numberOfKeys: 9, lua: roomRedeemLua };
/** Room allocation: create / join / find, matches and backfills (lua/rooms.ts roomAllocLua). */
export const roomAllocScript: ScriptDef = { name: 'gcRoomAlloc', numberOfKeys: null, lua: roomAllocLua };
/** A game pod's change to one of its rooms (lua/rooms.ts roomChangeLua). */
export const roomChangeScript: ScriptDef = { name: 'gcRoomChange', numberOfKeys: 5, lua: roomChangeLua };
/** A pod's rooms written again after Redis lost data (lua/rooms.ts roomRepublishLua). */
export const roomRepublishScript: ScriptDef = { name: 'gcRoomRepublish', numberOfKeys: null, lua: roomRepublishLua };
/** The 1 h backstop expiry of a pod's rooms re-armed (lua/rooms.ts roomRearmLua). */
export const roomRearmScript: ScriptDef = { name: 'gcRoomRearm', numberOfKeys: null, lua: roomRearmLua };
/** A mode's public rooms (lua/rooms.ts roomListLua). */
export const roomListScript: ScriptDef = { name: 'gcRoomList', numberOfKeys: null, lua: roomListLua };

/** Defines `def` on this client once (EVALSHA + NOSCRIPT fallback) and returns a caller (adapted if `def` says so). */
export function script(redis: Redis, def: ScriptDef): ScriptFn {
  const r = redis as unknown as Record<string, ScriptFn | undefined>;
  if (typeof r[def.name] !== 'function') {
    redis.defineCommand(def.name, def.numberOfKeys === null ? { lua: def.lua } : { numberOfKeys: def.numberOfKeys, lua: def.lua });
  }
  const fn = r[def.name] as ScriptFn;
  const raw: ScriptFn = (...a) => fn.apply(redis, a);
  return def.adapt ? def.adapt(raw) : raw;
}
