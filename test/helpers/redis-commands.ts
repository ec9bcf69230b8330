/**
 * Counts the Redis commands one client sends (commands its scripts run included), with MONITOR on a real
 * redis-server: the Redis work a heartbeat costs. (The KEYS check is script-keys.ts.)
 */
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

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
