/**
 * `WORKERS` — how many processes one appmgr, login or game pod runs (docs/architecture.md "Multi-core workers"). `1` (the default) keeps the
 * single-process service exactly as it was: no primary, no IPC. `N > 1` makes the process a `node:cluster` primary
 * that forks N workers sharing the listening ports (round-robin accept); `auto` is the CPUs this process may use:
 * os.availableParallelism() (the cpuset) capped by the cgroup CPU quota rounded up — Node's count alone ignores a
 * container's CPU limit and would fork one worker per CPU of the node. This module only parses the variable and says which
 * role the current process plays; the machinery is in worker-pool.ts (primary) and worker-link.ts (worker).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Upper bound: more workers than this is a typo, not a plan (each worker is a full Node process). */
export const MAX_WORKERS = 256;

const ALLOWED = `an integer from 1 to ${MAX_WORKERS} or "auto"`;

/** The zod schema of `WORKERS`: "auto" or 1..256, default 1. Output: a number, or 'auto'. */
export const workersSchema = () =>
  z
    .string()
    .trim()
    .regex(/^(?:auto|\d+)$/i, ALLOWED)
    .transform((v) => (v.toLowerCase() === 'auto' ? ('auto' as const) : Number(v)))
    .pipe(z.union([z.literal('auto'), z.number().int().min(1, ALLOWED).max(MAX_WORKERS, ALLOWED)]))
    .default(1);

export type WorkersSetting = number | 'auto';

/**
 * CPUs allowed by the cgroup quota, rounded up (`cpu.max` "200000 100000" → 2, "150000 100000" → 2), or undefined
 * when there is no quota ("max", cgroup v1 quota -1, or no cgroup files: not in a container).
 */
export function cgroupCpuLimit(read: (path: string) => string | undefined = readText): number | undefined {
  const v2 = read('/sys/fs/cgroup/cpu.max')?.trim().split(/\s+/);
  if (v2 && v2.length >= 1) {
    if (v2[0] === 'max') return undefined;
    const [q, p] = [Number(v2[0]), Number(v2[1] ?? 100000)];
    if (q > 0 && p > 0) return Math.ceil(q / p);
  }
  const q1 = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')?.trim());
  const p1 = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us')?.trim());
  if (q1 > 0 && p1 > 0) return Math.ceil(q1 / p1);
  return undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The worker count `setting` means here (`auto` = available CPUs capped by the CPU quota, at least 1). */
export function resolveWorkers(setting: WorkersSetting, cpus: () => number = availableParallelism, quota: () => number | undefined = cgroupCpuLimit): number {
  if (setting !== 'auto') return setting;
  const limit = quota();
  return Math.max(1, Math.min(MAX_WORKERS, cpus(), limit ?? Infinity));
}

/** The env variable the primary sets on each worker: its stable slot 0..N-1 (kept across restarts). */
export const WORKER_INDEX_ENV = 'GAMECLUSTER_WORKER_INDEX';

export type ProcessRole = 'single' | 'primary' | 'worker';

/** What this process is: a single-process service (WORKERS=1), the cluster primary, or one of its workers. */
export function processRole(workers: number): ProcessRole {
  // Only our own forks (they carry the slot variable), not a process that happens to run under someone's cluster.
  if (cluster.isWorker && process.env[WORKER_INDEX_ENV] !== undefined) return 'worker';
  return workers > 1 ? 'primary' : 'single';
}

/** This worker's slot 0..N-1 (a bounded metrics label), or undefined outside a worker. */
export function workerIndex(): number | undefined {
  if (!cluster.isWorker) return undefined;
  const v = Number(process.env[WORKER_INDEX_ENV]);
  return Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** `--help` line shared by the three services. */
export const workersHelp = `  WORKERS           processes per pod: an integer ≥ 1 or auto (one per CPU); >1 = node:cluster, round-robin accept [1]`;
