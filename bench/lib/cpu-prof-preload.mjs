// Preloaded into pods by bench/player-flow.ts --cpu-prof (NODE_OPTIONS=--import <this>; Node 20 refuses --cpu-prof
// in NODE_OPTIONS): profiles the process from start to exit through the inspector and writes
// $BENCH_CPU_PROF_DIR/<pid>.cpuprofile when it exits (the main-thread session answers synchronously).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.once('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(res.profile));
    });
  });
}
