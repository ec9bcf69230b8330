/**
 * A player that behaves like a real game client when the cluster is degraded: the whole flow (GET /login → login
 * AccountCheck + EnterGame → game LoginByToken), retrying with capped exponential backoff and jitter on what the
 * protocol says is retryable — `503` from /login (returncode 4 or 6), `BUSY` / `NO_APP` answers, refused or lost
 * connections — and starting over from /login when its token is refused (a Redis restart forgets tokens) or its
 * login connection is gone. Then it stays in game, echoing, and records anything that ends its session.
 *
 * `gamecluster robots` (services/robots) deliberately does NOT retry: a load tester reports a BUSY as a failure of
 * that step. This helper is what the fault tests use to check the promise made to real clients: "retry later" works.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { KickReason, MsgId, ReturnCode, returnCodeName } from '../../services/protocol/wire.js';
import { FrameClient } from '../../services/socket/frame-client.js';

export interface PatientOptions {
  appmgrPort: number;
  account: string;
  /** Give up (and report a failure) after this long. */
  deadlineMs: number;
  /** Bound on one request/response. */
  stepTimeoutMs?: number;
}

export interface PatientResult {
  ok: boolean;
  client?: FrameClient;
  gamePort?: number;
  /** Retries by cause, e.g. `http_503_rc6`, `enter_game_BUSY`, `game_login_TOKEN_INVALID`, `login_ECONNREFUSED`. */
  retries: Record<string, number>;
  error?: string;
  ms: number;
}

function getLogin(port: number, timeoutMs: number): Promise<{ status: number; body: { returncode?: number; ip?: string; port?: number } }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/login', agent: false, headers: { connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          reject(new Error(`/login ${res.statusCode}: not JSON`));
        }
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

const errCode = (err: unknown) => {
  const e = err as { code?: string; kickReason?: number; message?: string };
  if (typeof e?.kickReason === 'number') return `kicked_${e.kickReason}`;
  if (typeof e?.code === 'string') return e.code;
  return /within \d+ ms/.test(String(e?.message)) ? 'timeout' : 'error';
};

export async function playPatiently(o: PatientOptions): Promise<PatientResult> {
  const T = o.stepTimeoutMs ?? 5000;
  const t0 = Date.now();
  const retries: Record<string, number> = {};
  let attempt = 0;
  const backoff = async (cause: string) => {
    retries[cause] = (retries[cause] ?? 0) + 1;
    const base = Math.min(1000, 50 * 2 ** Math.min(attempt++, 5));
    await sleep(base / 2 + Math.random() * base);
    if (Date.now() - t0 > o.deadlineMs) throw new Error(`gave up after ${o.deadlineMs} ms; retries ${JSON.stringify(retries)}`);
  };
  try {
    for (;;) {
      // 1. /login
      let login: { ip: string; port: number };
      try {
        const r = await getLogin(o.appmgrPort, T);
        if (r.status !== 200 || r.body.returncode !== 0) {
          await backoff(`http_${r.status}_rc${r.body.returncode}`);
          continue;
        }
        login = { ip: r.body.ip!, port: r.body.port! };
      } catch (err) {
        await backoff(`http_${errCode(err)}`);
        continue;
      }
      // 2. login pod: account check, then EnterGame until it answers OK.
      let enter: { ip: string; port: number; token: string } | undefined;
      let lc: FrameClient | undefined;
      try {
        lc = await FrameClient.connect(login.port, login.ip, T);
        for (;;) {
          const ck = await lc.request(MsgId.C2L_AccountCheck, { account: o.account, password: 'pw' }, MsgId.L2C_AccountCheckRs, T);
          if ((ck.returnCode ?? 0) === ReturnCode.OK) break;
          if (ck.returnCode !== ReturnCode.BUSY) throw new Error(`account check answered ${returnCodeName(ck.returnCode ?? 0)}`);
          await backoff('account_check_BUSY');
        }
        for (;;) {
          const en = await lc.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs, T);
          const code = en.returnCode ?? 0;
          if (code === ReturnCode.OK) {
            enter = { ip: en.ip!, port: en.port!, token: en.token! };
            break;
          }
          if (code !== ReturnCode.BUSY && code !== ReturnCode.NO_APP) throw new Error(`EnterGame answered ${returnCodeName(code)}`);
          await backoff(`enter_game_${returnCodeName(code)}`);
        }
      } catch (err) {
        if (err instanceof Error && /answered|gave up/.test(err.message)) throw err;
        await backoff(`login_${errCode(err)}`);
        continue;
      } finally {
        lc?.destroy();
      }
      // 3. game pod: token login; BUSY → same token again; TOKEN_INVALID → start over.
      let gc: FrameClient | undefined;
      try {
        gc = await FrameClient.connect(enter.port, enter.ip, T);
        for (;;) {
          const rs = await gc.request(MsgId.C2G_LoginByToken, { account: o.account, token: enter.token }, MsgId.G2C_LoginByTokenRs, T);
          const code = rs.returnCode ?? 0;
          if (code === ReturnCode.OK) return { ok: true, client: gc, gamePort: enter.port, retries, ms: Date.now() - t0 };
          if (code === ReturnCode.BUSY) {
            await backoff('game_login_BUSY');
            continue;
          }
          if (code === ReturnCode.TOKEN_INVALID) break;
          throw new Error(`LoginByToken answered ${returnCodeName(code)}`);
        }
        gc.destroy();
        await backoff('game_login_TOKEN_INVALID');
      } catch (err) {
        gc?.destroy();
        if (err instanceof Error && /answered|gave up/.test(err.message)) throw err;
        await backoff(`game_${errCode(err)}`);
      }
    }
  } catch (err) {
    return { ok: false, retries, error: (err as Error).message, ms: Date.now() - t0 };
  }
}

