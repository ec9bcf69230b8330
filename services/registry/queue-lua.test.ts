import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickScript } from './lua-scripts.js';
import { NO_PICK_HOOKS, PICK_BODY_MARK, PICK_HOOK_NAMES, pickLua } from './lua/pick.js';
import { QUEUED_PICK_HOOKS, queuedPickScript } from './queue-lua.js';

// The queued pick is the registry's pick with named hooks (lua/pick.ts), never an edit of its text: both scripts
// share the same pick body, and a hooks fragment that misses a hook is refused at start, naming it.
test('the queued pick is the plain pick with the queue hooks: same body, every hook defined once', () => {
  const plain = pickScript.lua;
  const queued = queuedPickScript({ placesKey: 'p', clockKey: 'c', appsKey: 'a', lineKey: 'l', admKey: 'm', clusterCapacity: 0, freezeMs: 1, enforce: () => true }).lua;
  assert.equal(plain, pickLua(NO_PICK_HOOKS));
  assert.equal(queued, pickLua(QUEUED_PICK_HOOKS));
  // Everything after the hooks fragment is the same text in both.
  const bodyOf = (lua: string) => lua.slice(lua.indexOf(PICK_BODY_MARK));
  assert.ok(bodyOf(plain).length > 1000);
  assert.equal(bodyOf(queued), bodyOf(plain));
  for (const name of PICK_HOOK_NAMES) {
    assert.equal(queued.split(`local function ${name}(`).length - 1, 1, name);
    assert.ok(plain.includes(`${name}(`), `the pick calls ${name}`);
  }
  assert.throws(() => pickLua({ lua: 'local function hookNeeds(need) end' }), /hookBegin exactly once/);
});
