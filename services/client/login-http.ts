/**
 * Step 1 of the flow: `GET <appmgr>/login` (docs/operations.md "appmgr endpoints"), with `?transport=ws` for a WebSocket login and the admission
 * queue (queue.md) when asked: `?queue=1` (`&places=N` for a host who will open a room of N) may answer `202
 * {returncode: 9, ticket, position, eta_s}` + Retry-After; the ticket is then polled (`?ticket=…`) at the suggested
 * interval until the normal 200, whose `admission` the player's EnterGame carries (it alone consumes the places his
 * ticket holds); a 410 means the place is lost. `?room=<id>` names the room a join goes to (rooms.md): appmgr lets a
 * friend past the line when that room has a free seat. Each exchange is bounded by the step timeout; the wait in line
 * is bounded only by `signal`.
 */
import { ReturnCode, returnCodeName } from '../protocol/wire.js';
import { ClientError, toClientError } from './errors.js';
import type { ClientIo, HttpAnswer } from './io.js';

export interface LoginTarget {
  ip: string;
  port: number;
}

export interface QueueUpdate {
  position: number;
  etaS: number;
}

export interface HttpLoginOptions {
  appmgr: string;
  transport: 'tcp' | 'ws';
  queue: boolean;
  /** The room id of a join (`?room=`), so a friend joining an open room never waits in the admission line. */
  room?: string | undefined;
  /** Places to wait for in the line (`&places=N`: a host who will open a room of N); 1 or absent: one. */
  places?: number | undefined;
  timeoutMs: number;
  signal?: AbortSignal;
  onQueue?: (u: QueueUpdate) => void;
  /** Called with each exchange's duration and whether it was a queue poll. */
  onExchange?: (ms: number, queued: boolean) => void;
}

export interface HttpLoginResult extends LoginTarget {
  /** The admission of a ticket that waited in line (carried by EnterGame), or undefined. */
  admission?: string;
  /** Time spent in the queue (first 202 → the 200), or undefined when not queued. */
  queuedMs?: number;
  /** Duration of the exchange that returned the login. */
  exchangeMs: number;
}

const now = () => performance.now();

function loginUrl(base: string, params: Record<string, string>): string {
  const u = new URL(`${base.replace(/\/+$/, '')}/login`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}

/** Retry-After in seconds, clamped to queue.md's 1–5 s (a missing or odd header polls every 2 s). */
export function pollDelayS(retryAfter: string | null): number {
  const v = Number(retryAfter);
  return Number.isFinite(v) && v > 0 ? Math.min(5, Math.max(1, v)) : 2;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ClientError('queue', 'aborted', 'aborted while waiting in the queue'));
    const t = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new ClientError('queue', 'aborted', 'aborted while waiting in the queue'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
  });
}

async function exchange(io: ClientIo, url: string, timeoutMs: number, step: 'http_login' | 'queue'): Promise<{ a: HttpAnswer; body: Record<string, unknown>; ms: number }> {
  const t0 = now();
  let a: HttpAnswer;
  try {
    a = await io.httpGet(url, timeoutMs);
  } catch (err) {
    const e = toClientError(step, err);
    throw new ClientError(step, e.code, `GET ${url}: ${e.message}`);
  }
  const ms = now() - t0;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(a.text) as Record<string, unknown>;
  } catch {
    throw new ClientError(step, `http_${a.status}`, `HTTP ${a.status} with a body that is not JSON: ${a.text.slice(0, 120)}`);
  }
  return { a, body, ms };
}

