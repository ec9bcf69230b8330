// A node:test reporter that prints, after the run, its wall time and the slowest test files (the per-file time is
// the file's own test process, from node:test's file-level result). Used by scripts/test.sh next to the spec reporter.
const started = performance.now();

export default async function* fileTimes(source) {
  const files = [];
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && /\.test\.ts$/.test(event.data.name)) {
      files.push({ file: event.data.name.replace(`${process.cwd()}/`, ''), ms: event.data.details?.duration_ms ?? 0, ok: event.type === 'test:pass' });
    }
  }
  files.sort((a, b) => b.ms - a.ms);
  const wall = (performance.now() - started) / 1000;
  const sum = files.reduce((s, f) => s + f.ms, 0) / 1000;
  yield `\ntest files: ${files.length}, wall ${wall.toFixed(0)} s, sum of file times ${sum.toFixed(0)} s\nslowest files:\n`;
  for (const f of files.slice(0, 10)) yield `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}${f.ok ? '' : '  (failed)'}\n`;
}
