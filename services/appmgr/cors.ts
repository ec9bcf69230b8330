/**
 * CORS on appmgr's public port (`CORS_ORIGINS`): browsers on other origins may call `GET /login` (and poll their
 * queue ticket through it), without credentials, reading `Retry-After`. Only a request that carries `Origin` gets
 * CORS headers — browsers send it on every cross-origin request, and nothing else (SDKs, robots, probes) reads them —
 * so a game client's `/login` pays nothing for CORS. This replaced @fastify/cors, whose hook set two headers on every
 * request whether or not it came from a browser (≈ 1 µs per `/login` of appmgr's ≈ 35; docs/benchmarks.md).
 * A preflight (`OPTIONS /login`) answers 204 with the allowed method and headers, cached `Access-Control-Max-Age`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const MAX_AGE_S = '600';

export class CorsPolicy {
  private readonly any: boolean;
  private readonly allowed: ReadonlySet<string>;

  /** `origins`: `*` (any origin) or the exact origins allowed. */
  constructor(origins: '*' | readonly string[]) {
    this.any = origins === '*';
    this.allowed = new Set(origins === '*' ? [] : origins);
  }

  /** The Access-Control-Allow-Origin value for `origin`, or undefined when it is not allowed. */
  allowOrigin(origin: string): string | undefined {
    if (this.any) return '*';
    return this.allowed.has(origin) ? origin : undefined;
  }

  /** Adds the headers of a simple cross-origin response (a no-op for a request without `Origin`). */
  apply(req: FastifyRequest, reply: FastifyReply): void {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    // The answer depends on Origin unless any origin is allowed: shared caches must key on it.
    if (!this.any) reply.header('vary', 'Origin');
    const allow = this.allowOrigin(origin);
    if (allow === undefined) return;
    reply.header('access-control-allow-origin', allow);
    reply.header('access-control-expose-headers', 'Retry-After');
  }

  /** `OPTIONS <path>`: the preflight of a cross-origin GET. */
  addPreflight(app: FastifyInstance, path: string): void {
    app.options(path, (req, reply) => {
      const origin = req.headers.origin;
      const allow = origin === undefined ? undefined : this.allowOrigin(origin);
      const vary = this.any ? ['Access-Control-Request-Headers'] : ['Origin', 'Access-Control-Request-Headers'];
      reply.header('vary', vary.join(', '));
      if (allow !== undefined) {
        reply.header('access-control-allow-origin', allow);
        reply.header('access-control-allow-methods', 'GET, HEAD');
        const asked = req.headers['access-control-request-headers'];
        if (typeof asked === 'string' && asked !== '') reply.header('access-control-allow-headers', asked);
        reply.header('access-control-max-age', MAX_AGE_S);
      }
      reply.code(204).send();
    });
  }
}
