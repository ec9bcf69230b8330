/** A free TCP port on 127.0.0.1: the same helper `gamecluster local` uses (services/local/child-process.ts). */
export { freePort } from '../../services/local/child-process.js';
