/**
 * hostNetwork pods share their Node's ports, so each binds free ports of PORT_RANGE (Agones' dynamic ports without a
 * controller): `listenInRange` tries the range's ports in order with the real listener and skips those in use
 * (EADDRINUSE) or already taken by this pod; the kernel arbitrates between pods, so two pods never get the same port.
 * The chosen ports go to PORTS_FILE, which `gamecluster probe` reads (the kubelet's probes cannot know them).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import type { PortRange } from './expose-config.js';

export class PortRangeExhaustedError extends Error {
  readonly code = 'PORT_RANGE_EXHAUSTED';
  constructor(range: PortRange, what: string) {
    super(`no free port for ${what} in PORT_RANGE ${range.lo}-${range.hi}`);
    this.name = 'PortRangeExhaustedError';
  }
}

/** Calls `listen(port)` on the range's ports in order until one binds; other errors than EADDRINUSE are thrown. */
export async function listenInRange(range: PortRange, what: string, listen: (port: number) => Promise<number>, taken: ReadonlySet<number> = new Set()): Promise<number> {
  for (let p = range.lo; p <= range.hi; p++) {
    if (taken.has(p)) continue;
    try {
      return await listen(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new PortRangeExhaustedError(range, what);
}

/**
 * A `listen` for listenInRange that binds and releases at once: for a listener another process binds later (the
 * WORKERS>1 primary's workers). Another pod may take the port in between; the worker then fails to listen and the pod
 * restarts — rare, and loud rather than wrong.
 */
export function probeListen(host: string): (port: number) => Promise<number> {
  return (port) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen({ port, host, exclusive: true }, () => s.close(() => resolve(port)));
    });
}

export interface PortsFile {
  port: number;
  metricsPort: number;
  /** 0: no WebSocket listener. */
  wsPort?: number;
  pid: number;
}

/** Written atomically (rename) so a probe never reads half a file. */
export function writePortsFile(path: string, ports: Omit<PortsFile, 'pid'>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...ports, pid: process.pid }) + '\n');
  renameSync(tmp, path);
}

export function readPortsFile(path: string): PortsFile {
  const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<PortsFile>;
  if (!Number.isInteger(v.metricsPort) || !Number.isInteger(v.port)) throw new Error(`${path}: no port/metricsPort`);
  return v as PortsFile;
}
