/**
 * Compile-time contract of the SDK's typing (checked by `tsc --noEmit`; the run only asserts the file loaded): with a
 * const messages table, `send` takes only client names and `on` only server names (plus the platform events); with
 * no table, only `Echo`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { connect } from './index.js';

type Connect = typeof connect;
const messages = {
  10001: { name: 'Move', from: 'client', type: 'arena.v1.Move' },
  10002: { name: 'State', from: 'server', type: 'arena.v1.State' },
} as const;

// Never called: only type-checked.
export async function typed(c: Connect): Promise<void> {
  const s = await c<typeof messages, { Move: { dx: number; dy: number }; State: { players: { x: number }[] } }>({ appmgr: 'http://x', account: 'a', proto: {}, messages });
  s.send('Move', { dx: 1, dy: 0 });
  // @ts-expect-error State comes from the server
  s.send('State', { players: [] });
  // @ts-expect-error a Move body has numbers
  s.send('Move', { dx: 'left', dy: 0 });
  s.on('State', (b) => b.players[0]?.x.toFixed());
  // @ts-expect-error Move comes from the client
  s.on('Move', () => {});
  s.on('kick', (k) => k.reason.toLowerCase());
  s.on('queue', (q) => q.etaS.toFixed());
  s.room?.id.toUpperCase();
  // Listeners given to connect: platform events and server messages, typed like `on`.
  await c<typeof messages, { Move: { dx: number; dy: number }; State: { players: { x: number }[] } }>({
    appmgr: 'http://x',
    account: 'a',
    proto: {},
    messages,
    room: { create: { mode: 'duel', maxPlayers: 2, isPrivate: true, labels: { region: 'eu' } } },
    on: { State: (b) => b.players.length, timing: (e) => e.ms.toFixed(), kick: (k) => k.reason },
  });
  // @ts-expect-error Move comes from the client: no listener for it
  await c<typeof messages>({ appmgr: 'http://x', account: 'a', proto: {}, messages, on: { Move: () => {} } });
  await c({ appmgr: 'http://x', account: 'a', room: { join: 'K7QX2MPA' } });
  await c({ appmgr: 'http://x', account: 'a', room: { find: { mode: 'duel', labels: { region: 'eu' }, maxPlayers: 2 } } });
  // @ts-expect-error a find is never private
  await c({ appmgr: 'http://x', account: 'a', room: { find: { mode: 'duel', isPrivate: true } } });
  await c({ seat: { ip: '10.0.0.1', port: 7000, wsPort: 7001, account: 'a', token: 't' } });
  const e = await c({ appmgr: 'http://x', account: 'a' });
  e.send('Echo', { payload: new Uint8Array(1), clientTimeMs: 1 });
  // @ts-expect-error no module messages without a table
  e.send('Move', {});
  const rs = await e.request('Echo', { payload: new Uint8Array(0) }, 'Echo');
  rs.payload?.byteLength;
}

test('the SDK typing file compiles (see the @ts-expect-error lines)', () => {
  assert.equal(typeof typed, 'function');
});
