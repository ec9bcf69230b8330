/**
 * The pino JSON logger every service uses (LOG_LEVEL, stdout). `service` and `app_id` are bound on every line so a
 * log aggregator can group by pod. Secrets never reach the logger: config is redacted before it is logged.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(service: string, level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service, pid: process.pid, ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
