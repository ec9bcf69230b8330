/**
 * `robots --scenario arena` on real processes (appmgr, a login, a game pod running the arena module): every robot
 * plays the flow with the SDK and the arena's own messages, moves at random, sees its room-mates move, and the report
 * carries the optional arena fields (state_lag, messages/s) while version 1's keys stay as they were.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runRobots } from '../services/robots/run.js';
import { startLoginGame, type TestCluster } from './pod-cluster.js';

let c: TestCluster;

before(async () => {
  ({ c } = await startLoginGame({ prefix: 'robarena', gameEnv: { GAME_MODULE: 'arena' } }));
});

after(async () => {
  await c?.stop();
});

test('20 arena robots: 0 failures, room-mates seen moving, state_lag and messages/s reported', async (t) => {
  const r = await runRobots({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, players: 20, rate: 100, durationS: 1.5, echoPerSec: 0, scenario: 'arena' });
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.equal(r.ok, 20);
  assert.equal(r.options.scenario, 'arena');
  assert.ok(r.state_lag && r.state_lag.count > 0, 'state_lag');
  assert.ok(r.messages_per_sec! > 0);
  // 20 robots fill a room of 16 and start a second one of 4: each has room-mates, and each saw one move.
  assert.equal(r.arena_saw_moves, 20);
  assert.equal(r.steps.echo.count, 0, 'no echo in arena');
  t.diagnostic(`state_lag ${JSON.stringify(r.state_lag)}, ${r.state_messages} State messages, ${r.messages_per_sec}/s`);
});
