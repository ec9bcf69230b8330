/**
 * The fuzz model (test/helpers/frame-fuzz.ts) against the protocol's table: it must route exactly the ids a pod takes
 * from a client, or a random frame spelling a routed id (C2G_Resume once did) is predicted `unknown_msg` while the pod
 * decodes it (`bad_body`) — a wrong count in reliability-fuzz one seed in a few.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { acceptsFromClient, encodeBody } from '../services/protocol/messages.js';
import { CloseReason, MsgId } from '../services/protocol/wire.js';
import { modelRoutes, predict } from './helpers/frame-fuzz.js';

test('the fuzz model routes every id a login or game pod takes from a client, and no other', () => {
  for (const role of ['login', 'game'] as const) {
    const table = Object.values(MsgId).filter((id) => acceptsFromClient(role, id)).sort((a, b) => a - b);
    assert.deepEqual([...modelRoutes(role)].sort((a, b) => a - b), table, role);
  }
});

test('game: a C2G_Resume with a body that does not decode is bad_body; a C2G_Leave on a logged-in connection ends it', () => {
  const junk = Buffer.from([0x0a, 0xff, 0xff, 0xff]); // field 1, a length running past the body
  assert.equal(predict('game', Buffer.from(encodeFrame(MsgId.C2G_Resume, junk)), true).reason, CloseReason.bad_body);
  const resume = Buffer.from(encodeFrame(MsgId.C2G_Resume, encodeBody(MsgId.C2G_Resume, { account: 'a', resumeToken: 't' })));
  assert.deepEqual([predict('game', resume, false).reason, predict('game', resume, false).replies], [undefined, 1]);
  const ping = Buffer.from(encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: 1 })));
  const leave = Buffer.from(encodeFrame(MsgId.C2G_Leave, encodeBody(MsgId.C2G_Leave, {})));
  const p = predict('game', Buffer.concat([ping, leave, ping]), true);
  assert.deepEqual({ reason: p.reason, left: p.left, replies: p.replies, decoded: p.decoded }, { reason: undefined, left: true, replies: 1, decoded: 2 });
  assert.equal(predict('game', leave, false).reason, CloseReason.out_of_order);
});
