/**
 * The key a per-client-address budget counts under (protocol.md "Resource budgets", queue.md "Abuse"): an IPv4
 * address as it is (an IPv4-mapped IPv6 address `::ffff:a.b.c.d` as its IPv4), an IPv6 address by its /64 — one
 * subscriber usually holds a whole /64 and rotates freely inside it, so counting full addresses would hand each
 * client 2^64 budgets. Anything that is not an IP (a test's fake address, '') is its own key.
 */
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED = '::ffff:';

/** The per-address budget key of `ip` (IPv4 as is, IPv6 as `<first 4 groups>::/64`). */
export function addressKey(ip: string): string {
  if (!ip.includes(':')) return ip; // IPv4 (the common case: no parsing)
  if (ip.length > 7 && ip.slice(0, 7).toLowerCase() === MAPPED && isIPv4(ip.slice(7))) return ip.slice(7);
  const zone = ip.indexOf('%');
  const a = zone >= 0 ? ip.slice(0, zone) : ip;
  if (!isIPv6(a)) return ip;
  return `${ipv6Groups(a).slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The 8 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 as two groups). */
export function ipv6Groups(a: string): number[] {
  const parse = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        const [b0, b1, b2, b3] = g.split('.').map(Number) as [number, number, number, number];
        out.push((b0 << 8) | b1, (b2 << 8) | b3);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const gap = a.indexOf('::');
  if (gap < 0) return parse(a);
  const head = parse(a.slice(0, gap));
  const tail = parse(a.slice(gap + 2));
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
