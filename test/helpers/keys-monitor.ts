/**
 * Watches a real redis-server with MONITOR and checks that every key a script touches (commands run from Lua) was
 * declared in that script call's KEYS. Keys outside the hash tag `tag` are ignored; PUBLISH names a channel.
 */
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DeclaredKeysReport {
  scripts: number;
  keyed: number;
  violations: string[];
}

export async function watchDeclaredKeys(client: Redis, tag: string): Promise<{ stop(): Promise<DeclaredKeysReport> }> {
  const mon = await client.monitor();
  const report: DeclaredKeysReport = { scripts: 0, keyed: 0, violations: [] };
  let declared: Set<string> | null = null;
  mon.on('monitor', (_t: string, args: string[], source: string) => {
    if (source !== 'lua') {
      const cmd = String(args[0]).toLowerCase();
      declared = cmd === 'evalsha' || cmd === 'eval' ? new Set(args.slice(3, 3 + Number(args[2]))) : null;
      if (declared) report.scripts++;
      return;
    }
    const cmd = String(args[0]).toUpperCase();
    if (cmd === 'PUBLISH') return;
    for (const a of args.slice(1)) {
      if (!a.startsWith(tag)) continue;
      report.keyed++;
      if (!declared?.has(a)) report.violations.push(`${cmd} ${a}`);
    }
  });
  return {
    async stop() {
      await sleep(200); // the last MONITOR lines
      mon.disconnect();
      return report;
    },
  };
}

/** Counts the commands (inside scripts too) sent by the client whose local address is `source` ("ip:port"). */
export async function countCommandsFrom(client: Redis): Promise<{ count(source: string): number; stop(): Promise<void> }> {
  const mon = await client.monitor();
  const bySource = new Map<string, number>();
  let lastClient = '';
  mon.on('monitor', (_t: string, _args: string[], source: string) => {
    // Commands run by a script are reported with source 'lua'; they belong to the client that called it.
    const who = source === 'lua' ? lastClient : source;
    if (source !== 'lua') lastClient = source;
    bySource.set(who, (bySource.get(who) ?? 0) + 1);
  });
  return {
    count: (source) => bySource.get(source) ?? 0,
    async stop() {
      await sleep(200);
      mon.disconnect();
    },
  };
}
