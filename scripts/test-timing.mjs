// Loaded into every test file's process by scripts/test.sh (--import): at exit it appends the file's whole run time
// (process start to exit: its setup, tests and teardown) and the CPU it and the children it reaped used (Linux
// /proc/self/stat utime+stime+cutime+cstime: the servers a file starts are its children) to $GC_TEST_TIMES/times.tsv,
// for scripts/test-file-times.mjs.
import { appendFileSync, readFileSync } from 'node:fs';

const dir = process.env.GC_TEST_TIMES;
const file = process.argv[1] ?? '';

/** CPU seconds of this process and its reaped children, or -1 where /proc is not there. */
function cpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on (the name may hold spaces)
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return -1;
  }
}

if (dir && /\.test\.ts$/.test(file)) {
  process.on('exit', () => {
    try {
      appendFileSync(`${dir}/times.tsv`, `${Math.round(performance.now())}\t${cpuSeconds().toFixed(2)}\t${file}\n`);
    } catch {
      // A figure only: a test's outcome never depends on it.
    }
  });
}
