/**
 * appmgr's gRPC surface over a real channel: AllocateGame (+1 bump, NO_APP when none), GetLogin, ListApps, DrainApp,
 * UndrainApp, grpc.health.v1 for "" and the service name, and server reflection listing gamecluster.v1.AppMgrService
 * and serving the proto as written: a client built only from the served descriptors calls DrainApp {"app_id": …}.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { Redis } from 'ioredis';
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor.js';
import { startAppmgr, type AppmgrHandle } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { SERVICE_NAME, loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import { createLogger } from '../services/platform/logger.js';
import type { AppMgrServiceClient } from '../services/protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import { RedisHeartbeatWriter, closeRedis, createRedisClient, waitReady } from '../services/registry/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: Redis;
let appmgr: AppmgrHandle;
let api: AppMgrServiceClient;
const writers: RedisHeartbeatWriter[] = [];

function unary<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res as Res))));
}

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  const config = parseAppmgrConfig({ REDIS_URL: redis.url, PREFIX: 'grpc', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', HEARTBEAT_MS: '60000', APP_TTL_MS: '120000' });
  appmgr = await startAppmgr(config, logger);
  const { proto } = loadAppmgrProto();
  api = new proto.gamecluster.v1.AppMgrService(`127.0.0.1:${appmgr.grpcPort}`, grpc.credentials.createInsecure());
});

after(async () => {
  api?.close();
  await Promise.all(writers.map((w) => w.stop()));
  await appmgr?.close();
  await closeRedis(client);
  await redis.stop();
});

function pod(appId: string, appType: 'login' | 'game', online: number, port: number) {
  const w = new RedisHeartbeatWriter(client, {
    prefix: 'grpc', heartbeatMs: 60_000, appTtlMs: 120_000, logger,
    source: { appId, appType, ip: '127.0.0.1', port, capacity: 100, online: () => online, draining: () => false },
  });
  writers.push(w);
  return w.start();
}

test('AllocateGame: NO_APP without games, then least-loaded with +1 bump', async () => {
  const none = await unary(api.allocateGame.bind(api), { account: 'alice' });
  assert.equal(none.returnCode, 'RETURN_CODE_NO_APP' as never);
  await pod('game-1', 'game', 5, 6001);
  await pod('game-2', 'game', 3, 6002);
  await pod('login-1', 'login', 0, 5002);
  const picks = [];
  for (let i = 0; i < 4; i++) picks.push(await unary(api.allocateGame.bind(api), { account: `p${i}` }));
  for (const p of picks) assert.equal(p.returnCode, 'RETURN_CODE_OK' as never);
  // 3,5 → game-2 (4), game-2 (5), then ties: one each.
  assert.deepEqual(picks.slice(0, 2).map((p) => p.appId), ['game-2', 'game-2']);
  assert.deepEqual(picks.slice(2).map((p) => p.appId).sort(), ['game-1', 'game-2']);
  assert.equal(picks[0]!.ip, '127.0.0.1');
  assert.equal(picks[0]!.port, 6002);
  const login = await unary(api.getLogin.bind(api), {});
  assert.equal(login.returnCode, 'RETURN_CODE_OK' as never);
  assert.equal(login.appId, 'login-1');
});

test('ListApps filters by type; DrainApp stops new players to the pod', async () => {
  const all = await unary(api.listApps.bind(api), {});
  assert.deepEqual(all.apps.map((a) => a.appId).sort(), ['game-1', 'game-2', 'login-1']);
  const games = await unary(api.listApps.bind(api), { appType: 'APP_TYPE_GAME' });
  assert.deepEqual(games.apps.map((a) => a.appId).sort(), ['game-1', 'game-2']);
  const g1 = games.apps.find((a) => a.appId === 'game-1')!;
  assert.equal(g1.appType, 'APP_TYPE_GAME');
  assert.equal(g1.state, 'APP_STATE_READY');
  assert.equal(g1.capacity, 100);
  assert.ok(g1.lastSeenMs > 0);

  assert.equal((await unary(api.drainApp.bind(api), { appId: 'game-1' })).found, true);
  assert.equal((await unary(api.drainApp.bind(api), { appId: 'nope' })).found, false);
  assert.equal((await unary(api.drainApp.bind(api), { appId: '' })).found, false);
  for (let i = 0; i < 10; i++) assert.equal((await unary(api.allocateGame.bind(api), { account: 'x' })).appId, 'game-2');
  const after = await unary(api.listApps.bind(api), { appType: 'APP_TYPE_GAME' });
  assert.equal(after.apps.find((a) => a.appId === 'game-1')!.state, 'APP_STATE_DRAINING');
});

test('UndrainApp clears the drain flag and leaves the marker the drained pod takes; unknown → found false', async () => {
  assert.equal((await unary(api.undrainApp.bind(api), { appId: 'game-1' })).found, true);
  assert.equal(await client.exists('{grpc}:drain:game-1'), 0);
  assert.equal(await client.get('{grpc}:undrain:game-1'), '1');
  const ttl = await client.pttl('{grpc}:undrain:game-1');
  assert.ok(ttl > 0 && ttl <= 120_000, `marker lives APP_TTL_MS at most (${ttl})`);
  assert.equal((await unary(api.undrainApp.bind(api), { appId: 'nope' })).found, false);
  assert.equal((await unary(api.undrainApp.bind(api), { appId: '' })).found, false);
  // A later DrainApp deletes a leftover marker, so the marker cannot undo that drain.
  assert.equal((await unary(api.drainApp.bind(api), { appId: 'game-1' })).found, true);
  assert.equal(await client.exists('{grpc}:undrain:game-1'), 0);
  assert.equal(await client.exists('{grpc}:drain:game-1'), 1);
});

test('grpc.health.v1 serves "" and the service', async () => {
  const def = protoLoader.loadSync(healthProtoPath, { keepCase: true, enums: String });
  const Health = (grpc.loadPackageDefinition(def) as any).grpc.health.v1.Health as typeof grpc.Client;
  const h = new Health(`127.0.0.1:${appmgr.grpcPort}`, grpc.credentials.createInsecure()) as any;
  for (const service of ['', SERVICE_NAME]) {
    const r = await new Promise<{ status: string }>((res, rej) => h.check({ service }, (e: Error | null, v: { status: string }) => (e ? rej(e) : res(v))));
    assert.equal(r.status, 'SERVING');
  }
  const unknown = await new Promise<grpc.ServiceError>((res) => h.check({ service: 'nope' }, (e: grpc.ServiceError) => res(e)));
  assert.equal(unknown.code, grpc.status.NOT_FOUND);
  h.close();
});

test('server reflection lists the service', async () => {
  const reflectionProto = fileURLToPath(new URL('../node_modules/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto', import.meta.url));
  const def = protoLoader.loadSync(reflectionProto, { keepCase: true });
  const Reflection = (grpc.loadPackageDefinition(def) as any).grpc.reflection.v1.ServerReflection as typeof grpc.Client;
  const c = new Reflection(`127.0.0.1:${appmgr.grpcPort}`, grpc.credentials.createInsecure()) as any;
  const call = c.ServerReflectionInfo();
  const names = await new Promise<string[]>((resolve, reject) => {
    call.on('data', (m: { list_services_response?: { service: { name: string }[] } }) => {
      resolve((m.list_services_response?.service ?? []).map((s) => s.name));
      call.end();
    });
    call.on('error', reject);
    call.write({ list_services: '*' });
  });
  assert.ok(names.includes(SERVICE_NAME), JSON.stringify(names));
  c.close();
});

/** One reflection request/answer over grpc.reflection.v1 (a stream per request: simple and bounded). */
async function reflect(req: Record<string, unknown>): Promise<any> {
  const reflectionProto = fileURLToPath(new URL('../node_modules/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto', import.meta.url));
  const def = protoLoader.loadSync(reflectionProto, { keepCase: true });
  const Reflection = (grpc.loadPackageDefinition(def) as any).grpc.reflection.v1.ServerReflection as typeof grpc.Client;
  const c = new Reflection(`127.0.0.1:${appmgr.grpcPort}`, grpc.credentials.createInsecure()) as any;
  try {
    const call = c.ServerReflectionInfo({ deadline: Date.now() + 5000 });
    return await new Promise((resolve, reject) => {
      call.on('data', (m: unknown) => {
        resolve(m);
        call.end();
      });
      call.on('error', reject);
      call.write(req);
    });
  } finally {
    c.close();
  }
}

