/**
 * appmgr's gRPC API: `gamecluster.v1.AppMgrService` (GetLogin, AllocateGame, AllocateGames, ListApps, DrainApp,
 * UndrainApp, and the room calls of room-grpc.ts) loaded
 * at run time from proto/ at the package root with @grpc/proto-loader, plus `grpc.health.v1.Health` (serving "" and
 * the service name; NOT_SERVING once shutting down) and server reflection, built from a keepCase package definition
 * so it serves the proto exactly as written (`app_id`, not `appId`). Access (grpc-auth.ts): none, a bearer token on
 * every AppMgrService call, or mutual TLS; health is never behind the token. The proto path is resolved from this
 * module's URL: services/appmgr/ (tsx) and dist/appmgr/ (built) are both two levels below the package root.
 */
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { boundChildren } from '../platform/hot-metrics.js';
import type { Logger } from '../platform/logger.js';
import { ReturnCode, type AppTypeName } from '../protocol/wire.js';
import type { ProtoGrpcType } from '../protocol/gen/grpc/gamecluster.js';
import type { AllocateGameRequest__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameRequest.js';
import type { AllocateGameResponse } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameResponse.js';
import type { AppInfo } from '../protocol/gen/grpc/gamecluster/v1/AppInfo.js';
import type { AppMgrServiceHandlers } from '../protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import { ADMISSION_RE } from '../registry/redis-queue.js';
import { LINE } from '../registry/redis-selector.js';
import type { AppDirectory, AppRecord, AppSelector, ClientTransport, PickResult } from '../registry/types.js';
import type { AppSnapshot } from './app-snapshot.js';
import { guardHandlers, type GrpcAccess } from './grpc-auth.js';
import type { AppmgrMetrics } from './metrics.js';
import { roomGrpcHandlers, type RoomGrpcDeps } from './room-grpc.js';

export const SERVICE_NAME = 'gamecluster.v1.AppMgrService';
export const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));
export const PROTO_FILE = 'gamecluster/v1/gamecluster.proto';

/** The options the generated types in services/protocol/gen/grpc assume (scripts/gen-proto.sh). */
export const protoLoaderOptions: protoLoader.Options = { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [PROTO_ROOT] };

/** The package definition reflection serves: field names as written in the .proto (keepCase). */
export function loadReflectionDefinition(): protoLoader.PackageDefinition {
  return protoLoader.loadSync(PROTO_FILE, { ...protoLoaderOptions, keepCase: true });
}

export function loadAppmgrProto(): { packageDefinition: protoLoader.PackageDefinition; proto: ProtoGrpcType } {
  const packageDefinition = protoLoader.loadSync(PROTO_FILE, protoLoaderOptions);
  return { packageDefinition, proto: grpc.loadPackageDefinition(packageDefinition) as unknown as ProtoGrpcType };
}

export interface GrpcDeps {
  /** The same choice as GET /login (falls back to the snapshot while Redis is down). */
  loginSelector: AppSelector;
  /** Shared-state only: a game allocated from a stale snapshot could not get a token anyway. */
  gameSelector: AppSelector;
  directory: AppDirectory;
  snapshot: AppSnapshot;
  metrics: AppmgrMetrics;
  logger: Logger;
  access: GrpcAccess;
  /** Rooms and matches (docs/rooms.md); absent: the room calls answer UNIMPLEMENTED. */
  rooms?: RoomGrpcDeps;
}

export interface AppmgrGrpcServer {
  listen(host: string, port: number): Promise<number>;
  /** Health → NOT_SERVING (first step of shutdown). */
  notServing(): void;
  close(graceMs: number): Promise<void>;
}

const appTypeFromProto: Record<string, AppTypeName | undefined> = { APP_TYPE_LOGIN: 'login', APP_TYPE_GAME: 'game' };

/** Most requests one AllocateGames call may carry (the 64 KiB message bound allows more of the smallest ones). */
export const MAX_ALLOCATE_BATCH = 1000;

function toAppInfo(a: AppRecord): AppInfo {
  return {
    appId: a.appId,
    appType: a.appType === 'login' ? 'APP_TYPE_LOGIN' : 'APP_TYPE_GAME',
    online: a.online,
    ip: a.ip,
    port: a.port,
    state: a.state === 'ready' ? 'APP_STATE_READY' : 'APP_STATE_DRAINING',
    lastSeenMs: a.tsMs,
    capacity: a.capacity,
    wsPort: a.wsPort ?? 0,
  };
}

