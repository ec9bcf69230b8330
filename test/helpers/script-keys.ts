/**
 * The check that every key a Lua script touches is passed in its KEYS (proxies and Redis-compatible servers route and
 * check by them), on a real redis-server with MONITOR: each command a script runs (source `lua`) is paired with the
 * EVAL/EVALSHA that declared its keys, and every access to a key under `tag` that was not declared is a violation
 * (PUBLISH names a channel, not a key). The registry's and the queue's tests run their operations inside
 * `assertKeysDeclared`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Redis } from 'ioredis';
import { waitFor } from './wait-for.js';

export interface ScriptKeysReport {
  /** Script calls seen. */
  scripts: number;
  /** Key accesses under `tag` inside them. */
  keyed: number;
  /** `<COMMAND> <key>` for each access to a key the script did not declare. */
  violations: string[];
}

export async function watchScriptKeys(redis: Redis, tag: string): Promise<{ done(): Promise<ScriptKeysReport> }> {
  const mon = await redis.monitor();
  const marker = `script-keys-done-${randomBytes(4).toString('hex')}`;
  const report: ScriptKeysReport = { scripts: 0, keyed: 0, violations: [] };
  let declared: Set<string> | null = null;
  let flushed = false;
  mon.on('monitor', (_t: string, args: string[], source: string) => {
    const cmd = String(args[0]).toUpperCase();
    if (source !== 'lua') {
      if (cmd === 'ECHO' && args[1] === marker) flushed = true;
      declared = cmd === 'EVALSHA' || cmd === 'EVAL' ? new Set(args.slice(3, 3 + Number(args[2]))) : null;
      if (declared) report.scripts++;
      return;
    }
    if (cmd === 'PUBLISH') return;
    for (const a of args.slice(1)) {
      if (!a.startsWith(tag)) continue;
      report.keyed++;
      if (!declared?.has(a)) report.violations.push(`${cmd} ${a}`);
    }
  });
  return {
    async done() {
      // MONITOR lines arrive after the commands' answers: a marker sent last is seen once everything before it was.
      try {
        await redis.echo(marker);
        await waitFor('the last MONITOR lines', () => flushed, 5000, 10);
      } finally {
        mon.disconnect();
      }
      return report;
    },
  };
}

/**
 * Runs `ops` under the watch and asserts that every key access under `tag` was declared — and that at least `min`
 * script calls and key accesses were seen, so a silent MONITOR cannot pass.
 */
export async function assertKeysDeclared(t: TestContext, redis: Redis, tag: string, min: { scripts: number; keyed: number }, ops: () => Promise<void>): Promise<void> {
  const watch = await watchScriptKeys(redis, tag);
  let report: ScriptKeysReport;
  try {
    await ops();
  } finally {
    report = await watch.done();
  }
  const { scripts, keyed, violations } = report;
  t.diagnostic(`script calls: ${scripts}, key accesses inside them: ${keyed}`);
  assert.ok(scripts >= min.scripts && keyed >= min.keyed, `only ${scripts} script calls / ${keyed} key accesses seen`);
  assert.deepEqual(violations, []);
}
