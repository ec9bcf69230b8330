/**
 * The built-in `echo` module (the default): no messages of its own and no hooks. The game pod answers Ping and
 * C2G_Echo itself (platform messages, whatever the module), so this is exactly the pod's behaviour before modules.
 * Stateless: the only module a WORKERS>1 game pod may run.
 */
import { defineGame } from './define.js';

export default defineGame({ name: 'echo' });
