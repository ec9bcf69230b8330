/**
 * Whether accounts' session records are valid, as every registry script judges them (services/registry/lua/fragments.ts
 * SESSION: the record's pod alive in the record's run): records are no longer deleted when their pod dies, so a test
 * asks this instead of whether the key exists. Read-only.
 */
import type { Redis } from 'ioredis';
import { NOW_MS, SESSION } from '../../services/registry/lua/fragments.js';
import { registryKeys } from '../../services/registry/keys.js';

const LUA = `${NOW_MS}${SESSION}
local out = {}
for i = 2, #KEYS do
  local v = redis.call('GET', KEYS[i])
  out[#out + 1] = (v and sessionLive(KEYS[1], v, now)) and 1 or 0
end
return out
`;

/** How many of `accounts` have a valid session record under `prefix`. */
export async function validSessions(redis: Redis, prefix: string, accounts: readonly string[]): Promise<number> {
  const k = registryKeys(prefix);
  const r = (await redis.eval(LUA, accounts.length + 1, k.runs, ...accounts.map((a) => k.session(a)))) as number[];
  return r.reduce((a, b) => a + b, 0);
}
