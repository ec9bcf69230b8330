/**
 * Access to appmgr's gRPC (`GRPC_AUTH`). `none`: plaintext, anyone who reaches the port may drain pods — fine on one
 * machine, so a warning is logged when it listens beyond loopback. `token`: every AppMgrService call must carry
 * `authorization: Bearer <ADMIN_TOKEN>` (compared in constant time over SHA-256 digests, so neither the content nor
 * the length leaks through timing); missing or wrong → UNAUTHENTICATED. `mtls`: TLS with a client certificate signed
 * by GRPC_TLS_CA_FILE required by the handshake. Health is never behind the token (Kubernetes gRPC probes carry no
 * credentials); under mtls the handshake itself needs a certificate for every call, so probes use HTTP /readyz.
 * The client side (login pods) is `grpcClientAccess`: the same variables, read by services/login.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from '../platform/logger.js';

export type GrpcAuthMode = 'none' | 'token' | 'mtls';

export class GrpcAccessError extends Error {
  readonly code = 'GRPC_ACCESS_INVALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GrpcAccessError';
  }
}

export interface GrpcAccess {
  readonly mode: GrpcAuthMode;
  readonly credentials: grpc.ServerCredentials;
  /** Whether a call with this metadata may run (always true but in token mode). */
  authorized(metadata: grpc.Metadata): boolean;
}

export interface GrpcAccessConfig {
  GRPC_AUTH: GrpcAuthMode;
  ADMIN_TOKEN?: string | undefined;
  GRPC_TLS_CERT_FILE?: string | undefined;
  GRPC_TLS_KEY_FILE?: string | undefined;
  GRPC_TLS_CA_FILE?: string | undefined;
  BIND_HOST: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function readPem(variable: string, file: string | undefined): Buffer {
  if (!file) throw new GrpcAccessError(`${variable} is required when GRPC_AUTH=mtls`);
  try {
    return readFileSync(file);
  } catch (err) {
    throw new GrpcAccessError(`${variable}=${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function grpcAccess(c: GrpcAccessConfig, logger: Logger): GrpcAccess {
  if (c.GRPC_AUTH === 'token') {
    if (!c.ADMIN_TOKEN) throw new GrpcAccessError('ADMIN_TOKEN is required when GRPC_AUTH=token');
    const want = digest(`Bearer ${c.ADMIN_TOKEN}`);
    return {
      mode: 'token',
      credentials: grpc.ServerCredentials.createInsecure(),
      authorized: (md) => {
        const got = md.get('authorization')[0];
        return typeof got === 'string' && timingSafeEqual(digest(got), want);
      },
    };
  }
  if (c.GRPC_AUTH === 'mtls') {
    const ca = readPem('GRPC_TLS_CA_FILE', c.GRPC_TLS_CA_FILE);
    const cert = readPem('GRPC_TLS_CERT_FILE', c.GRPC_TLS_CERT_FILE);
    const key = readPem('GRPC_TLS_KEY_FILE', c.GRPC_TLS_KEY_FILE);
    return { mode: 'mtls', credentials: grpc.ServerCredentials.createSsl(ca, [{ cert_chain: cert, private_key: key }], true), authorized: () => true };
  }
  if (!isLoopback(c.BIND_HOST)) {
    logger.warn({ bind_host: c.BIND_HOST }, 'gRPC is open to anyone who can reach it (GRPC_AUTH=none): anyone may drain pods; use GRPC_AUTH=token or mtls beyond one machine');
  }
  return { mode: 'none', credentials: grpc.ServerCredentials.createInsecure(), authorized: () => true };
}

/** Wraps every unary handler so a call that is not authorized answers UNAUTHENTICATED without running it. */
export function guardHandlers<H extends object>(handlers: H, access: GrpcAccess): H {
  if (access.mode !== 'token') return handlers;
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(handlers) as [string, (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => void][]) {
    out[name] = (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      if (access.authorized(call.metadata)) return fn(call, cb);
      cb({ code: grpc.status.UNAUTHENTICATED, details: 'missing or wrong bearer token' });
    };
  }
  return out as H;
}

/** What a login pod needs to call appmgr: channel credentials and per-call metadata. */
export interface GrpcClientAccess {
  readonly credentials: grpc.ChannelCredentials;
  /** Metadata to send with every call (the bearer token), or undefined. */
  readonly metadata: grpc.Metadata | undefined;
}

export interface GrpcClientAccessConfig {
  GRPC_AUTH: GrpcAuthMode;
  ADMIN_TOKEN?: string | undefined;
  GRPC_TLS_CA_FILE?: string | undefined;
  GRPC_TLS_CLIENT_CERT_FILE?: string | undefined;
  GRPC_TLS_CLIENT_KEY_FILE?: string | undefined;
}

export function grpcClientAccess(c: GrpcClientAccessConfig): GrpcClientAccess {
  if (c.GRPC_AUTH === 'token') {
    if (!c.ADMIN_TOKEN) throw new GrpcAccessError('ADMIN_TOKEN is required when GRPC_AUTH=token');
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${c.ADMIN_TOKEN}`);
    // grpc-js refuses call credentials on a plaintext channel: the token travels as plain metadata instead.
    return { credentials: grpc.credentials.createInsecure(), metadata };
  }
  if (c.GRPC_AUTH === 'mtls') {
    const ca = readPem('GRPC_TLS_CA_FILE', c.GRPC_TLS_CA_FILE);
    const cert = readPem('GRPC_TLS_CLIENT_CERT_FILE', c.GRPC_TLS_CLIENT_CERT_FILE);
    const key = readPem('GRPC_TLS_CLIENT_KEY_FILE', c.GRPC_TLS_CLIENT_KEY_FILE);
    return { credentials: grpc.credentials.createSsl(ca, key, cert), metadata: undefined };
  }
  return { credentials: grpc.credentials.createInsecure(), metadata: undefined };
}
