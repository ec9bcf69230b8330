/**
 * 128-bit random tokens (login → game tokens, resume tokens) as 32 hex chars, from the CSPRNG. The bytes come from a
 * pool filled 256 tokens at a time — one `randomFillSync` instead of one `randomBytes` per token, which showed in the
 * pods' profiles at every login (docs/benchmarks.md "Player flow") — and every pooled byte is used exactly once, the
 * same scheme as Node's own `crypto.randomUUID()` cache.
 */
import { randomFillSync } from 'node:crypto';

const TOKEN_BYTES = 16;
const pool = Buffer.alloc(TOKEN_BYTES * 256);
let at = pool.length;

/** 128 fresh random bits as 32 lowercase hex chars. */
export function randomToken(): string {
  if (at === pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  const t = pool.toString('hex', at, at + TOKEN_BYTES);
  at += TOKEN_BYTES;
  return t;
}
