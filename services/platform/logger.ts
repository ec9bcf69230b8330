/**
 * The pino JSON logger every service uses (LOG_LEVEL, stdout). `service` and `app_id` are bound on every line so a
 * log aggregator can group by pod. Secrets never reach the logger: config is redacted before it is logged, and every
 * line goes through the URL-credential rule (./redact.ts) on its way out, for the messages we do not write ourselves
 * (e.g. fetch refusing a URL with credentials quotes the URL).
 */
import { pino, type Logger } from 'pino';
import { redactUrl } from './redact.js';

export type { Logger };

export function createLogger(service: string, level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service, pid: process.pid, ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: (line) => (line.includes('@') || line.includes('=') ? redactUrl(line) : line) },
  });
}
