/**
 * AUTH_MODE=http: POSTs `{"account","password"}` as JSON to AUTH_URL with global fetch, bounded by
 * AUTH_HTTP_TIMEOUT_MS (a timer over the whole call, body included — see call()). A 2xx `{"ok":true,"player_id":"…"}` accepts (a missing player_id
 * falls back to the account); a JSON `{"ok":false}` with any status below 500 is PASSWORD_WRONG; anything else —
 * unreachable, slow, 5xx, a body that is not that JSON, a body over 64 KiB — is BUSY ("retry later"). Never throws.
 * Outages are logged once when they start and once when they end, not once per player.
 */
import type { Logger } from '../platform/logger.js';
import { ReturnCode } from '../protocol/wire.js';
import type { Authenticator, AuthResult } from './account-check.js';

const MAX_BODY = 64 * 1024;
const PLAYER_ID_RE = /^[^\s]{1,128}$/;

export class AuthUnavailableError extends Error {
  readonly code = 'AUTH_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthUnavailableError';
  }
}

export interface HttpAuthenticatorOptions {
  url: string;
  timeoutMs: number;
  logger: Logger;
}

export class HttpAuthenticator implements Authenticator {
  private failing = false;

  constructor(private readonly o: HttpAuthenticatorOptions) {}

  async check(account: string, password: string): Promise<AuthResult> {
    try {
      const r = await this.call(account, password);
      if (this.failing) {
        this.failing = false;
        this.o.logger.info('auth service answering again');
      }
      return r;
    } catch (err) {
      if (!this.failing) {
        this.failing = true;
        this.o.logger.warn({ err: (err as Error).message, code: (err as AuthUnavailableError).code, cause: String((err as Error).cause ?? '') }, 'auth service unavailable: account checks answer BUSY');
      }
      return { code: ReturnCode.BUSY };
    }
  }

  private async call(account: string, password: string): Promise<AuthResult> {
    let res: Response | undefined;
    let text: string;
    // The bound covers the whole call, body included, with our own timer: an abort signal alone is not enough —
    // once fetch has resolved with the headers, undici follows the caller's signal only weakly, so after a GC a body
    // that never ends (headers, then nothing) was never aborted and the check hung (found by
    // test/reliability-input.test.ts). On the deadline the request is aborted and the body cancelled.
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort();
        res?.body?.cancel().catch(() => {});
        reject(new AuthUnavailableError(`auth call took longer than ${this.o.timeoutMs} ms`));
      }, this.o.timeoutMs);
    });
    try {
      res = await Promise.race([fetch(this.o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ account, password }),
        signal: ac.signal,
        redirect: 'error',
      }), deadline]);
      const len = Number(res.headers.get('content-length') ?? 0);
      if (len > MAX_BODY) {
        await res.body?.cancel();
        throw new AuthUnavailableError(`auth answer too large (${len} bytes)`);
      }
      text = await Promise.race([res.text(), deadline]);
    } catch (err) {
      if (err instanceof AuthUnavailableError) throw err;
      throw new AuthUnavailableError('auth request failed', { cause: (err as Error).message ?? err });
    } finally {
      clearTimeout(timer);
    }
    if (text.length > MAX_BODY) throw new AuthUnavailableError('auth answer too large');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AuthUnavailableError(`auth answer is not JSON (status ${res.status})`);
    }
    const ok = body && typeof body === 'object' ? (body as { ok?: unknown }).ok : undefined;
    if (res.status >= 200 && res.status < 300 && ok === true) {
      const pid = (body as { player_id?: unknown }).player_id;
      return { code: ReturnCode.OK, playerId: typeof pid === 'string' && PLAYER_ID_RE.test(pid) ? pid : typeof pid === 'number' ? String(pid) : account };
    }
    if (res.status < 500 && ok === false) return { code: ReturnCode.PASSWORD_WRONG };
    throw new AuthUnavailableError(`unexpected auth answer (status ${res.status})`);
  }
}
