// A node:test reporter that prints, after the run, its wall time and the slowest test files. A file's time is from
// the first to the last event its test process reported (node:test reports no per-file result of its own on Node 20),
// which is close to the file's run time: its process reports as it goes. Used by scripts/test.sh beside the spec
// reporter.
const started = performance.now();

export default async function* fileTimes(source) {
  const files = new Map();
  for await (const event of source) {
    const file = event.data?.file;
    if (!file) continue;
    const now = performance.now();
    const f = files.get(file) ?? { first: now, last: now, failed: false };
    f.last = now;
    if (event.type === 'test:fail') f.failed = true;
    files.set(file, f);
  }
  const list = [...files].map(([file, f]) => ({ file: file.replace(`${process.cwd()}/`, ''), ms: f.last - f.first, failed: f.failed }));
  list.sort((a, b) => b.ms - a.ms);
  const wall = (performance.now() - started) / 1000;
  yield `\ntest files: ${list.length}, wall ${wall.toFixed(0)} s\nslowest files (first to last event):\n`;
  for (const f of list.slice(0, 10)) yield `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}${f.failed ? '  (failed)' : ''}\n`;
}
