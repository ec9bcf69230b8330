/**
 * login → appmgr over gRPC: the EnterGames that arrive in one event-loop turn go as one `AllocateGames` call (appmgr
 * picks them in one script call, with the same choices as one by one; a lone one goes as `AllocateGame`), with a
 * per-call deadline. An appmgr that answers AllocateGames with UNIMPLEMENTED (an older version: a rollout in any order
 * is safe) gets that batch again as single calls, and no batch for the next minute. The proto is loaded exactly as appmgr
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
import type { AllocateGameRequest } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameRequest.js';
import type { AllocateGameResponse__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateGameResponse.js';
import type { AllocateGamesResponse__Output } from '../protocol/gen/grpc/gamecluster/v1/AllocateGamesResponse.js';
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
  /** Most requests in one AllocateGames call (default 256; 1 = never batch). */
  maxBatch?: number;
}

/** One EnterGame waiting for the end of this event-loop turn. */
interface Waiting {
  readonly req: AllocateGameRequest;
  readonly websocket: boolean;
  readonly resolve: (r: AllocateResult) => void;
}

/** A call's requests are cut at this many bytes (about: appmgr refuses messages over 64 KiB). */
const MAX_BATCH_BYTES = 48 * 1024;
/** After an UNIMPLEMENTED, how long single calls are used before AllocateGames is tried again. */
const BATCH_RETRY_MS = 60_000;

/** About the encoded size of one request (account, admission, the room's strings). */
function sizeOf(r: AllocateGameRequest): number {
  let n = 16 + (r.account?.length ?? 0) + (r.admission?.length ?? 0);
  if (r.room) n += 64 + JSON.stringify(r.room).length;
  return n;
}

export class AppmgrClient {
  private readonly client: AppMgrServiceClient;
  private failing = false;
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** Until then, every request goes as AllocateGame (appmgr answered AllocateGames UNIMPLEMENTED). */
  private singlesUntil = 0;

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

  /**
   * `websocket`: the player is connected over WebSocket; the game must have a WebSocket listener, whose port is
   * answered. Sent at the end of this event-loop turn, with the other EnterGames of the turn.
   */
  allocateGame(account: string, websocket = false, room?: RoomRequest | null, admission = ''): Promise<AllocateResult> {
    return new Promise((resolve) => {
      const req: AllocateGameRequest = room ? { account, websocket, room, admission } : admission ? { account, websocket, admission } : { account, websocket };
      this.waiting.push({ req, websocket, resolve });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** The turn's requests: cut into calls of at most maxBatch requests and MAX_BATCH_BYTES. */
  private flush(): void {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = [];
    const max = Math.max(1, this.o.maxBatch ?? 256);
    const singles = Date.now() < this.singlesUntil;
    for (let i = 0; i < all.length; ) {
      let j = i + 1;
      let bytes = sizeOf(all[i]!.req);
      while (j < all.length && j - i < max && bytes + sizeOf(all[j]!.req) <= MAX_BATCH_BYTES) bytes += sizeOf(all[j++]!.req);
      if (j - i === 1 || singles) for (let k = i; k < j; k++) this.single(all[k]!);
      else this.batch(all.slice(i, j));
      i = j;
    }
  }

  /** Runs `call` without grpc-js's stack capture. */
  private unary(call: (md: grpc.Metadata, deadline: number) => void): void {
    const deadline = Date.now() + (this.o.deadlineMs ?? 2000);
    const md = this.o.access?.metadata;
    // grpc-js captures a stack trace (new Error()) per unary call only to decorate a failed call's error — a
    // measurable share of a login pod's CPU per player (docs/benchmarks.md "Player flow"); our failures are
    // logged without it (AppmgrUnavailableError names the status), so the capture is skipped for this call.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      call(md ? md.clone() : new grpc.Metadata(), deadline);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  private single(w: Waiting): void {
    this.unary((md, deadline) => this.client.allocateGame(w.req, md, { deadline }, (err, res) => this.settle(err, res, w.websocket, w.resolve)));
  }

  private batch(part: Waiting[]): void {
    this.unary((md, deadline) =>
      this.client.allocateGames({ requests: part.map((w) => w.req) }, md, { deadline }, (err, res) => this.settleBatch(err, res, part)),
    );
  }

  private settleBatch(err: grpc.ServiceError | null, res: AllocateGamesResponse__Output | undefined, part: Waiting[]): void {
    if (err?.code === grpc.status.UNIMPLEMENTED) {
      // An appmgr that predates AllocateGames: this batch again one by one, and no batch for a while.
      if (Date.now() >= this.singlesUntil) this.o.logger.info({ target: this.o.target }, 'appmgr does not implement AllocateGames: sending AllocateGame one by one');
      this.singlesUntil = Date.now() + BATCH_RETRY_MS;
      for (const w of part) this.single(w);
      return;
    }
    const answers = res?.responses;
    if (err || !answers || answers.length !== part.length) {
      const why = err ? err.details || err.message : answers ? `${answers.length} answers for ${part.length} requests` : 'no answer';
      this.failed(new AppmgrUnavailableError(`AllocateGames failed: ${why}`, { cause: err }));
      for (const w of part) w.resolve({ kind: 'busy' });
      return;
    }
    for (let i = 0; i < part.length; i++) this.settle(null, answers[i], part[i]!.websocket, part[i]!.resolve);
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
