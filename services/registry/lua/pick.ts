/**
 * The pick's Lua (the one place of truth for how a pod is chosen), with named hooks so that another script can extend
 * it without editing its text: the queue's game pick (services/registry/queue-lua.ts) passes hooks that bound how many
 * picks may succeed and consume held places. A hook is a Lua fragment that defines these local functions (every one,
 * in this order of use), seeing the pick's locals `declared`, `ARGV`, `A` (ARGV index before the first account),
 * `k`, `holdPrefix` and the fragments it brings itself:
 * - `hookNeeds(need)`: declares more keys (call `need(key)` for each one not in KEYS), before anything is written;
 * - `hookBegin(now)`: runs once the keys are all declared, before the first pick;
 * - `hookMayTake(picked, nextAccount)` → true (take the next pick), false (stop: this pick and every later one answer
 *   no pod) or `'skip', why`: this one pick answers no pod — its four answer fields `'!', why or '', '', ''` (`!` is
 *   never an app id) — and the next one is considered: a batch mixes requests the hooks judge one by one (the
 *   queue's admissions);
 * - `hookTaken(account)`: right after a pick is counted, before the account's reservation is made;
 * - `hookDone(picked)`: after the last pick, before the answer.
 * The call signature and the answer are documented on pickScript (lua-scripts.ts).
 */
import { DECLARED, NOW_MS, PARSE_HOLD } from './fragments.js';
import { HOLD, KEYS_OF, POD_EXACT, ROOM_END } from './room-fragments.js';

export interface PickHooks {
  /** Lua defining hookNeeds, hookBegin, hookMayTake, hookTaken, hookDone (see the header). */
  readonly lua: string;
}

/** The plain pick: no extra keys, every pick may be taken, nothing else done. */
export const NO_PICK_HOOKS: PickHooks = {
  lua: `local function hookNeeds(need) end
local function hookBegin(now) end
local function hookMayTake(picked, nextAccount) return true end
local function hookTaken(account) end
local function hookDone(picked) end
`,
};

/** Starts the pick's body, after the hooks (a test compares the bodies of the scripts that share it). */
export const PICK_BODY_MARK = '-- the pick\n';

export const PICK_HOOK_NAMES = ['hookNeeds', 'hookBegin', 'hookMayTake', 'hookTaken', 'hookDone'] as const;

/**
 * Assembles the pick with `hooks`. The hooks fragment comes after the pick's arguments are read. A fragment that does
 * not define every hook once is refused here, at start, rather than by Lua at the first call.
 */
export function pickLua(hooks: PickHooks): string {
  for (const name of PICK_HOOK_NAMES) {
    const n = hooks.lua.split(`local function ${name}(`).length - 1;
    if (n !== 1) throw new Error(`pickLua: the hooks must define local function ${name} exactly once (found ${n})`);
  }
  return `${DECLARED}${PARSE_HOLD}${KEYS_OF}${POD_EXACT}${PICK_ARGS}${HOLD}${ROOM_END}${hooks.lua}${PICK_BODY_MARK}${PICK_BODY}`;
}

const PICK_ARGS = `local zkey = KEYS[1]
local prefix = ARGV[1]
local k = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local packed = ARGV[4] == 'packed'
local pendingPrefix = ARGV[5]
local reserveMs = tonumber(ARGV[6])
local holdPrefix = ARGV[7]
local tokenPrefix = ARGV[8]
local final = ARGV[9] == '1'
local ws = ARGV[10] == 'ws'
local A = 10
local K = keysOf(string.sub(prefix, 1, #prefix - 5))
`;

