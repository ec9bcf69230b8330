/**
 * Graceful shutdown for every service on SIGTERM/SIGINT (close-with-grace): the first signal runs `close`
 * (drain, then stop listeners and Redis), a second signal or `forceAfterMs` forces exit 1. An uncaught error
 * is logged once with its stack and also closes gracefully (exit 1), so Kubernetes restarts a broken pod.
 */
import closeWithGrace from 'close-with-grace';
import type { Logger } from './logger.js';

export function onShutdown(logger: Logger, forceAfterMs: number, close: (signal: string) => Promise<void>): { close(): void } {
  return closeWithGrace(
    {
      delay: forceAfterMs,
      logger: { error: (m: unknown) => logger.error({ err: m }, 'shutdown') },
      onSecondSignal: (signal) => {
        logger.warn({ signal }, 'second signal: forcing exit');
        process.exit(1);
      },
      onTimeout: (delay) => logger.error({ delay }, 'graceful shutdown timed out: forcing exit'),
    },
    async ({ signal, err }) => {
      if (err) logger.error({ err }, 'uncaught error: shutting down');
      else logger.info({ signal }, 'shutting down');
      await close(signal ?? 'error');
    },
  );
}
