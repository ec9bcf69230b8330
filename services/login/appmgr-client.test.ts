import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';
import { loadAppmgrProto } from '../appmgr/grpc-server.js';
import type { AllocateGameRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameRequest.js';
import { AppmgrClient } from './appmgr-client.js';

const logger = pino({ level: 'silent' });
const servers: grpc.Server[] = [];
after(() => servers.forEach((s) => s.forceShutdown()));

/** A stand-in appmgr on loopback: answers each request with app `g-<account>`; `batch: false` = an older appmgr. */
async function fakeAppmgr(batch: boolean) {
  const calls = { single: 0, batches: [] as number[] };
  const answer = (r: AllocateGameRequest__Output) => ({ returnCode: 'RETURN_CODE_OK', appId: `g-${r.account}`, ip: '127.0.0.1', port: r.websocket ? 0 : 7000, wsPort: 7001, roomId: r.room ? 'ROOM2345' : '' });
  const server = new grpc.Server();
  servers.push(server);
  const { proto } = loadAppmgrProto();
  server.addService(proto.gamecluster.v1.AppMgrService.service, {
    AllocateGame: (call: grpc.ServerUnaryCall<AllocateGameRequest__Output, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      calls.single++;
      cb(null, answer(call.request));
    },
    AllocateGames: (call: grpc.ServerUnaryCall<{ requests: AllocateGameRequest__Output[] }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      if (!batch) return cb({ code: grpc.status.UNIMPLEMENTED, details: 'AllocateGames is not implemented' });
      calls.batches.push(call.request.requests.length);
      cb(null, { responses: call.request.requests.map(answer) });
    },
  } as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { calls, client: new AppmgrClient({ target: `127.0.0.1:${port}`, logger }) };
}

test('the EnterGames of one event-loop turn go as one AllocateGames call, answered in order; a lone one as AllocateGame', async () => {
  const { calls, client } = await fakeAppmgr(true);
  const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => client.allocateGame(`a${i}`, i % 3 === 0, i === 5 ? { join: { roomId: 'ROOM2345' } } : null, i === 7 ? 'adm' : '')));
  assert.deepEqual(calls.batches, [40]);
  assert.equal(calls.single, 0);
  rs.forEach((r, i) => {
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    assert.equal(r.appId, `g-a${i}`, 'answers in the order of the requests');
    assert.equal(r.port, i % 3 === 0 ? 7001 : 7000, 'each request keeps its transport');
    assert.equal(r.roomId, i === 5 ? 'ROOM2345' : '');
  });
  const lone = await client.allocateGame('solo');
  assert.equal(lone.kind === 'ok' && lone.appId, 'g-solo');
  assert.equal(calls.single, 1);
  // More than maxBatch (256) in one turn: several calls.
  await Promise.all(Array.from({ length: 600 }, (_, i) => client.allocateGame(`b${i}`)));
  assert.deepEqual(calls.batches.slice(1), [256, 256, 88]);
  client.close();
});

test('an appmgr without AllocateGames (UNIMPLEMENTED): the batch is sent again one by one, and later turns go one by one', async () => {
  const { calls, client } = await fakeAppmgr(false);
  const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => client.allocateGame(`a${i}`)));
  assert.deepEqual(rs.map((r) => r.kind === 'ok' && r.appId), rs.map((_, i) => `g-a${i}`));
  assert.equal(calls.single, 10);
  await Promise.all(Array.from({ length: 10 }, (_, i) => client.allocateGame(`b${i}`)));
  assert.equal(calls.single, 20, 'no AllocateGames tried again within the minute');
  client.close();
});
