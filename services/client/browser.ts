/**
 * `gamecluster/client` for browsers (the package's `browser` export condition): the same API as the Node entry over
 * WebSocket only, with no path to any Node built-in (test/client-bundle.test.ts bundles it and checks).
 */
import { browserIo } from './browser-io.js';
import { createConnect } from './session.js';

/** Runs the whole flow over WebSocket and resolves an online session (see ConnectOptions). */
export const connect = createConnect(async () => browserIo, 'ws');

export * from './public.js';
