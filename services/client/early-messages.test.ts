/**
 * The module's messages kept until the game subscribes (early-messages.ts), on the SDK's own Emitter: kept per name
 * with a budget (newest kept, drops counted), handed to the first listener after `on` returned, in order and before
 * later frames of that name, to every listener added in the same block, the rest kept when a `once` took one; a name
 * that has been heard is not kept again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EarlyMessages } from './early-messages.js';
import { Emitter } from './emitter.js';

function setup(perName = 3) {
  const em = new Emitter<Record<string, unknown>>();
  const early = new EarlyMessages({ listenerCount: (n) => em.listenerCount(n), emit: (n, b) => em.emit(n, b) }, perName);
  const on = (name: string, fn: (b: unknown) => void) => {
    const off = em.on(name, fn);
    early.subscribed(name);
    return off;
  };
  return { em, early, on };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

test('kept until the first listener, handed over after on() returned, in order and before later frames', async () => {
  const { early, on } = setup();
  early.deliver('Welcome', 1);
  early.deliver('Welcome', 2);
  early.deliver('State', 's1');
  const got: unknown[] = [];
  let returned = false;
  on('Welcome', (b) => {
    assert.ok(returned, 'not inside on()');
    got.push(b);
  });
  returned = true;
  early.deliver('Welcome', 3); // arrives before the hand-over ran: behind the kept ones
  assert.deepEqual(got, []);
  await tick();
  assert.deepEqual(got, [1, 2, 3]);
  early.deliver('Welcome', 4);
  assert.deepEqual(got, [1, 2, 3, 4], 'then live');
  assert.equal(early.size('State'), 1, 'other names are still kept');
});

test('the budget per name keeps the newest and counts the drops; 0 keeps nothing', async () => {
  const { early, on } = setup(3);
  for (let i = 1; i <= 10; i++) early.deliver('State', i);
  early.deliver('Welcome', 'w');
  assert.equal(early.dropped, 7);
  const got: unknown[] = [];
  on('State', (b) => got.push(b));
  on('Welcome', (b) => got.push(b));
  await tick();
  assert.deepEqual(got, [8, 9, 10, 'w']);

  const none = setup(0);
  none.early.deliver('Welcome', 'w');
  assert.equal(none.early.dropped, 1);
  const got0: unknown[] = [];
  none.on('Welcome', (b) => got0.push(b));
  await tick();
  assert.deepEqual(got0, []);
});

test('listeners added in the same block all see them; a once takes one and leaves the rest for the next listener', async () => {
  const { em, early, on } = setup();
  early.deliver('Welcome', 'a');
  early.deliver('Welcome', 'b');
  const x: unknown[] = [];
  const y: unknown[] = [];
  const offOnce = on('Welcome', (b) => {
    offOnce();
    x.push(b);
  });
  await tick();
  assert.deepEqual(x, ['a']);
  assert.equal(early.size('Welcome'), 1, 'b kept: the listener went away');
  on('Welcome', (b) => y.push(b));
  on('Welcome', (b) => y.push(`2:${b}`));
  await tick();
  assert.deepEqual(y, ['b', '2:b']);
  assert.equal(em.listenerCount('Welcome'), 2);
});

test('a heard name is not kept again once nobody listens (no stale messages for a later listener)', async () => {
  const { early, on } = setup();
  const got: unknown[] = [];
  const off = on('State', (b) => got.push(b));
  early.deliver('State', 1);
  off();
  early.deliver('State', 2);
  assert.equal(early.size('State'), 0);
  on('State', (b) => got.push(b));
  await tick();
  assert.deepEqual(got, [1]);
  assert.equal(early.dropped, 0, 'not a budget drop: nobody wanted it');
});
