/**
 * A launch-day herd for `gamecluster local --queue`, the queue's herd test and bench/queue.ts: players arrive at
 * `rate`/s, each asks `GET /login?queue=1`, polls its ticket as `Retry-After` says (optionally capped by `maxPollMs`
 * to keep a test short) until it gets a login, then plays the whole flow on fresh connections (login TCP: account
 * check, enter game; game TCP: token login), stays `durationS` in game and leaves on purpose (`C2G_Leave`, no
 * resume grace), so places free up steadily and the line drains. A small client of docs/queue.md (the test and the
 * bench cap its poll interval; `gamecluster local --queue` runs the real robots instead): a 410 puts the player back
 * at the end of the line, a 503 is retried after its Retry-After, a request that timed out is asked again, EnterGame
 * BUSY is retried and EnterGame NO_APP sends the player back to the line — as a patient player does.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import { FrameClient } from '../socket/frame-client.js';

export interface HerdOptions {
  appmgr: string;
  players: number;
  /** Arrivals per second. */
  rate: number;
  /** Seconds each player stays in game. */
  durationS: number;
  stepTimeoutMs?: number;
  /** Poll at most this far apart (default: exactly as Retry-After says). */
  maxPollMs?: number;
  signal?: AbortSignal;
  /** Called when player `i` got its login (after `waitedMs` in line; `ticket` absent when it went straight in). */
  onAdmitted?: (i: number, ticket: string | undefined, waitedMs: number) => void;
}

export interface HerdReport {
  players: number;
  played: number;
  failed: number;
  /** Failure reasons (bounded names) → count. */
  failures: Record<string, number>;
  /** Players who got a ticket (the others went straight in). */
  queued: number;
  /** Tickets lost (410) and queued again. */
  tickets_lost: number;
  /** Players sent back to the line by an EnterGame NO_APP (their place was taken by another AllocateGame). */
  requeued: number;
  /** HTTP requests retried after a timeout or a reset. */
  http_retries: number;
  polls: number;
  /** Time from the first request to the login answer, of the players who queued. */
  wait_ms: { p50: number; p90: number; p99: number; max: number };
  elapsed_s: number;
}

interface Counters {
  polls: number;
  httpRetries: number;
  requeued: number;
  queued: number;
  lost: number;
  waits: number[];
}

class HerdError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
    this.name = 'HerdError';
  }
}

interface Answer {
  status: number;
  retryAfterS: number;
  body: { returncode?: number; ip?: string; port?: number; ticket?: string; position?: number };
}

async function get(url: string, timeoutMs: number): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new HerdError('http_error', `GET ${url}: ${(err as Error).message}`);
  }
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    throw new HerdError(`http_${res.status}`, `GET ${url}: HTTP ${res.status}, not JSON`);
  }
  const ra = Number(res.headers.get('retry-after'));
  return { status: res.status, retryAfterS: Number.isFinite(ra) && ra > 0 ? ra : 1, body };
}

/** Queues (if the cluster is full) until a login is granted; resolves the login's address. */
async function queuedLogin(o: HerdOptions, c: Counters, T: number): Promise<{ ip: string; port: number; ticket?: string; waitedMs: number }> {
  const t0 = Date.now();
  let ticket: string | undefined;
  let hadTicket = false;
  for (;;) {
    if (o.signal?.aborted) throw new HerdError('aborted', 'aborted');
    let a: Answer;
    try {
      a = await get(ticket ? `${o.appmgr}/login?ticket=${ticket}` : `${o.appmgr}/login?queue=1`, T);
    } catch (err) {
      // A timeout or a reset on a starved box: the ticket (kept in Redis) is still good, ask again.
      if (++c.httpRetries > o.players * 20) throw err;
      await sleep(1000, undefined, { signal: o.signal }).catch(() => undefined);
      continue;
    }
    if (ticket) c.polls++;
    if (a.status === 200 && a.body.returncode === ReturnCode.OK && a.body.ip && a.body.port) {
      const waitedMs = Date.now() - t0;
      if (hadTicket) c.waits.push(waitedMs);
      return { ip: a.body.ip, port: a.body.port, ...(ticket ? { ticket } : {}), waitedMs };
    }
    if (a.status === 202 && a.body.ticket) {
      if (!hadTicket) c.queued++;
      hadTicket = true;
      ticket = a.body.ticket;
    } else if (a.status === 410) {
      c.lost++;
      ticket = undefined;
      continue;
    } else if (a.status !== 503 && a.status !== 429) {
      throw new HerdError(`http_${a.status}`, `unexpected answer HTTP ${a.status} ${JSON.stringify(a.body)}`);
    }
    const waitMs = a.retryAfterS * 1000;
    await sleep(o.maxPollMs !== undefined ? Math.min(o.maxPollMs, waitMs) : waitMs, undefined, { signal: o.signal }).catch(() => undefined);
  }
}

