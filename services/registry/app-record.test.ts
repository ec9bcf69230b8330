import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseListReply, parseModes } from './app-record.js';

test('parses the list script reply (LIST_FIELD_NAMES after each app_id), sorted by type then id, skipping unknown types; rooms only beside modes', () => {
  const flat = [
    'g1', 'game', '3', '10.0.0.2', '6001', 'ready', '1700', '50', '6101', 'duel:2,arena:16', 'rooms', '4',
    'l1', 'login', '1', '10.0.0.1', '5002', 'draining', '1600', '100', '0', '', '', '0',
    'x', 'appmgr', '0', '', '0', 'ready', '0', '0', '', '', '', '',
    'g0', 'game', '0', '10.0.0.3', '6001', 'ready', '1700', '50', '0', 'duel:2', '', '',
  ];
  assert.deepEqual(parseListReply(flat), [
    { appId: 'g0', appType: 'game', online: 0, ip: '10.0.0.3', port: 6001, state: 'ready', tsMs: 1700, capacity: 50, modes: [{ mode: 'duel', maxPlayers: 2 }], rooms: 0 },
    { appId: 'g1', appType: 'game', online: 3, ip: '10.0.0.2', port: 6001, state: 'ready', tsMs: 1700, capacity: 50, wsPort: 6101, modes: [{ mode: 'duel', maxPlayers: 2 }, { mode: 'arena', maxPlayers: 16 }], rooms: 4, caps: ['rooms'] },
    { appId: 'l1', appType: 'login', online: 1, ip: '10.0.0.1', port: 5002, state: 'draining', tsMs: 1600, capacity: 100 },
  ]);
  assert.deepEqual(parseListReply([]), []);
  assert.deepEqual(parseListReply(['a', 'login', 'NaN', 'ip', 'x', 'weird', '', '', '', '', '', '']), [
    { appId: 'a', appType: 'login', online: 0, ip: 'ip', port: 0, state: 'ready', tsMs: 0, capacity: 0 },
  ]);
  assert.deepEqual(parseModes('a:1,bad,b-c:1000'), [{ mode: 'a', maxPlayers: 1 }, { mode: 'b-c', maxPlayers: 1000 }]);
});
