// Preloaded into a pod by the memory bench (NODE_OPTIONS=--import <this>): SIGWINCH runs two full GCs, so the bench
// can read RSS "after a GC" from /proc without a control channel into the pod. --expose-gc is not accepted in
// NODE_OPTIONS on Node 20, hence the flag set at run time and gc() taken from a fresh context.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGWINCH', () => {
  gc();
  gc();
});
