/**
 * Summarizes a `node --cpu-prof` profile: the top frames by self time (share of all samples) and the top files, so a
 * bench's "where does the time go" fits in a few lines of docs/benchmarks.md.
 * Run: `npx tsx bench/cpu-profile-top.ts <file.cpuprofile> [--top 25]`.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const args = process.argv.slice(2);
const file = args[0];
if (!file) throw new Error('usage: cpu-profile-top <file.cpuprofile> [--top N]');
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 25;
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
// Shares of the busy samples: (idle) is left out (a server waiting for its load is not a cost).
const idleIds = new Set(prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const total = prof.samples.filter((s) => !idleIds.has(s)).length;
const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(/^.*?\/(services|test|bench)\//, '$1/');
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, n] of hits) {
  if (idleIds.has(id)) continue;
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url ? `${short(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
  fn.set(key, (fn.get(key) ?? 0) + n);
  const fk = f.url ? short(f.url).split(':')[0]! : f.functionName;
  files.set(fk, (files.get(fk) ?? 0) + n);
}
const pct = (n: number) => `${((n / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`${total} busy samples (of ${prof.samples.length}) in ${file}; shares of the busy ones`);
console.log('top frames by self time:');
for (const [k, n] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(n)}  ${k}`);
console.log('by file / native:');
for (const [k, n] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(n)}  ${k}`);

// --callers <functionName>: the call stacks (5 frames up) that end in that function, by self samples.
if (args.includes('--callers')) {
  const want = args[args.indexOf('--callers') + 1];
  const parent = new Map<number, number>();
  for (const n of prof.nodes as (Node & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  for (const [id, n] of hits) {
    if (byId.get(id)!.callFrame.functionName !== want) continue;
    const chain: string[] = [];
    for (let p = parent.get(id), k = 0; p !== undefined && k < (Number(process.env.DEPTH) || 6); p = parent.get(p), k++) {
      const f = byId.get(p)!.callFrame;
      chain.push(`${f.functionName || '(anon)'}@${short(f.url).split('/').pop()}:${f.lineNumber + 1}`);
    }
    stacks.set(chain.join(' < '), (stacks.get(chain.join(' < ')) ?? 0) + n);
  }
  console.log(`callers of ${want}:`);
  for (const [k, n] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${pct(n)}  ${k}`);
}
