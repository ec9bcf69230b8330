/**
 * Bench: client-side CPU of one `AllocateGame` unary call — what a login pod pays per player for its call to appmgr
 * (docs/benchmarks.md "Player flow: where the CPU goes"). The server (grpc-js, the real AppMgrService definition, a
 * handler answering at once) runs in a child process; this process calls it `--calls` times, `--concurrency` in flight,
 * in three ways, alternated `--rounds` times, and prints its own CPU per call (process.cpuUsage):
 *   grpc-js  — the generated client's `allocateGame` (what services/login/appmgr-client.ts does);
 *   channel  — grpc-js' lower-level `Channel.createCall` (same channel, no client/interceptor layer);
 *   raw h2   — one node:http2 session, a gRPC-framed POST per call (headers, 5-byte prefix, trailers), no grpc-js.
 * Run: `npx tsx bench/grpc-client-cost.ts [--calls 20000] [--concurrency 50] [--rounds 2]`.
 */
import { fork } from 'node:child_process';
import http2 from 'node:http2';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import { median, numFlag } from './lib/measure.js';

const args = process.argv.slice(2);
const { proto, packageDefinition } = loadAppmgrProto();

if (args[0] === 'server') {
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  const answer = { returnCode: 'RETURN_CODE_OK', appId: 'g1', ip: '127.0.0.1', port: 5003, wsPort: 0 };
  server.addService(proto.gamecluster.v1.AppMgrService.service, { AllocateGame: (_c: unknown, cb: (e: null, r: typeof answer) => void) => cb(null, answer) } as never);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  process.send!({ port });
} else {
  const CALLS = numFlag(args, '--calls', 20_000);
  const CONCURRENCY = numFlag(args, '--concurrency', 50);
  const ROUNDS = numFlag(args, '--rounds', 2);
  const child = fork(fileURLToPath(import.meta.url), ['server'], { execArgv: ['--import', 'tsx'] });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    const def = (packageDefinition['gamecluster.v1.AppMgrService'] as Record<string, grpc.MethodDefinition<object, object>>).AllocateGame!;
    const request = { account: 'player-1', websocket: false };
    const client = new (proto.gamecluster.v1.AppMgrService as unknown as grpc.ServiceClientConstructor)(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { 'grpc.enable_channelz': 0 });
    const viaClient = () =>
      new Promise((resolve, reject) => (client as unknown as Record<string, Function>).allocateGame!(request, new grpc.Metadata(), { deadline: Date.now() + 2000 }, (e: Error | null, r: unknown) => (e ? reject(e) : resolve(r))));
    const channel = client.getChannel();
    const viaChannel = () =>
      new Promise((resolve, reject) => {
        const call = channel.createCall(def.path, Date.now() + 2000, null, null, 0);
        let msg: unknown;
        call.start(new grpc.Metadata(), {
          onReceiveMetadata: () => {},
          onReceiveMessage: (m: Buffer) => (msg = def.responseDeserialize(m)),
          onReceiveStatus: (st: grpc.StatusObject) => (st.code === 0 && msg ? resolve(msg) : reject(new Error(st.details))),
        });
        call.sendMessageWithContext({}, def.requestSerialize(request));
        call.halfClose();
        call.startRead();
      });
    const session = http2.connect(`http://127.0.0.1:${port}`);
    const viaH2 = () =>
      new Promise((resolve, reject) => {
        const body = def.requestSerialize(request);
        const frame = Buffer.allocUnsafe(5 + body.length);
        frame[0] = 0;
        frame.writeUInt32BE(body.length, 1);
        body.copy(frame, 5);
        const s = session.request({ ':method': 'POST', ':path': def.path, 'content-type': 'application/grpc', te: 'trailers', 'grpc-timeout': '2000m' });
        const chunks: Buffer[] = [];
        let status = '';
        s.on('data', (d: Buffer) => chunks.push(d));
        s.on('trailers', (t) => (status = String(t['grpc-status'])));
        s.on('end', () => (status === '0' ? resolve(def.responseDeserialize(Buffer.concat(chunks).subarray(5))) : reject(new Error(`grpc-status ${status}`))));
        s.on('error', reject);
        s.end(frame);
      });
    const ways: [string, () => Promise<unknown>][] = [['grpc-js', viaClient], ['channel', viaChannel], ['raw h2', viaH2]];
    const res = new Map<string, { cpu: number[]; rate: number[] }>(ways.map(([n]) => [n, { cpu: [], rate: [] }]));
    console.log(`# bench/grpc-client-cost — ${CALLS} AllocateGame calls per run, ${CONCURRENCY} in flight, ${ROUNDS} rounds alternated; client CPU only (server in its own process)`);
    for (const [, f] of ways) for (let i = 0; i < 2000; i++) await f(); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, f] of r % 2 ? [...ways].reverse() : ways) {
        let left = CALLS;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
          while (left-- > 0) await f();
        }));
        const c = process.cpuUsage(c0);
        const ms = performance.now() - t0;
        res.get(name)!.cpu.push((c.user + c.system) / CALLS);
        res.get(name)!.rate.push((CALLS / ms) * 1000);
        console.log(`  ${name.padEnd(8)} round ${r + 1}: ${Math.round((CALLS / ms) * 1000)} calls/s, client ${((c.user + c.system) / CALLS).toFixed(1)} µs CPU per call`);
      }
    }
    const base = median(res.get('grpc-js')!.cpu);
    console.log(`medians of ${ROUNDS}:`);
    for (const [name] of ways) console.log(`  ${name.padEnd(8)} ${median(res.get(name)!.cpu).toFixed(1)} µs client CPU per call (${(median(res.get(name)!.cpu) / base).toFixed(2)} of grpc-js), ${Math.round(median(res.get(name)!.rate))} calls/s`);
    client.close();
    session.close();
  } finally {
    child.kill();
  }
}
