/**
 * login → appmgr over gRPC: `AllocateGame{account}` with a per-call deadline. The proto is loaded exactly as appmgr
 * loads it (loadAppmgrProto from services/appmgr/grpc-server.ts) and typed with the generated grpc types. The
 * channel always uses the round_robin policy, so a `dns:///<headless service>:port` target spreads calls over every
 * appmgr replica (a plain host:port is one address and behaves the same as pick_first). Never throws: NO_APP when
 * appmgr has no game, BUSY when appmgr or its Redis is unreachable/slow; outages logged once at start and end.
 * `access` (grpc-auth.ts grpcClientAccess) adds the bearer token to every call or presents the client certificate.
 */
import * as grpc from '@grpc/grpc-js';
import type { GrpcClientAccess } from '../appmgr/grpc-auth.js';
import { loadAppmgrProto } from '../appmgr/grpc-server.js';
import type { Logger } from '../platform/logger.js';
import type { AllocateGameResponse__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameResponse.js';
import type { AppMgrServiceClient } from '../protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import type { RoomRequest } from '../protocol/gen/grpc/gamecluster/v1/RoomRequest.js';
import { ReturnCode } from '../protocol/wire.js';

export type AllocateResult =
  | { kind: 'ok'; appId: string; ip: string; port: number; roomId: string }
  | { kind: 'no_app' }
  | { kind: 'busy' }
  /** A room request appmgr could not seat (docs/rooms.md): ROOM_NOT_FOUND, ROOM_FULL, ROOM_CLOSED, ROOM_INVALID. */
  | { kind: 'room'; code: ReturnCode };

const ROOM_CODES: Record<string, ReturnCode | undefined> = {
  RETURN_CODE_ROOM_NOT_FOUND: ReturnCode.ROOM_NOT_FOUND,
  RETURN_CODE_ROOM_FULL: ReturnCode.ROOM_FULL,
  RETURN_CODE_ROOM_CLOSED: ReturnCode.ROOM_CLOSED,
  RETURN_CODE_ROOM_INVALID: ReturnCode.ROOM_INVALID,
};

export class AppmgrUnavailableError extends Error {
  readonly code = 'APPMGR_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppmgrUnavailableError';
  }
}

export interface AppmgrClientOptions {
  target: string;
  logger: Logger;
  deadlineMs?: number;
  /** GRPC_AUTH's client side (default: plaintext, no token). */
  access?: GrpcClientAccess;
}

export class AppmgrClient {
  private readonly client: AppMgrServiceClient;
  private failing = false;

  constructor(private readonly o: AppmgrClientOptions) {
    const { proto } = loadAppmgrProto();
    this.client = new proto.gamecluster.v1.AppMgrService(o.target, o.access?.credentials ?? grpc.credentials.createInsecure(), {
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 5_000,
      // Channelz bookkeeping (per-call counters and timestamps) has no reader here: nothing serves channelz.
      'grpc.enable_channelz': 0,
    });
  }

  /** `websocket`: the player is connected over WebSocket; the game must have a WebSocket listener, whose port is answered. */
  allocateGame(account: string, websocket = false, room?: RoomRequest | null, admission = ''): Promise<AllocateResult> {
    return new Promise((resolve) => {
      const deadline = Date.now() + (this.o.deadlineMs ?? 2000);
      const md = this.o.access?.metadata;
      // grpc-js captures a stack trace (new Error()) per unary call only to decorate a failed call's error — a
      // measurable share of a login pod's CPU per player (docs/benchmarks.md "Player flow"); our failures are
      // logged without it (AppmgrUnavailableError names the status), so the capture is skipped for this call.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        this.client.allocateGame(room ? { account, websocket, room, admission } : admission ? { account, websocket, admission } : { account, websocket }, md ? md.clone() : new grpc.Metadata(), { deadline }, (err, res) => this.settle(err, res, websocket, resolve));
      } finally {
        Error.stackTraceLimit = limit;
      }
    });
  }

  private settle(err: grpc.ServiceError | null, res: AllocateGameResponse__Output | undefined, websocket: boolean, resolve: (r: AllocateResult) => void): void {
    if (err || !res) {
      this.failed(new AppmgrUnavailableError(`AllocateGame failed: ${err?.details || err?.message || 'no answer'}`, { cause: err }));
      return resolve({ kind: 'busy' });
    }
    this.recovered();
    const port = websocket ? res.wsPort : res.port;
    if (res.returnCode === 'RETURN_CODE_OK' && res.ip && port > 0) return resolve({ kind: 'ok', appId: res.appId, ip: res.ip, port, roomId: res.roomId ?? '' });
    if (res.returnCode === 'RETURN_CODE_NO_APP') return resolve({ kind: 'no_app' });
    const roomCode = ROOM_CODES[res.returnCode];
    if (roomCode !== undefined) return resolve({ kind: 'room', code: roomCode });
    resolve({ kind: 'busy' });
  }

  close(): void {
    this.client.close();
  }

  private failed(err: AppmgrUnavailableError): void {
    if (this.failing) return;
    this.failing = true;
    this.o.logger.warn({ err: err.message, code: err.code, target: this.o.target }, 'appmgr unavailable: EnterGame answers BUSY');
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.o.logger.info({ target: this.o.target }, 'appmgr answering again');
  }
}
