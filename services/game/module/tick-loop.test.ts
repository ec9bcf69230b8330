import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TickLoop } from './tick-loop.js';

/** Drives the loop with a fake clock: each tick may "take" some ms; setTimeout is real but with 0-ms waits. */
function run(hz: number, costs: number[]) {
  let clock = 0;
  const ticks: number[] = [];
  let skipped = 0;
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const loop: TickLoop = new TickLoop({
    hz,
    now: () => clock,
    tick: () => {
      ticks.push(clock);
      clock += costs[ticks.length - 1] ?? 0;
      if (ticks.length === costs.length) (loop.stop(), resolve());
    },
    onSkipped: (n) => (skipped += n),
    onDuration: () => {},
    onError: () => {},
  });
  // The fake clock jumps to each due time instead of sleeping.
  const origSchedule = (loop as any).schedule.bind(loop);
  (loop as any).schedule = () => {
    if ((loop as any).next > clock) clock = (loop as any).next;
    origSchedule();
  };
  loop.start();
  return done.then(() => ({ ticks, skipped }));
}

test('ticks run at start + k × period (no drift), whatever each tick costs below the period', async () => {
  const { ticks, skipped } = await run(20, [10, 49, 0, 30, 5]);
  assert.deepEqual(ticks, [50, 100, 150, 200, 250]);
  assert.equal(skipped, 0);
});

test('a tick that overruns skips the due times it covered (counted) instead of running them in a burst', async () => {
  const { ticks, skipped } = await run(20, [0, 170, 0, 0]);
  // tick 2 at 100 runs until 270: the ticks due at 150 and 200 are skipped, 250 runs late at 270, then back on the grid.
  assert.deepEqual(ticks, [50, 100, 270, 300]);
  assert.equal(skipped, 2);
});

test('an onTick still pending at deadlineMs is left behind (onOverrun) and the loop goes on; its late rejection is reported', async () => {
  let overruns = 0;
  const errors: unknown[] = [];
  let ticks = 0;
  let rejectHung!: (e: Error) => void;
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const loop: TickLoop = new TickLoop({
    hz: 100,
    deadlineMs: 30,
    tick: (): Promise<void> => {
      ticks++;
      if (ticks === 2) return new Promise<void>((_, reject) => (rejectHung = reject)); // hangs
      if (ticks === 5) (loop.stop(), resolve());
      return Promise.resolve();
    },
    onSkipped: () => {},
    onDuration: () => {},
    onError: (e) => void errors.push(e),
    onOverrun: () => void overruns++,
  });
  loop.start();
  await done;
  assert.equal(overruns, 1, 'the hung tick, once');
  assert.equal(ticks, 5, 'the ticks after it ran');
  rejectHung(new Error('late'));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(errors.map((e) => (e as Error).message), ['late']);
});
