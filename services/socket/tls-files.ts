/**
 * The certificate and key of a TLS listener (`TLS_CERT_FILE` / `TLS_KEY_FILE`), read at start and re-read when either
 * file changes: cert-manager and Kubernetes Secret mounts replace the files (through a symlink swap) without telling
 * anyone. The files are polled (`fs.watchFile` follows the path, so a swapped symlink is seen, which `fs.watch` on the
 * old inode would miss). A new pair that does not load (half-written, mismatched) is refused with a warning and the
 * old one stays in service.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { Logger } from 'pino';
import { ConfigError } from '../platform/config.js';

export interface TlsFileNames {
  certFile: string;
  keyFile: string;
}

/** Reads and checks a pair; throws a ConfigError naming the variable at fault (a bad pair stops the start). */
export function loadTlsPair(f: TlsFileNames): SecureContextOptions {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(f.certFile);
  } catch (err) {
    throw new ConfigError('TLS_CERT_FILE', `cannot read TLS_CERT_FILE ${JSON.stringify(f.certFile)}: ${(err as Error).message}`);
  }
  try {
    key = readFileSync(f.keyFile);
  } catch (err) {
    throw new ConfigError('TLS_KEY_FILE', `cannot read TLS_KEY_FILE ${JSON.stringify(f.keyFile)}: ${(err as Error).message}`);
  }
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError('TLS_CERT_FILE', `TLS_CERT_FILE/TLS_KEY_FILE do not form a usable certificate and key: ${(err as Error).message}`);
  }
  return { cert, key };
}

export class TlsFiles {
  private pair: SecureContextOptions;
  private readonly listeners: ((pair: SecureContextOptions) => void)[] = [];
  private watching = false;

  constructor(
    readonly names: TlsFileNames,
    private readonly logger: Logger,
    private readonly pollMs = 2000,
  ) {
    this.pair = loadTlsPair(names);
  }

  current(): SecureContextOptions {
    return this.pair;
  }

  /** Calls `fn` with each new pair that loads; starts polling the files on the first subscriber. */
  onChange(fn: (pair: SecureContextOptions) => void): void {
    this.listeners.push(fn);
    if (this.watching) return;
    this.watching = true;
    const check = () => this.reload();
    watchFile(this.names.certFile, { interval: this.pollMs, persistent: false }, check);
    watchFile(this.names.keyFile, { interval: this.pollMs, persistent: false }, check);
  }

  /** Re-reads the files now (also what the poller calls). True when a new pair is in service. */
  reload(): boolean {
    let next: SecureContextOptions;
    try {
      next = loadTlsPair(this.names);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'tls: the new certificate/key do not load; keeping the old pair');
      return false;
    }
    if (Buffer.compare(next.cert as Buffer, this.pair.cert as Buffer) === 0 && Buffer.compare(next.key as Buffer, this.pair.key as Buffer) === 0) return false;
    this.pair = next;
    this.logger.info({ cert_file: this.names.certFile }, 'tls: certificate reloaded');
    for (const fn of this.listeners) fn(next);
    return true;
  }

  close(): void {
    if (!this.watching) return;
    unwatchFile(this.names.certFile);
    unwatchFile(this.names.keyFile);
    this.watching = false;
  }
}
