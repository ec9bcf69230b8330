/**
 * `gamecluster probe <healthz|readyz>`: the exec probe of hostNetwork pods, whose metrics port is chosen at start
 * from PORT_RANGE and so is unknown to the kubelet. Reads PORTS_FILE (written by the pod), GETs
 * http://127.0.0.1:<metricsPort>/<check> and exits 0 on 200, 1 otherwise (one line on stderr), 2 on bad usage.
 */
import { request } from 'node:http';
import { env, loadConfigOrExit } from '../platform/config.js';
import { readPortsFile } from './port-range.js';

const usage = `usage: gamecluster probe <healthz|readyz>

Exec probe for EXPOSE_MODE=hostNetwork pods: reads the ports the pod bound from PORTS_FILE and asks its
/healthz or /readyz. Exit 0 healthy/ready, 1 not, 2 bad usage.

Environment (defaults in brackets):
  PORTS_FILE        the pod's ports file [/tmp/gamecluster-ports.json]
  PROBE_TIMEOUT_MS  bound on the request [2000]
`;

const probeEnv = { PORTS_FILE: env.str('/tmp/gamecluster-ports.json'), PROBE_TIMEOUT_MS: env.int(2000, 100, 600_000) };

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return;
  }
  const check = argv[0];
  if (argv.length !== 1 || (check !== 'healthz' && check !== 'readyz')) {
    process.stderr.write(`gamecluster probe: expected one argument healthz|readyz, got ${JSON.stringify(argv.join(' '))}\n`);
    process.exit(2);
  }
  const c = loadConfigOrExit(probeEnv, process.env, 'gamecluster probe');
  let metricsPort: number;
  try {
    metricsPort = readPortsFile(c.PORTS_FILE).metricsPort;
  } catch (err) {
    process.stderr.write(`gamecluster probe: ports not known yet (${(err as Error).message.split('\n', 1)[0]})\n`);
    process.exit(1);
  }
  const status = await new Promise<number | string>((resolve) => {
    const req = request({ host: '127.0.0.1', port: metricsPort, path: `/${check}`, method: 'GET', timeout: c.PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body = (body + d).slice(0, 300)));
      res.on('end', () => resolve(res.statusCode === 200 ? 200 : `HTTP ${res.statusCode} ${body.trim()}`));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${c.PROBE_TIMEOUT_MS} ms (PROBE_TIMEOUT_MS)`)));
    req.on('error', (err) => resolve(err.message));
    req.end();
  });
  if (status === 200) return;
  process.stderr.write(`gamecluster probe: ${check} on 127.0.0.1:${metricsPort}: ${status}\n`);
  process.exit(1);
}
