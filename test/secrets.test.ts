/**
 * Issue 11, point 4: secrets are never printed. The real processes (appmgr, login, game through the CLI) are started
 * with a distinct password in every variable that can hold one — REDIS_URL in each form (redis://:pw@,
 * redis://user:pw@, rediss://, multi-host redis-sentinel://), REDIS_SENTINELS, AUTH_URL (user:pw@ and ?token=),
 * ADMIN_TOKEN — once with valid values (the process starts, logs its effective config and its Redis up/down lines
 * against an unreachable Redis, then is stopped) and once with malformed ones (the one-line config error, exit 2).
 * Every line printed on stdout and stderr is searched for every password string.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './helpers/free-port.js';
import { pool, within } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { startService } from './helpers/service-process.js';
import { MsgId } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';

const KINDS = ['appmgr', 'login', 'game'] as const;
type Kind = (typeof KINDS)[number];

/** Every password used below; none may appear in any output. */
const SECRETS: string[] = [];
const pw = (name: string) => {
  const s = `Sekr3t${name}Xq7`;
  SECRETS.push(s);
  return s;
};

async function baseEnv(kind: Kind): Promise<Record<string, string>> {
  const env: Record<string, string> = { PREFIX: 'secrets', METRICS_PORT: String(await freePort()), PORT: String(await freePort()), ADMIN_TOKEN: pw(`admin${kind}`) };
  if (kind === 'appmgr') Object.assign(env, { HTTP_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) });
  if (kind === 'login') Object.assign(env, { APPMGR_GRPC: `127.0.0.1:${await freePort()}`, AUTH_MODE: 'http', AUTH_URL: `http://auth:${pw('authpass')}@127.0.0.1:${await freePort()}/check?token=${pw('authtoken')}&x=1` });
  return env;
}

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

test('valid configs holding passwords: the process starts, logs its config and Redis state, and prints no password', { timeout: 180_000 }, async (t) => {
  const dead = [await freePort(), await freePort(), await freePort()]; // nothing listens: Redis stays down, logged
  const forms: Record<string, (k: Kind) => Record<string, string>> = {
    'redis://:pw@': (k) => ({ REDIS_URL: `redis://:${pw(`r1${k}`)}@127.0.0.1:${dead[0]}/0` }),
    'redis://user:pw@': (k) => ({ REDIS_URL: `redis://app:${pw(`r2${k}`)}@127.0.0.1:${dead[0]}` }),
    'rediss://user:pw@?password=': (k) => ({ REDIS_URL: `rediss://app:${pw(`r3${k}`)}@127.0.0.1:${dead[1]}/1?password=${pw(`r3q${k}`)}` }),
    'redis-sentinel:// multi-host': (k) => ({ REDIS_URL: `redis-sentinel://app:${pw(`r4${k}`)}@127.0.0.1:${dead[0]},127.0.0.1:${dead[1]},127.0.0.1:${dead[2]}/mymaster` }),
    'REDIS_SENTINELS + password in REDIS_URL': (k) => ({ REDIS_URL: `redis-sentinel://:${pw(`r5${k}`)}@ignored:1/mymaster`, REDIS_SENTINELS: `127.0.0.1:${dead[1]},127.0.0.1:${dead[2]}/mymaster` }),
  };
  const runs: { kind: Kind; form: string }[] = [];
  for (const form of Object.keys(forms)) for (const kind of KINDS) runs.push({ kind, form });
  const outputs = await pool(runs, 3, async ({ kind, form }) => {
    const env = { ...(await baseEnv(kind)), ...forms[form]!(kind) };
    const p = startService(kind, env);
    try {
      const cfg = await p.waitForLog((l) => l.msg === 'effective config', 30_000);
      if (kind === 'login') {
        // An account check makes the login call AUTH_URL (nothing listens there): the failure is logged.
        await waitFor('login listening', () => FrameClient.connect(Number(env.PORT), '127.0.0.1', 1000).then((fc) => (fc.destroy(), true)), 30_000, 200);
        const fc = await FrameClient.connect(Number(env.PORT));
        await fc.request(MsgId.C2L_AccountCheck, { account: 'secret-check', password: pw(`playerpw${form.length}`) }, MsgId.L2C_AccountCheckRs, 10_000).catch(() => undefined);
        fc.destroy();
        await p.waitForLog((l) => /auth service/.test(String(l.msg)), 10_000).catch(() => undefined);
      }
      // Let the Redis client fail and log its state at least once.
      await within(p.waitForLog((l) => l.msg === 'redis down', 10_000), 11_000, `${kind} redis down`).catch(() => undefined);
      await sleep(200);
      return { kind, form, cfg, p };
    } finally {
      await p.stop();
    }
  });
  let lines = 0;
  for (const { kind, form, cfg, p } of outputs) {
    const text = [...p.logs.map((l) => JSON.stringify(l)), p.stderr.join('')].join('\n');
    lines += p.logs.length;
    assert.deepEqual(leaks(text), [], `${kind} with ${form} printed a password`);
    const c = (cfg as { config: Record<string, string> }).config;
    assert.match(c.REDIS_URL!, /\*\*\*/, `${kind} ${form}: REDIS_URL shown redacted`);
    if ('ADMIN_TOKEN' in c) assert.equal(c.ADMIN_TOKEN, '***');
    if (kind === 'login') assert.match(c.AUTH_URL!, /^http:\/\/auth:\*\*\*@127\.0\.0\.1:\d+\/check\?token=\*\*\*&x=1$/);
  }
  t.diagnostic(`${outputs.length} processes, ${lines} log lines, ${SECRETS.length} passwords searched`);
});

