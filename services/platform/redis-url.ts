/**
 * The one parser of REDIS_URL / REDIS_SENTINELS. It turns `redis://[user:pass@]host[:port][/db]`, `rediss://…` (TLS),
 * `redis-sentinel://[user:pass@]host:port,host:port,…[/mastername]` or a `host:port,host:port[/mastername]` sentinel
 * list into the connection part of the ioredis options. Config validation (services/platform/config.ts) and the
 * client factory (services/registry/redis-client.ts) both call it, so a value that passes validation is exactly a
 * value the client can use. It never uses `new URL()` (which refuses multi-host authorities) and its error messages
 * never contain the value (the caller prints a redacted copy).
 */

export class RedisUrlError extends Error {
  readonly code = 'REDIS_URL_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'RedisUrlError';
  }
}

/** The connection part of ioredis' options (a structural subset of RedisOptions, so this module imports nothing). */
export interface RedisTarget {
  host?: string;
  port?: number;
  db?: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  sentinels?: { host: string; port: number }[];
  /** The Sentinel master name. */
  name?: string;
}

const SCHEMES = 'redis|rediss|redis-sentinel';

function decode(s: string, what: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new RedisUrlError(`a ${what} with a bad %-escape`);
  }
}

function port(s: string | undefined, def: number): number {
  if (s === undefined || s === '') return def;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 65535) throw new RedisUrlError('a port from 1 to 65535');
  return n;
}

/** `[ipv6]:port`, `host:port` or `host` (default port `def`). */
function hostPort(hp: string, def: number): { host: string; port: number } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+))(?::(\d*))?$/.exec(hp.trim());
  if (!m) throw new RedisUrlError('host:port addresses');
  return { host: (m[1] ?? m[2])!, port: port(m[3], def) };
}

function credentials(auth: string | undefined): Pick<RedisTarget, 'username' | 'password'> {
  if (!auth) return {};
  const i = auth.indexOf(':');
  // `redis://secret@host` is read as a password (Redis < 6 had no users), like ioredis does.
  const user = i >= 0 ? auth.slice(0, i) : '';
  const pass = i >= 0 ? auth.slice(i + 1) : auth;
  const out: Pick<RedisTarget, 'username' | 'password'> = {};
  if (user) out.username = decode(user, 'user name');
  if (pass) out.password = decode(pass, 'password');
  return out;
}

function sentinelList(list: string): { sentinels: { host: string; port: number }[]; name: string | undefined } {
  const slash = list.indexOf('/');
  const hosts = slash >= 0 ? list.slice(0, slash) : list;
  const name = slash >= 0 ? list.slice(slash + 1) : '';
  if (name && !/^[A-Za-z0-9_.-]+$/.test(name)) throw new RedisUrlError('a master name of [A-Za-z0-9_.-]');
  if (!hosts.trim()) throw new RedisUrlError('at least one sentinel host:port');
  return { sentinels: hosts.split(',').map((hp) => hostPort(hp, 26379)), name: name || undefined };
}

/**
 * Parses REDIS_URL (and REDIS_SENTINELS, which wins for the sentinel addresses; its `/mastername`, else the URL's,
 * else `mymaster`). Throws RedisUrlError saying what is expected, without the value.
 */
export function parseRedisTarget(url: string, sentinels?: string): RedisTarget {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:(.*)@)?([^@]*)$/s.exec(url.trim());
  if (!m || !new RegExp(`^(?:${SCHEMES})$`).test(m[1]!.toLowerCase())) throw new RedisUrlError(`a URL with scheme ${SCHEMES}`);
  const scheme = m[1]!.toLowerCase();
  const cred = credentials(m[2]);
  const rest = m[3]!;
  if (scheme === 'redis-sentinel' || sentinels) {
    const fromUrl = scheme === 'redis-sentinel' ? sentinelList(rest) : undefined;
    const fromList = sentinels ? sentinelList(sentinels) : undefined;
    const s = (fromList ?? fromUrl)!;
    return { ...cred, sentinels: s.sentinels, name: fromList?.name ?? fromUrl?.name ?? 'mymaster' };
  }
  const r = /^([^/?#]*)(?:\/(\d*))?(?:\?([^#]*))?$/.exec(rest);
  if (!r || !r[1]) throw new RedisUrlError(`a URL with scheme ${SCHEMES} and a host`);
  const out: RedisTarget = { ...hostPort(r[1], 6379), ...cred };
  if (r[2]) out.db = Number(r[2]);
  for (const kv of (r[3] ?? '').split('&').filter(Boolean)) {
    const [k, v = ''] = kv.split('=', 2) as [string, string?];
    if (k === 'password') out.password = decode(v, 'password');
    else if (k === 'username') out.username = decode(v, 'user name');
    else if (k === 'db' && /^\d+$/.test(v)) out.db = Number(v);
    else throw new RedisUrlError('query parameters among password|username|db');
  }
  if (scheme === 'rediss') out.tls = {};
  return out;
}

/** Where the client connects, for logs: hosts and master name, never credentials. */
export function describeRedisTarget(t: RedisTarget): string {
  if (t.sentinels) return `sentinel ${t.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}/${t.name ?? 'mymaster'}`;
  return `${t.tls ? 'rediss' : 'redis'}://${t.host}:${t.port}${t.db ? `/${t.db}` : ''}`;
}
