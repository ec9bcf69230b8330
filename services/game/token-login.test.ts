import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { createPodMetrics } from '../platform/metrics.js';
import { MsgId, ReturnCode } from '../protocol/wire.js';
import { RegistryUnavailableError, type TokenStore } from '../registry/index.js';
import type { Conn } from '../socket/connection.js';
import type { GameSessions } from './sessions.js';
import { newGameConnData, tokenLoginHandler, type GameConnData } from './token-login.js';

function fakeConn(): Conn<GameConnData> & { sent: { id: number; m: any }[] } {
  const c = {
    socketKey: 'tcp:1',
    objectKey: undefined as string | undefined,
    state: 'authenticating' as Conn['state'],
    remote: 'x',
    data: newGameConnData(),
    sent: [] as { id: number; m: any }[],
    identity: () => undefined,
    authenticate(k: string) {
      c.objectKey = k;
      c.state = 'online';
    },
    send(id: number, m: unknown) {
      c.sent.push({ id, m });
      return true;
    },
    kick() {},
    end() {},
    violation() {},
  };
  return c as never;
}

function setup(redeem: TokenStore['redeem']) {
  const claims: string[] = [];
  const counted = { n: 0 };
  const sessions = { claim: async (a: string) => void claims.push(a), kickOtherLocal: () => false, release: () => {} } as unknown as GameSessions;
  const metrics = createPodMetrics('game');
  const h = tokenLoginHandler({ appId: 'g1', tokens: { issue: async () => 't', redeem }, sessions, logins: metrics.logins, logger: pino({ level: 'silent' }), maxTokenFailures: 5, onOnline: () => {}, onRedeemCounted: () => void counted.n++ });
  return { h, claims, counted };
}

test('ok → authenticated and claimed; invalid → TOKEN_INVALID; Redis down → BUSY', async () => {
  const ok = setup(async (t, a, app) => (t === 'good' && a === 'p' && app === 'g1' ? 'ok' : 'invalid'));
  const c1 = fakeConn();
  await ok.h(c1, { account: 'p', token: 'good' });
  assert.deepEqual(c1.sent[0], { id: MsgId.G2C_LoginByTokenRs, m: { returnCode: ReturnCode.OK, playerId: 'p' } });
  assert.equal(c1.state, 'online');
  assert.deepEqual(ok.claims, ['p']);
  assert.equal(ok.counted.n, 1, 'a successful redeem is accounted for once');
  await ok.h(c1, { account: 'p', token: 'good' });
  assert.equal(c1.sent[1]!.m.returnCode, ReturnCode.ALREADY_ONLINE);

  const c2 = fakeConn();
  await ok.h(c2, { account: 'p', token: 'bad' });
  assert.equal(c2.sent[0]!.m.returnCode, ReturnCode.TOKEN_INVALID);
  assert.equal(c2.state, 'authenticating');
  await ok.h(c2, { account: '', token: 'good' });
  assert.equal(c2.sent[1]!.m.returnCode, ReturnCode.TOKEN_INVALID);

  const down = setup(async () => {
    throw new RegistryUnavailableError('down');
  });
  const c3 = fakeConn();
  await down.h(c3, { account: 'p', token: 'good' });
  assert.equal(c3.sent[0]!.m.returnCode, ReturnCode.BUSY);
  assert.equal(c3.state, 'authenticating');
});

test('one-step redeem + claim (redeemsAndClaims): ok, kicked while claiming, invalid, Redis down', async () => {
  const counted = { n: 0 };
  let next: 'ok' | 'kicked' | 'invalid' | 'down' = 'ok';
  const calls: string[] = [];
  const sessions = {
    redeemsAndClaims: true,
    redeemAndClaim: async (t: string, a: string, sk: string) => {
      calls.push(`${t} ${a} ${sk}`);
      if (next === 'down') throw new RegistryUnavailableError('down');
      return next;
    },
    claim: async () => assert.fail('claim is part of redeemAndClaim'),
    kickOtherLocal: () => false,
    release: () => {},
  } as unknown as GameSessions;
  const tokens: TokenStore = { issue: async () => 't', redeem: async () => assert.fail('redeem is part of redeemAndClaim') };
  const h = tokenLoginHandler({ appId: 'g1', tokens, sessions, logins: createPodMetrics('game').logins, logger: pino({ level: 'silent' }), maxTokenFailures: 5, onOnline: () => {}, onRedeemCounted: () => void counted.n++ });

  const c1 = fakeConn();
  await h(c1, { account: 'p', token: 'good' });
  assert.deepEqual(c1.sent[0], { id: MsgId.G2C_LoginByTokenRs, m: { returnCode: ReturnCode.OK, playerId: 'p' } });
  assert.equal(c1.state, 'online');
  assert.deepEqual(calls, ['good p tcp:1']);
  assert.equal(counted.n, 1);

  next = 'kicked';
  let kicked = 0;
  const c2 = Object.assign(fakeConn(), { kick: () => void kicked++ });
  await h(c2, { account: 'p', token: 'good' });
  assert.equal(kicked, 1, 'a newer login kicked it while its claim was in flight');
  assert.equal(c2.sent.length, 0);
  assert.equal(counted.n, 2, 'redeemed: accounted for');

  next = 'invalid';
  const c3 = fakeConn();
  await h(c3, { account: 'p', token: 'bad' });
  assert.equal(c3.sent[0]!.m.returnCode, ReturnCode.TOKEN_INVALID);
  assert.equal(c3.state, 'authenticating');
  assert.equal(counted.n, 2);

  next = 'down';
  const c4 = fakeConn();
  await h(c4, { account: 'p', token: 'good' });
  assert.equal(c4.sent[0]!.m.returnCode, ReturnCode.BUSY);
  assert.equal(c4.state, 'authenticating');
  assert.equal(counted.n, 2, 'unknown whether it redeemed: not counted, as a lost redeem answer');
});
