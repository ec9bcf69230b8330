/**
 * `gamecluster/client` — the client SDK (docs/client-sdk.md). This entry runs in Node (TCP, TLS, WebSocket) and
 * anywhere else with `fetch` + WebSocket; Node's built-ins are reached only through a dynamic import taken when
 * running in Node. Bundlers resolving the package's `browser` condition get `browser.ts` instead, which has no path
 * to them at all.
 */
import { browserIo } from './browser-io.js';
import type { ClientIo } from './io.js';
import { createConnect } from './session.js';

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
let nodeIo: Promise<ClientIo> | undefined;

/** Runs the whole flow and resolves an online session (see ConnectOptions). */
export const connect = createConnect(async () => (isNode ? (nodeIo ??= import('./node-io.js').then((m) => m.nodeIo)) : browserIo), isNode ? 'tcp' : 'ws');

export * from './public.js';
