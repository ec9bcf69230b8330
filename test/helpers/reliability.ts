/**
 * Small tools of the reliability suite (test/reliability-*.test.ts): a child process's open file descriptors and
 * RSS read from /proc/<pid>, a /metrics scrape on a connection of its own that is closed afterwards (a keep-alive
 * scrape would itself be an fd in the process being counted), the pods' logs checked for errors, and figures
 * printed in one recognisable line per measurement (`# reliability <name>: {...}`) for docs/reliability.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { ServiceProcess } from './service-process.js';

/** Open file descriptors of a process (`/proc/<pid>/fd`). */
export function fdCount(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** Resident set size of a process in bytes (`VmRSS` of `/proc/<pid>/status`). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}

export const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** GET http://127.0.0.1:<port><path> on a fresh connection closed after the answer. */
export function httpGet(port: number, path: string, timeoutMs = 5000): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false, headers: { connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET :${port}${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export type Samples = { name: string; labels: Record<string, string>; value: number }[];

/** Every sample of a /metrics page (scraped on its own connection). */
export async function scrape(port: number): Promise<Samples> {
  const { status, text } = await httpGet(port, '/metrics');
  // A 404 (e.g. appmgr's public port, which serves no /metrics) must not read as "every counter is 0".
  if (status !== 200) throw new Error(`GET :${port}/metrics answered ${status}`);
  const out: Samples = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const kv of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[kv[1]!] = kv[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** Sum of the samples of `name` whose labels include `labels`. */
export function sample(s: Samples, name: string, labels: Record<string, string> = {}): number {
  return s.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v)).reduce((a, x) => a + x.value, 0);
}

/** `gamecluster_frames_rejected_total` by reason (non-zero ones). */
export function rejectedByReason(s: Samples): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of s) if (x.name === 'gamecluster_frames_rejected_total' && x.value > 0) out[x.labels.reason!] = (out[x.labels.reason!] ?? 0) + x.value;
  return out;
}

/** Log lines at error (50) or fatal (60) of a service, to assert a run left none. */
export function errorLogs(p: ServiceProcess): Record<string, unknown>[] {
  return p.logs.filter((l) => typeof l.level === 'number' && l.level >= 50);
}

/** Prints one figure line for docs/reliability.md. */
export function figure(name: string, values: Record<string, unknown>): void {
  console.log(`# reliability ${name}: ${JSON.stringify(values)}`);
}

/** Runs `fn` over `items` with at most `n` in flight. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** `p`, or a rejection naming `what` after `ms` (the timer is cleared either way). */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
