/**
 * The gRPC access variables appmgr (server) and login pods (client) share (operations.md: GRPC_AUTH, ADMIN_TOKEN,
 * GRPC_TLS_*): one schema for the mode and the token, one loader that never echoes a bad ADMIN_TOKEN, and one check
 * that the files the chosen mode needs are set. Each side lists the TLS files it needs for `mtls`.
 */
import { z } from 'zod';
import { ConfigError, env, loadConfig } from './config.js';

export const grpcAccessEnv = {
  GRPC_AUTH: env.oneOf(['none', 'token', 'mtls'] as const, 'none'),
  ADMIN_TOKEN: z.string().min(16, 'a token of at least 16 characters').optional(),
};

interface GrpcAccessValues {
  GRPC_AUTH: 'none' | 'token' | 'mtls';
  ADMIN_TOKEN?: string | undefined;
}

/**
 * `loadConfig` for a shape holding the gRPC access variables: a malformed ADMIN_TOKEN is reported without its value
 * (whatever the redaction rules say), a missing token under `token` and a missing file under `mtls` are errors.
 */
export function loadConfigWithGrpcAccess<S extends z.ZodRawShape, C extends GrpcAccessValues = z.output<z.ZodObject<S>> & GrpcAccessValues>(
  shape: S,
  source: NodeJS.ProcessEnv,
  mtlsFiles: readonly (keyof C & string)[],
): C {
  let c: C;
  try {
    c = loadConfig(shape, source) as unknown as C;
  } catch (err) {
    if (err instanceof ConfigError && err.variable === 'ADMIN_TOKEN') throw new ConfigError('ADMIN_TOKEN', 'invalid ADMIN_TOKEN (value hidden): expected a token of at least 16 characters');
    throw err;
  }
  if (c.GRPC_AUTH === 'token' && !c.ADMIN_TOKEN) throw new ConfigError('ADMIN_TOKEN', 'invalid ADMIN_TOKEN=(unset): expected a token when GRPC_AUTH=token');
  if (c.GRPC_AUTH === 'mtls') {
    for (const k of mtlsFiles) if (!c[k]) throw new ConfigError(k, `invalid ${k}=(unset): expected a PEM file path when GRPC_AUTH=mtls`);
  }
  return c;
}
