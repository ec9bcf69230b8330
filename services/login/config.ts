/**
 * The login pod's configuration: the pod variables (services/pod/pod-config.ts, PORT default 5002) plus where
 * appmgr's gRPC is (APPMGR_GRPC: `host:port` or `dns:///host:port`, round-robin over every address), how it proves
 * itself there (GRPC_AUTH with ADMIN_TOKEN or a client certificate, as appmgr expects) and how account
 * checks are made (AUTH_MODE open|http, AUTH_URL, AUTH_HTTP_TIMEOUT_MS — the last one is our addition: the bound on
 * one call to the auth service). Pure parsing; AUTH_MODE=http without AUTH_URL is an error naming AUTH_URL.
 */
import { z } from 'zod';
import { ConfigError, env } from '../platform/config.js';
import { grpcAccessEnv, loadConfigWithGrpcAccess } from '../platform/grpc-access-config.js';
import { podEnv, podEnvHelp } from '../pod/pod-config.js';

export const LOGIN_DEFAULT_PORT = 5002;

export const loginEnv = {
  ...podEnv(LOGIN_DEFAULT_PORT),
  APPMGR_GRPC: z
    .string()
    .trim()
    .regex(/^(?:dns:(?:\/\/[^/\s]*)?\/)?[A-Za-z0-9_.\-[\]:]+:\d{1,5}$/, 'host:port or dns:///host:port')
    .default('127.0.0.1:50051'),
  AUTH_MODE: env.oneOf(['open', 'http'] as const, 'open'),
  AUTH_URL: env.url(['http', 'https']),
  AUTH_HTTP_TIMEOUT_MS: env.int(3000, 50, 60_000),
  // Rooms (docs/rooms.md): per client address and minute, room creations and joins of unknown rooms (0 = no bound).
  ROOM_CREATES_PER_IP_PER_MIN: env.int(30, 0, 100_000),
  ROOM_MISSES_PER_IP_PER_MIN: env.int(30, 0, 100_000),
  // How this pod proves itself to appmgr's gRPC (the same GRPC_AUTH as appmgr's; see services/appmgr/grpc-auth.ts).
  ...grpcAccessEnv,
  GRPC_TLS_CA_FILE: env.optionalStr(),
  GRPC_TLS_CLIENT_CERT_FILE: env.optionalStr(),
  GRPC_TLS_CLIENT_KEY_FILE: env.optionalStr(),
};

export type LoginConfig = z.output<z.ZodObject<typeof loginEnv>>;

/** Throws ConfigError (one line naming the variable) on a bad value. */
export function parseLoginConfig(source: NodeJS.ProcessEnv = process.env): LoginConfig {
  const c = loadConfigWithGrpcAccess<typeof loginEnv, LoginConfig>(loginEnv, source, ['GRPC_TLS_CA_FILE', 'GRPC_TLS_CLIENT_CERT_FILE', 'GRPC_TLS_CLIENT_KEY_FILE']);
  if (c.AUTH_MODE === 'http' && !c.AUTH_URL) throw new ConfigError('AUTH_URL', 'invalid AUTH_URL=(unset): expected an http(s) URL when AUTH_MODE=http');
  return c;
}

export const loginEnvHelp = `Environment (defaults in brackets):
  APPMGR_GRPC       appmgr gRPC: host:port or dns:///host:port (round-robin) [127.0.0.1:50051]
  AUTH_MODE         open (any valid account) | http (POST {"account","password"} to AUTH_URL) [open]
  AUTH_URL          the auth service (AUTH_MODE=http)
  AUTH_HTTP_TIMEOUT_MS  bound on one auth call; slower answers BUSY [3000]
  ROOM_CREATES_PER_IP_PER_MIN  room creations per client address and minute; past it BUSY (0 = no bound) [30]
  ROOM_MISSES_PER_IP_PER_MIN   joins of unknown rooms per client address and minute; past it BUSY (0 = no bound) [30]
  GRPC_AUTH         how to call appmgr: none | token (ADMIN_TOKEN) | mtls (GRPC_TLS_CA_FILE + GRPC_TLS_CLIENT_CERT_FILE/KEY_FILE) [none]
${podEnvHelp(LOGIN_DEFAULT_PORT)}`;