test('malformed configs holding passwords: one line naming the variable, exit 2, no password', { timeout: 120_000 }, async (t) => {
  const cases: { kinds: readonly Kind[]; variable: string; env: () => Record<string, string> }[] = [
    { kinds: KINDS, variable: 'REDIS_URL', env: () => ({ REDIS_URL: `redis://:${pw('m1')}@127.0.0.1:99999` }) },
    { kinds: KINDS, variable: 'REDIS_URL', env: () => ({ REDIS_URL: `redis://user:${pw('m2')}@` }) },
    { kinds: ['appmgr'], variable: 'REDIS_URL', env: () => ({ REDIS_URL: `rediss://user:${pw('m3')}@h:1/x?token=${pw('m3q')}` }) },
    { kinds: ['game'], variable: 'REDIS_URL', env: () => ({ REDIS_URL: `redis-sentinel://user:${pw('m4')}@h1:1,,h3:3/mymaster` }) },
    { kinds: ['login'], variable: 'REDIS_URL', env: () => ({ REDIS_URL: `http://user:${pw('m5')}@h:1` }) },
    { kinds: ['appmgr', 'game'], variable: 'REDIS_SENTINELS', env: () => ({ REDIS_SENTINELS: `:${pw('m6')}@h:1,h:2` }) },
    { kinds: ['login'], variable: 'AUTH_URL', env: () => ({ AUTH_MODE: 'http', AUTH_URL: `ftp://u:${pw('m7')}@auth/check?token=${pw('m7q')}` }) },
  ];
  const runs = cases.flatMap((c) => c.kinds.map((kind) => ({ kind, c })));
  const outputs = await pool(runs, 3, async ({ kind, c }) => {
    const p = startService(kind, { ...(await baseEnv(kind)), ...c.env() });
    const code = await within(p.exited, 30_000, `${kind} exit`).finally(() => p.stop());
    return { kind, c, code, p };
  });
  for (const { kind, c, code, p } of outputs) {
    const stderr = p.stderr.join('');
    const text = [...p.logs.map((l) => JSON.stringify(l)), stderr].join('\n');
    assert.equal(code, 2, `${kind} ${c.variable}: exit ${code}; ${stderr}`);
    const lines = stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `${kind}: ${stderr}`);
    assert.match(lines[0]!, new RegExp(`^gamecluster(?: [a-z]+)?: invalid ${c.variable}=`));
    assert.deepEqual(leaks(text), [], `${kind} with a malformed ${c.variable} printed a password: ${lines[0]}`);
  }
  t.diagnostic(`${outputs.length} processes refused their config without printing a password`);
});
