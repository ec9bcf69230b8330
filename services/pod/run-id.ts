/**
 * The pod's run id (rooms.md, AppInfoSync.run_id): new at every start of a pod, so a room or a session bound to a run
 * of a pod that died, or that restarted under the same name, is found dead by the registry. The workers of a
 * `WORKERS>1` pod inherit their primary's run id through the environment (node:cluster copies the primary's
 * environment into every fork, a restarted worker's included): a worker restart does not start a new run. Only our
 * own workers read it, so an operator's variable can never make two runs share an id.
 */
import { randomBytes } from 'node:crypto';
import { workerIndex } from '../platform/workers.js';

/** The variable a primary sets for the workers it forks. */
export const RUN_ID_ENV = 'GAMECLUSTER_RUN_ID';

const RUN_ID_RE = /^[0-9a-f]{16}$/;

/** A fresh run id: 16 hex chars (64 random bits). */
export function newRunId(): string {
  return randomBytes(8).toString('hex');
}

/** Inside one of our workers: the run id its primary exported (undefined elsewhere or when absent). */
export function inheritedRunId(): string | undefined {
  const v = process.env[RUN_ID_ENV];
  return workerIndex() !== undefined && v && RUN_ID_RE.test(v) ? v : undefined;
}

/** A primary: the workers it forks from now on (restarts included) run under `runId`. */
export function exportRunId(runId: string): void {
  process.env[RUN_ID_ENV] = runId;
}