async function play(o: HerdOptions, i: number, c: Counters): Promise<void> {
  const T = o.stepTimeoutMs ?? 10_000;
  const account = `herd-${randomBytes(4).toString('hex')}-${i}`;
  let enter: { ip: string; port: number; token: string } | undefined;
  // As a client does: EnterGame BUSY (appmgr or Redis slow) is retried on the same connection; NO_APP (the place
  // went to someone else) sends the player back to the line.
  for (let attempt = 0; !enter; attempt++) {
    const login = await queuedLogin(o, c, T);
    if (attempt === 0) o.onAdmitted?.(i, login.ticket, login.waitedMs);
    const lc = await FrameClient.connect(login.port, login.ip, T);
    try {
      const ac = await lc.request(MsgId.C2L_AccountCheck, { account, password: 'x' }, MsgId.L2C_AccountCheckRs, T);
      if ((ac.returnCode ?? 0) !== ReturnCode.OK) throw new HerdError(`account_check_${returnCodeName(ac.returnCode ?? 0)}`, 'account check refused');
      for (let busy = 0; ; busy++) {
        const eg = await lc.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs, T);
        const rc = eg.returnCode ?? 0;
        if (rc === ReturnCode.OK && eg.ip && eg.port && eg.token) {
          enter = { ip: eg.ip, port: eg.port, token: eg.token };
          break;
        }
        if (rc === ReturnCode.BUSY && busy < 5) {
          await sleep(500);
          continue;
        }
        if (rc === ReturnCode.NO_APP && attempt < 3) {
          c.requeued++;
          break;
        }
        throw new HerdError(`enter_game_${returnCodeName(rc)}`, 'enter game refused');
      }
    } finally {
      lc.destroy();
    }
  }
  const gc = await FrameClient.connect(enter.port, enter.ip, T);
  try {
    for (let busy = 0; ; busy++) {
      const rs = await gc.request(MsgId.C2G_LoginByToken, { account, token: enter.token }, MsgId.G2C_LoginByTokenRs, T);
      const rc = rs.returnCode ?? 0;
      if (rc === ReturnCode.OK) break;
      // BUSY: Redis did not answer the redeem in time; the token is still unredeemed, try again.
      if (rc === ReturnCode.BUSY && busy < 5 && gc.isOpen) {
        await sleep(500);
        continue;
      }
      throw new HerdError(`game_login_${returnCodeName(rc)}`, 'token login refused');
    }
    await sleep(o.durationS * 1000, undefined, { signal: o.signal }).catch(() => undefined);
    gc.send(MsgId.C2G_Leave, {});
    const t = setTimeout(() => gc.destroy(), 2000);
    await gc.closed;
    clearTimeout(t);
  } finally {
    gc.destroy();
  }
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runHerd(o: HerdOptions): Promise<HerdReport> {
  // Every waiting player sleeps on the one abort signal.
  if (o.signal) setMaxListeners(0, o.signal);
  const t0 = Date.now();
  const c: Counters = { polls: 0, httpRetries: 0, requeued: 0, queued: 0, lost: 0, waits: [] };
  const failures: Record<string, number> = {};
  let played = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < o.players && !o.signal?.aborted; i++) {
    const due = t0 + (i / o.rate) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    runs.push(
      play(o, i, c).then(
        () => void played++,
        (err: unknown) => {
          const reason = err instanceof HerdError ? err.reason : ((err as { code?: string }).code ?? 'error').toLowerCase();
          failures[reason] = (failures[reason] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(runs);
  const waits = c.waits.sort((a, b) => a - b);
  return {
    players: o.players,
    played,
    failed: o.players - played,
    failures,
    queued: c.queued,
    tickets_lost: c.lost,
    requeued: c.requeued,
    http_retries: c.httpRetries,
    polls: c.polls,
    wait_ms: { p50: pct(waits, 50), p90: pct(waits, 90), p99: pct(waits, 99), max: waits.at(-1) ?? 0 },
    elapsed_s: Math.round((Date.now() - t0) / 100) / 10,
  };
}

export function formatHerd(r: HerdReport): string {
  const fails = Object.entries(r.failures).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `herd: ${r.players} players, ${r.played} played, ${r.failed} failed${fails ? ` (${fails})` : ''} in ${r.elapsed_s} s`,
    `queue: ${r.queued} queued, ${r.polls} polls, ${r.tickets_lost} tickets lost, ${r.requeued} requeued, ${r.http_retries} HTTP retries; wait p50 ${(r.wait_ms.p50 / 1000).toFixed(1)} s, p90 ${(r.wait_ms.p90 / 1000).toFixed(1)} s, p99 ${(r.wait_ms.p99 / 1000).toFixed(1)} s, max ${(r.wait_ms.max / 1000).toFixed(1)} s`,
  ].join('\n');
}

export interface PeakWatch {
  /** Stops sampling; the highest game-tier online count and queue length seen in appmgr's /apps and /status. */
  stop(): Promise<{ peak_online: number; peak_queue: number; samples: number }>;
}

/** Samples appmgr's admin /apps and /status every `everyMs` (the operator's view: lags by up to one heartbeat). */
export function watchPeak(adminUrl: string, everyMs = 250): PeakWatch {
  let peakOnline = 0;
  let peakQueue = 0;
  let samples = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      try {
        const [apps, status] = await Promise.all([fetch(`${adminUrl}/apps`).then((r) => r.json()), fetch(`${adminUrl}/status`).then((r) => r.json())]);
        const online = (apps as { apps: { app_type: string; online: number }[] }).apps.filter((a) => a.app_type === 'game').reduce((s, a) => s + a.online, 0);
        peakOnline = Math.max(peakOnline, online);
        peakQueue = Math.max(peakQueue, (status as { queue: number }).queue);
        samples++;
      } catch {
        /* appmgr busy or stopping: the next sample counts */
      }
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      return { peak_online: peakOnline, peak_queue: peakQueue, samples };
    },
  };
}