function target(step: 'http_login' | 'queue', a: HttpAnswer, body: Record<string, unknown>, text: string): LoginTarget & { admission?: string } {
  const rc = body.returncode;
  if (typeof rc === 'number' && rc !== ReturnCode.OK) {
    throw new ClientError(step, returnCodeName(rc), `HTTP ${a.status} returncode ${rc} (${returnCodeName(rc)})`, { returnCode: rc, retryAfterS: a.retryAfter ? Number(a.retryAfter) : undefined });
  }
  if (a.status !== 200 || rc !== 0 || typeof body.ip !== 'string' || !body.ip || typeof body.port !== 'number' || body.port <= 0) {
    throw new ClientError(step, a.status !== 200 ? `http_${a.status}` : 'bad_response', `HTTP ${a.status} unexpected body ${text.slice(0, 120)}`);
  }
  return typeof body.admission === 'string' && /^[0-9a-f]{32}$/.test(body.admission) ? { ip: body.ip, port: body.port, admission: body.admission } : { ip: body.ip, port: body.port };
}

/** How long ticket polls may keep failing in a row (503, 429, timeouts) before the player gives up the line. */
export const QUEUE_STALL_MS = 60_000;

export async function httpLogin(io: ClientIo, o: HttpLoginOptions): Promise<HttpLoginResult> {
  const params: Record<string, string> = o.transport === 'ws' ? { transport: 'ws' } : {};
  if (o.room) params.room = o.room;
  const join: Record<string, string> = o.places && o.places > 1 ? { queue: '1', places: String(o.places) } : { queue: '1' };
  const first = await exchange(io, loginUrl(o.appmgr, o.queue ? { ...params, ...join } : params), o.timeoutMs, 'http_login');
  o.onExchange?.(first.ms, false);
  if (!(o.queue && first.a.status === 202 && first.body.returncode === ReturnCode.QUEUED)) {
    return { ...target('http_login', first.a, first.body, first.a.text), exchangeMs: first.ms };
  }
  const queuedAt = now();
  let cur = first;
  const ticket = cur.body.ticket;
  if (typeof ticket !== 'string' || !ticket) throw new ClientError('queue', 'bad_response', `HTTP 202 without a ticket: ${cur.a.text.slice(0, 120)}`);
  let delayS = pollDelayS(cur.a.retryAfter);
  /** Since when polls have failed in a row (0: the last one was answered 202). */
  let failingSince = 0;
  for (;;) {
    if (failingSince === 0) o.onQueue?.({ position: Number(cur.body.position ?? 0), etaS: Number(cur.body.eta_s ?? 0) });
    await sleep(delayS * 1000, o.signal);
    // A poll that fails (the line frozen while appmgr has no Redis: 503/6; overloaded: 503/429; a timeout) keeps the
    // ticket: queue.md keeps positions across an outage, so the player keeps polling — for at most QUEUE_STALL_MS.
    let next: Awaited<ReturnType<typeof exchange>> | undefined;
    try {
      next = await exchange(io, loginUrl(o.appmgr, { ...params, ticket }), o.timeoutMs, 'queue');
    } catch (err) {
      if (o.signal?.aborted) throw err;
      failingSince ||= now();
      if (now() - failingSince > QUEUE_STALL_MS) throw err;
      delayS = 2;
      continue;
    }
    o.onExchange?.(next.ms, true);
    if (next.a.status === 503 || next.a.status === 429) {
      failingSince ||= now();
      if (now() - failingSince > QUEUE_STALL_MS) return { ...target('queue', next.a, next.body, next.a.text), queuedMs: now() - queuedAt, exchangeMs: next.ms };
      delayS = pollDelayS(next.a.retryAfter);
      continue;
    }
    failingSince = 0;
    cur = next;
    delayS = pollDelayS(cur.a.retryAfter);
    if (cur.a.status === 202) continue;
    if (cur.a.status === 410) throw new ClientError('queue', 'queue_lost', `HTTP 410: the queue ticket is unknown or expired (${cur.a.text.slice(0, 80)})`, { returnCode: ReturnCode.TOKEN_INVALID });
    return { ...target('queue', cur.a, cur.body, cur.a.text), queuedMs: now() - queuedAt, exchangeMs: cur.ms };
  }
}
