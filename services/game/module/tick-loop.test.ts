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