test('reflection serves the proto as written: a client built only from the served descriptors calls DrainApp {"app_id": …}', async () => {
  await pod('game-r', 'game', 0, 6009);
  const m = await reflect({ file_containing_symbol: SERVICE_NAME });
  const files = (m.file_descriptor_response?.file_descriptor_proto ?? []) as Buffer[];
  assert.ok(files.length > 0, JSON.stringify(m.error_response ?? m));
  // Nothing from our own .proto or generated code: the root is rebuilt from the served FileDescriptorProtos alone.
  const set = descriptor.FileDescriptorSet.create({ file: files.map((b) => descriptor.FileDescriptorProto.decode(b)) });
  const root = (protobuf.Root as unknown as { fromDescriptor(d: unknown): protobuf.Root }).fromDescriptor(set);
  const service = root.lookupService(SERVICE_NAME);
  const method = service.methods['DrainApp']!;
  const reqType = root.lookupType(method.requestType);
  const resType = root.lookupType(method.responseType);
  assert.ok(reqType.fields['app_id'], `served field names: ${Object.keys(reqType.fields).join(',')}`);
  // What grpcurl does with -d '{"app_id": "game-r"}': JSON with the .proto's names → message.
  const json = JSON.parse('{"app_id": "game-r"}') as Record<string, unknown>;
  assert.equal(reqType.verify(json), null);
  const Client = grpc.makeGenericClientConstructor({}, 'Reflected');
  const c = new Client(`127.0.0.1:${appmgr.grpcPort}`, grpc.credentials.createInsecure());
  try {
    const res = await new Promise<Record<string, unknown>>((resolve, reject) =>
      c.makeUnaryRequest(
        `/${SERVICE_NAME}/DrainApp`,
        (v: Record<string, unknown>) => Buffer.from(reqType.encode(reqType.fromObject(v)).finish()),
        (b: Buffer) => resType.toObject(resType.decode(b), { defaults: true }),
        json,
        (err: grpc.ServiceError | null, v?: Record<string, unknown>) => (err ? reject(err) : resolve(v!)),
      ),
    );
    assert.deepEqual(res, { found: true });
  } finally {
    c.close();
  }
  assert.equal(await client.exists('{grpc}:drain:game-r'), 1);
});