/** An in-game player echoing every `everyMs` until stopped; records whatever ended its session early. */
export class InGame {
  echoes = 0;
  /** Set when the session ended before `stop()`: the kick reason name, or the close error. */
  lost: string | undefined;
  private stopped = false;
  private readonly loop: Promise<void>;
  private readonly wake = new AbortController();
  /** Resolves with `lost` when the session ends before `stop()`. */
  readonly ended: Promise<string>;
  private endedResolve: (why: string) => void = () => {};

  constructor(
    readonly client: FrameClient,
    readonly account: string,
    everyMs: number,
  ) {
    this.ended = new Promise((resolve) => (this.endedResolve = resolve));
    void client.closed.then((err) => {
      if (!this.stopped) this.lost ??= client.kickReason !== undefined ? `kicked:${Object.entries(KickReason).find(([, v]) => v === client.kickReason)?.[0]}` : `closed:${err?.message ?? 'by server'}`;
      if (this.lost !== undefined) this.endedResolve(this.lost);
    });
    this.loop = (async () => {
      const nap = (ms: number) => sleep(ms, undefined, { signal: this.wake.signal }).catch(() => undefined);
      await nap(Math.random() * everyMs);
      while (!this.stopped && client.isOpen) {
        try {
          const payload = Buffer.from(`${account}:${this.echoes}`);
          const rs = await client.request(MsgId.C2G_Echo, { payload }, MsgId.G2C_Echo, 10_000);
          if (!Buffer.from(rs.payload ?? []).equals(payload)) this.lost ??= 'echo payload mismatch';
          this.echoes++;
        } catch (err) {
          if (!this.stopped && client.isOpen) this.lost ??= `echo failed: ${(err as Error).message}`;
          return;
        }
        await nap(everyMs);
      }
    })();
  }

  /** Stops echoing and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.abort();
    await this.loop;
    this.client.destroy();
  }
}

/** A wave of patient players started at `rate` per second; each one in game joins `inGame` (echoing every 500 ms). */
export interface PatientWave {
  /** One result per player started so far (the array grows while the wave starts). */
  readonly results: Promise<PatientResult>[];
  /** Resolves once every player has been started. */
  readonly started: Promise<void>;
}

export function startPatientWave(o: { appmgrPort: number; players: number; rate: number; accountPrefix: string; inGame: InGame[] }): PatientWave {
  const t0 = Date.now();
  const results: Promise<PatientResult>[] = [];
  const started = (async () => {
    for (let i = 0; i < o.players; i++) {
      const due = t0 + (i * 1000) / o.rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const account = `${o.accountPrefix}-${i}`;
      results.push(
        playPatiently({ appmgrPort: o.appmgrPort, account, deadlineMs: 60_000 }).then((r) => {
          if (r.ok) o.inGame.push(new InGame(r.client!, account, 500));
          return r;
        }),
      );
    }
  })();
  return { results, started };
}
