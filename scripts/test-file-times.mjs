// A node:test reporter that prints, after the run, its wall time, the slowest test files (each file's time being its
// own process from start to exit) and the files that used the most CPU (with the servers they started), as recorded
// by scripts/test-timing.mjs into $GC_TEST_TIMES. Used by scripts/test.sh beside the spec reporter.
import { readFileSync } from 'node:fs';

const started = performance.now();

export default async function* fileTimes(source) {
  let failed = 0;
  for await (const event of source) if (event.type === 'test:fail' && event.data.nesting === 0) failed++;
  const wall = (performance.now() - started) / 1000;
  let rows = [];
  try {
    rows = readFileSync(`${process.env.GC_TEST_TIMES}/times.tsv`, 'utf8').trim().split('\n').map((l) => l.split('\t')).map(([ms, cpu, f]) => ({ ms: Number(ms), cpu: Number(cpu), file: f.replace(`${process.cwd()}/`, '') }));
  } catch {
    // No figures (run outside scripts/test.sh).
  }
  rows.sort((a, b) => b.ms - a.ms);
  yield `\ntest files: ${rows.length}, wall ${wall.toFixed(0)} s, failed top-level tests: ${failed}\nslowest files (process start to exit):\n`;
  for (const r of rows.slice(0, 10)) yield `  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.file}\n`;
  const cpu = rows.filter((r) => r.cpu >= 0).sort((a, b) => b.cpu - a.cpu);
  if (cpu.length > 0) {
    yield `most CPU (the file's process and the servers it started; ${cpu.reduce((a, r) => a + r.cpu, 0).toFixed(0)} s in all):\n`;
    for (const r of cpu.slice(0, 10)) yield `  ${r.cpu.toFixed(1).padStart(6)} s  ${r.file}\n`;
  }
}
