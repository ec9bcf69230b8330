import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickScript } from './lua-scripts.js';
import { composeQueuedPick } from './queue-lua.js';

// appmgr composes AllocateGame's pick from the registry's at start: a change to the pick script that the composition
// no longer understands must fail here (and name the anchor), not in production.
test('the queued pick composes with the current pick script: every loop bounded, every pick counted, one consumption', () => {
  const lua = composeQueuedPick(pickScript.lua);
  const loops = lua.match(/picked < k do$/gm) ?? [];
  assert.ok(loops.length === 0, 'no loop left unbounded');
  const bounded = lua.match(/picked < k and \(picked - qrepicks < qroom or qrepick\(holdPrefix, ARGV\[A \+ picked \+ 1\]\)\) do$/gm) ?? [];
  assert.ok(bounded.length >= 1);
  assert.equal(lua.split('if qrepick(holdPrefix, ARGV[A + picked]) then qrepicks = qrepicks + 1 end').length - 1, bounded.length);
  assert.equal(lua.split("redis.call('ZPOPMIN', qPlaces").length - 1, 1);
  assert.ok(lua.indexOf('local QA = #ARGV - 5') < lua.indexOf('local zkey = KEYS[1]'), 'the prelude runs before the pick');
  assert.throws(() => composeQueuedPick('local zkey = KEYS[1]\nreturn out\n'), /the pick script changed/);
});
