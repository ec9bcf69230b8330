// Loaded into every test file's process by scripts/test.sh (--import): at exit it appends the file's whole run time
// (process start to exit: its setup, tests and teardown) to $GC_TEST_TIMES/times.tsv, for scripts/test-file-times.mjs.
import { appendFileSync } from 'node:fs';

const dir = process.env.GC_TEST_TIMES;
const file = process.argv[1] ?? '';
if (dir && /\.test\.ts$/.test(file)) {
  process.on('exit', () => {
    try {
      appendFileSync(`${dir}/times.tsv`, `${Math.round(performance.now())}\t${file}\n`);
    } catch {
      // A figure only: a test's outcome never depends on it.
    }
  });
}
