import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GAME_MSG_ID_MAX, GAME_MSG_ID_MIN } from '../../protocol/wire.js';
import { GAME_MSG_MAX, GAME_MSG_MIN } from './define.js';

test("the module API's message-id range is the protocol's reserved range", () => {
  assert.deepEqual([GAME_MSG_MIN, GAME_MSG_MAX], [GAME_MSG_ID_MIN, GAME_MSG_ID_MAX]);
});
