/**
 * The selection rule on an in-memory snapshot, used only while Redis is down: same rule as the Redis script
 * (ready, below capacity, lowest load, or with `packed` the highest load below capacity) with a local +1 bump so
 * consecutive local picks spread like the shared ones; `ws` considers only pods with a WebSocket port. Pure: mutates
 * only the records it is given.
 */
import type { AppTypeName } from '../protocol/wire.js';
import type { AppRecord, ClientTransport } from '../registry/types.js';
import type { SelectStrategy } from '../registry/redis-selector.js';

export function pickLocal(apps: AppRecord[], appType: AppTypeName, strategy: SelectStrategy, transport: ClientTransport = 'tcp'): AppRecord | undefined {
  let best: AppRecord | undefined;
  let bestLoad = 0;
  for (const a of apps) {
    if (a.appType !== appType || a.state !== 'ready' || a.capacity <= 0 || a.online >= a.capacity) continue;
    if (transport === 'ws' && !(a.wsPort! > 0)) continue;
    const load = a.online / a.capacity;
    if (!best || (strategy === 'packed' ? load > bestLoad : load < bestLoad)) {
      best = a;
      bestLoad = load;
    }
  }
  if (best) best.online += 1;
  return best;
}