const PICK_BODY = `local missing = { '' }
local function need(key) if not declared[key] then missing[#missing + 1] = key end end
-- The whole set, ordered by (score, member bytes): the declaration check below, and least_loaded's heap.
local zs = redis.call('ZRANGE', zkey, 0, -1, 'WITHSCORES')
for i = 1, #zs, 2 do
  need(prefix .. zs[i])
  need(pendingPrefix .. zs[i])
end
for i = 1, k do
  local a = ARGV[A + i]
  if a and a ~= '' then
    local hk = holdPrefix .. a
    if not declared[hk] then
      need(hk)
    elseif not final then
      local hv = redis.call('GET', hk)
      if hv then holdNeeds(hv, need) end
    end
  end
end
hookNeeds(need)
if #missing > 1 then return missing end
${NOW_MS}
hookBegin(now)
local oldest = now - ttl
local out = {}
local seen = {}
local picked = 0
local function load(id)
  local h = redis.call('HMGET', prefix .. id, 'ip', 'port', 'state', 'ts_ms', 'assigned', 'capacity', 'online', 'joined', 'counted', 'ws_port', 'outside', 'room_places')
  local ts = tonumber(h[4])
  local online = tonumber(h[7])
  local cap = tonumber(h[6])
  if (not h[1]) or h[3] ~= 'ready' or (not ts) or ts < oldest or (not online) or (not cap) or cap <= 0 then return false end
  local exact = podExact({ online = h[7], joined = h[8], counted = h[9], outside = h[11], places = h[12] }, pendingPrefix .. id, now)
  if exact >= cap then return false end
  return { ip = h[1], port = h[2], ws = tonumber(h[10]) or 0, assigned = tonumber(h[5]) or exact, exact = exact, cap = cap, inc = 0 }
end
-- A member's state, read once per call (false: not usable).
local function loaded(id)
  local c = seen[id]
  if c == nil then
    c = load(id)
    seen[id] = c
  end
  return c
end
-- Replaces what account a holds (if anything other than its reservation at pod id) by its reservation at id.
local function reserve(a, id, c)
  local hk = holdPrefix .. a
  local mine = 'r:' .. a
  local hv = redis.call('GET', hk)
  if hv then
    local y, kind, m, room, tok = holdParts(hv)
    if y and kind == 's' then
      -- A room seat (docs/rooms.md): freed, and its room ended if nobody reached it.
      voidSeat(y, room, tok, a, now)
    elseif y and not (y == id and m == mine) then
      -- On the final attempt (the hold kept changing under concurrent calls) a key not declared is left alone: the
      -- old member expires with its score, and the old token is refused by the redeem (the hold no longer names it).
      local yk = pendingPrefix .. y
      local sc = declared[yk] and tonumber(redis.call('ZSCORE', yk, m))
      if sc then
        redis.call('ZREM', yk, m)
        local cy = seen[y]
        if cy and sc > now then cy.exact = cy.exact - 1 end
      end
      if kind == 't' and declared[tokenPrefix .. m] then redis.call('DEL', tokenPrefix .. m) end
    end
  end
  local pk = pendingPrefix .. id
  local prev = tonumber(redis.call('ZSCORE', pk, mine))
  redis.call('ZADD', pk, now + reserveMs, mine)
  if not (prev and prev > now) then c.exact = c.exact + 1 end
  if redis.call('PTTL', pk) < reserveMs then redis.call('PEXPIRE', pk, reserveMs) end
  redis.call('SET', hk, id .. ' ' .. mine, 'PX', reserveMs)
end
-- skip: with transport ws, how many usable pods without a WebSocket port come first in the order walked (they stay
-- in the set for TCP picks); always 0 for tcp, so a TCP pick reads exactly one member per step as before.
local skip = 0
local byScore = packed
-- Every successful pick of either strategy is taken here, once: counted (then hookTaken), the account's place
-- reserved, the pod's assigned bumped, the answer appended.
local function take(id, c)
  picked = picked + 1
  local account = ARGV[A + picked]
  hookTaken(account)
  if account and account ~= '' then reserve(account, id, c) end
  c.assigned = c.assigned + 1
  c.inc = c.inc + 1
  out[#out + 1] = id
  out[#out + 1] = c.ip
  out[#out + 1] = c.port
  out[#out + 1] = c.ws
end
local function packedStep()
  local m
  if byScore then
    -- The fullest pod whose assigned is below capacity; when bumps took every pod past it, the least bumped one.
    m = redis.call('ZREVRANGEBYSCORE', zkey, '(1', '-inf', 'LIMIT', skip, 1)
    if not m[1] then
      byScore = false
      skip = 0
      m = redis.call('ZRANGE', zkey, 0, 0)
    end
  else
    m = redis.call('ZRANGE', zkey, skip, skip)
  end
  local id = m[1]
  if not id then return false end
  local c = loaded(id)
  if not c or c.exact >= c.cap then
    redis.call('ZREM', zkey, id)
  elseif ws and c.ws <= 0 then
    skip = skip + 1
  else
    skip = 0
    byScore = packed
    take(id, c)
    if c.exact >= c.cap then redis.call('ZREM', zkey, id) else redis.call('ZADD', zkey, c.assigned / c.cap, id) end
  end
  return true
end
-- least_loaded: the same choices as the ZRANGE walk + ZADD per pick, made in memory: a binary min-heap of the members by
-- (score, member bytes) — Redis' own order; the ZRANGE reply is sorted, so it is a heap as it comes — and one ZADD or
-- ZREM per touched member at the end. Member bytes are compared with string.byte (Lua's < follows the locale).
local hs, hid = {}, {}
if not packed then
  for i = 1, #zs, 2 do
    hid[#hid + 1] = zs[i]
    hs[#hs + 1] = tonumber(zs[i + 1])
  end
end
local function bless(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
local function hless(i, j)
  if hs[i] ~= hs[j] then return hs[i] < hs[j] end
  return bless(hid[i], hid[j])
end
local function down(i)
  local n = #hid
  while true do
    local l = i * 2
    local m = i
    if l <= n and hless(l, m) then m = l end
    if l + 1 <= n and hless(l + 1, m) then m = l + 1 end
    if m == i then return end
    hs[i], hs[m] = hs[m], hs[i]
    hid[i], hid[m] = hid[m], hid[i]
    i = m
  end
end
local function pop()
  local n = #hid
  hs[1], hid[1] = hs[n], hid[n]
  hs[n], hid[n] = nil, nil
  if n > 1 then down(1) end
end
local gone, moved = {}, {}
local function heapStep()
  local id = hid[1]
  if not id then return false end
  local c = loaded(id)
  if not c or c.exact >= c.cap then
    gone[id] = true
    pop()
  elseif ws and c.ws <= 0 then
    -- Out of this call's heap, left in the set for TCP picks: its score cannot change here, so the ZRANGE walk would
    -- skip it at every step.
    pop()
  else
    take(id, c)
    if c.exact >= c.cap then
      gone[id] = true
      pop()
    else
      hs[1] = c.assigned / c.cap
      moved[id] = true
      down(1)
    end
  end
  return true
end
-- One loop for both strategies; hookMayTake bounds it (the queue's game pick: services/registry/queue-lua.ts).
local step = heapStep
if packed then step = packedStep end
while picked < k do
  local may, why = hookMayTake(picked, ARGV[A + picked + 1])
  if may == 'skip' then
    picked = picked + 1
    out[#out + 1] = '!'
    out[#out + 1] = why or ''
    out[#out + 1] = ''
    out[#out + 1] = ''
  elseif not may or not step() then
    break
  end
end
for id in pairs(gone) do redis.call('ZREM', zkey, id) end
for id in pairs(moved) do
  if not gone[id] then redis.call('ZADD', zkey, seen[id].assigned / seen[id].cap, id) end
end
for id, c in pairs(seen) do
  if c and c.inc > 0 then redis.call('HSET', prefix .. id, 'assigned', c.assigned) end
end
hookDone(picked)
return out
`;