function pickReply(r: PickResult) {
  if (r.ok) return { returnCode: ReturnCode.OK, appId: r.app.appId, ip: r.app.ip, port: r.app.port, wsPort: r.app.wsPort ?? 0, roomId: '' };
  return { returnCode: r.reason === 'no_app' ? ReturnCode.NO_APP : ReturnCode.BUSY, appId: '', ip: '', port: 0, wsPort: 0, roomId: '' };
}

export function createGrpcServer(d: GrpcDeps): AppmgrGrpcServer {
  const { proto } = loadAppmgrProto();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 64 * 1024,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    // Channelz bookkeeping per call has no reader: nothing serves channelz.
    'grpc.enable_channelz': 0,
  });

  const timers = boundChildren((type: AppTypeName) => d.metrics.selectSeconds.labels({ app_type: type }));
  const counters = boundChildren((key: string) => {
    const [route, result] = key.split(' ') as [string, string];
    return d.metrics.requests.labels({ route, result });
  });
  const timedPick = async (sel: AppSelector, type: AppTypeName, route: 'login' | 'allocate_game', account?: string, transport: ClientTransport = 'tcp', admission = '') => {
    const t0 = performance.now();
    const r = await sel.pick(type, account, transport, admission);
    timers(type).observe((performance.now() - t0) / 1000);
    const result = r.ok ? ((r as { source?: string }).source === 'cache' ? 'cache' : 'ok') : r.reason;
    counters(`${route} ${result}`).inc();
    // Tickets wait and this AllocateGame carried no admission (a login dialled directly, or between two ticks).
    if (r === LINE) d.metrics.queueRefused.inc({ reason: 'no_admission' });
    return r;
  };

  const rooms = d.rooms ? roomGrpcHandlers(d.rooms) : undefined;
  const isRoom = (r: AllocateGameRequest__Output) => Boolean(r.room && rooms);

  /** One AllocateGame: a room request goes to the room allocator, any other to the game selector (coalescing). */
  function allocateOne(r: AllocateGameRequest__Output): Promise<AllocateGameResponse> {
    // Accounts are bounded by the login's validation; anything longer is not reserved (the bump still counts).
    const account = r.account.length <= 64 ? r.account : '';
    // The player's queue admission (queue.md); anything not of its shape is no admission.
    const admission = ADMISSION_RE.test(r.admission ?? '') ? r.admission : '';
    if (r.room && rooms) {
      // A room request (docs/rooms.md): the seat in that room, on the pod that holds it.
      if (!account) return Promise.resolve({ returnCode: ReturnCode.ROOM_INVALID, appId: '', ip: '', port: 0, wsPort: 0, roomId: '' });
      return rooms.allocateGameRoom(account, r.room, r.websocket ? 'ws' : 'tcp', admission);
    }
    // websocket: the player came in over WebSocket; only games with a WebSocket listener can take him.
    return timedPick(d.gameSelector, 'game', 'allocate_game', account, r.websocket ? 'ws' : 'tcp', admission).then(pickReply);
  }

  /**
   * AllocateGames: the same answers, in the same order, as the requests sent one by one. A run of consecutive plain
   * requests with one transport is put to the selector in one turn, so it goes in one pick script call (two past the
   * selector's maxBatch, one after the other); a room request, or a change of transport, ends the run and is served
   * after it (the pick script takes one transport per call, and a later request must see the bumps of earlier ones).
   * Each request keeps its own account, room and admission; one that fails is answered BUSY, not the whole call.
   */
  async function allocateBatch(reqs: readonly AllocateGameRequest__Output[]): Promise<AllocateGameResponse[]> {
    const out: AllocateGameResponse[] = new Array(reqs.length);
    const busy = (err: unknown): AllocateGameResponse => {
      d.logger.error({ err }, 'grpc: AllocateGames request failed');
      return { returnCode: ReturnCode.BUSY, appId: '', ip: '', port: 0, wsPort: 0, roomId: '' };
    };
    for (let i = 0; i < reqs.length; ) {
      const first = reqs[i]!;
      if (isRoom(first)) {
        out[i++] = await allocateOne(first).catch(busy);
        continue;
      }
      const run: Promise<AllocateGameResponse>[] = [];
      const start = i;
      while (i < reqs.length && !isRoom(reqs[i]!) && reqs[i]!.websocket === first.websocket) run.push(allocateOne(reqs[i++]!).catch(busy));
      const answers = await Promise.all(run);
      for (let j = 0; j < answers.length; j++) out[start + j] = answers[j]!;
    }
    return out;
  }

  // Handlers never throw: every failure becomes a return code or a gRPC status.
  const handlers: AppMgrServiceHandlers = {
    GetLogin: (_call, cb) => {
      timedPick(d.loginSelector, 'login', 'login').then((r) => cb(null, pickReply(r)), (err: unknown) => internal(cb, err));
    },
    AllocateGame: (call, cb) => {
      allocateOne(call.request).then((r) => cb(null, r), (err: unknown) => internal(cb, err));
    },
    AllocateGames: (call, cb) => {
      const reqs = call.request.requests;
      if (reqs.length > MAX_ALLOCATE_BATCH) {
        counters('allocate_games invalid').inc();
        return cb({ code: grpc.status.INVALID_ARGUMENT, details: `at most ${MAX_ALLOCATE_BATCH} requests per AllocateGames` });
      }
      allocateBatch(reqs).then((responses) => cb(null, { responses }), (err: unknown) => internal(cb, err));
    },
    ListApps: (call, cb) => {
      const type = appTypeFromProto[call.request.appType];
      d.directory.list(type).then(
        (apps) => cb(null, { apps: apps.map(toAppInfo) }),
        () => cb(null, { apps: d.snapshot.list(type).map(toAppInfo) }),
      );
    },
    DrainApp: (call, cb) => drainCall(call, cb, 'DrainApp', (id) => d.directory.drain(id)),
    UndrainApp: (call, cb) => drainCall(call, cb, 'UndrainApp', (id) => d.directory.undrain(id)),
    AllocateMatch: (call, cb) => (rooms ? rooms.AllocateMatch(call, cb) : cb({ code: grpc.status.UNIMPLEMENTED, details: 'rooms are not configured' })),
    ReserveSeats: (call, cb) => (rooms ? rooms.ReserveSeats(call, cb) : cb({ code: grpc.status.UNIMPLEMENTED, details: 'rooms are not configured' })),
    ListRooms: (call, cb) => (rooms ? rooms.ListRooms(call, cb) : cb({ code: grpc.status.UNIMPLEMENTED, details: 'rooms are not configured' })),
  };
  // Both are operator actions: logged with the caller's address (and found or not), whatever the outcome.
  function drainCall(
    call: grpc.ServerUnaryCall<{ appId: string }, unknown>,
    cb: grpc.sendUnaryData<{ found: boolean }>,
    what: 'DrainApp' | 'UndrainApp',
    run: (appId: string) => Promise<boolean>,
  ) {
    const appId = call.request.appId;
    const peer = call.getPeer();
    if (!appId || appId.length > 253) {
      d.logger.info({ app_id: appId.slice(0, 253), peer, found: false }, what);
      return cb(null, { found: false });
    }
    run(appId).then(
      (found) => {
        d.logger.info({ app_id: appId, peer, found }, what);
        cb(null, { found });
      },
      (err: unknown) => {
        d.logger.warn({ err: (err as Error).message, app_id: appId, peer }, `${what}: registry unavailable`);
        cb({ code: grpc.status.UNAVAILABLE, details: 'registry unavailable' });
      },
    );
  }
  function internal(cb: grpc.sendUnaryData<never>, err: unknown) {
    d.logger.error({ err }, 'grpc: handler failed');
    cb({ code: grpc.status.INTERNAL, details: 'internal error' });
  }

  server.addService(proto.gamecluster.v1.AppMgrService.service, guardHandlers(handlers, d.access));
  const health = new HealthImplementation({ '': 'SERVING', [SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);
  new ReflectionService(loadReflectionDefinition()).addToServer(server);

  return {
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.bindAsync(`${host.includes(':') ? `[${host}]` : host}:${port}`, d.access.credentials, (err, bound) =>
          err ? reject(err) : resolve(bound),
        );
      }),
    notServing: () => {
      health.setStatus('', 'NOT_SERVING');
      health.setStatus(SERVICE_NAME, 'NOT_SERVING');
    },
    close: (graceMs) =>
      new Promise((resolve) => {
        const t = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        t.unref();
        server.tryShutdown(() => {
          clearTimeout(t);
          resolve();
        });
      }),
  };
}
