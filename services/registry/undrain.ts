/**
 * UndrainApp's two small scripts, kept apart from the heartbeat script on purpose. A pod drained by DrainApp keeps
 * draining on its own (it reports `draining` in every beat), so the drain flag's expiry never undrains it. UndrainApp
 * deletes the flag and leaves an undrain marker; only a pod draining because of DrainApp asks for that marker after
 * each beat (one extra round trip per beat while drained, none otherwise), takes it atomically (DEL → 1), and returns to
 * ready. The marker lives one APP_TTL_MS: a pod that does not beat within that long is gone from the registry anyway,
 * and DrainApp deletes a leftover marker so it cannot undo a later drain.
 */
import type { ScriptDef } from './lua-scripts.js';

/** KEYS: app hash, drain flag, undrain marker. ARGV: marker ttl ms. 0 if the app is unknown. */
export const undrainScript: ScriptDef = {
  name: 'gcUndrain',
  numberOfKeys: 3,
  lua: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[3], '1', 'PX', ARGV[1])
return 1
`,
};
