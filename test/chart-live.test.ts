/**
 * The rendered chart drives real processes on loopback: appmgr, login and game are started with exactly the
 * rendered Deployments' container args and env (downward-API values → 127.0.0.1 and pod names, container ports →
 * free ports, Service addresses → the local process behind them, the dev Redis → a real redis-server), their probes
 * are asked on the rendered ports and paths, and a robot wave plays the whole flow through them.
 * Then a real Prometheus scrapes that cluster: every dashboard panel query and alert expression evaluates, the panels
 * return data, the online-players panel equals the robots online, and the Redis-down alert fires when Redis dies.
 *
 * Needs services/{appmgr,login,game,robots}; until they exist the tests are skipped with that reason.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { RELEASE, devRedisFromChart, find, mainContainer, processesFromChart, renderChart, type ChartProcess, type K8sObject } from './helpers/helm.js';
import { alertRules, dashboardQueries, grafanaToPromQL, startPrometheus, type TestPrometheus } from './helpers/prometheus.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';


const PLAYERS = 50;

async function httpStatus(port: number, path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return res.status;
}

/** A frame whose total length is < 4: the server must close the connection and count reason="short_frame". */
function sendShortFrame(port: number): Promise<void> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.end(Buffer.from([0x02, 0x00, 0x00, 0x00])));
    s.setTimeout(3000, () => s.destroy());
    s.on('close', () => resolve());
    s.on('error', () => resolve());
    s.resume();
  });
}

describe('the rendered chart on loopback', { timeout: 180_000 }, () => {
  let objs: K8sObject[];
  let redis: TestRedis;
  let procs: ChartProcess[];
  const running: ServiceProcess[] = [];
  let prom: TestPrometheus | undefined;

  const appmgr = () => procs.find((p) => p.component === 'appmgr')!;
  const appmgrUrl = () => `http://127.0.0.1:${appmgr().port('http')}`;
  const adminUrl = () => `http://127.0.0.1:${appmgr().port('admin')}`;

  function robots(players: number, durationS: number): ServiceProcess {
    const p = startService('robots', { LOG_LEVEL: 'warn' }, [
      '--appmgr', appmgrUrl(), '--players', String(players), '--rate', String(players), '--duration', String(durationS), '--echo-per-sec', '1', '--json',
    ]);
    running.push(p);
    return p;
  }

  before(async () => {
    // Every robot comes from 127.0.0.1: the chart's per-address /login limit (20/s) would refuse most of the wave.
    objs = await renderChart({ set: ['appmgr.loginRatePerIp=0'] });
    // The bundled Redis with its rendered args (password from the rendered Secret, protected mode on).
    redis = await startRedis(undefined, devRedisFromChart(objs));
    procs = await processesFromChart(objs, `127.0.0.1:${redis.port}`);
    // appmgr first (login dials its gRPC), then the pods; each with exactly the rendered args and env.
    const started = new Map<ChartProcess, ServiceProcess>();
    for (const kind of ['appmgr', 'login', 'game']) {
      for (const p of procs.filter((x) => x.component === kind)) {
        const sp = startService(p.args[0]!, p.env, p.args.slice(1));
        running.push(sp);
        started.set(p, sp);
      }
    }
    // Ready as the kubelet would see it: the rendered readiness probe's path on the rendered port.
    for (const p of procs) {
      const d = find(objs, 'Deployment', p.deployment);
      const probe = mainContainer(d).readinessProbe.httpGet as { path: string; port: string };
      const sp = started.get(p)!;
      // generous: a cold tsx start of four processes on a loaded 2-core box. A process that exits says why at once.
      await waitFor(`${p.podName} ${probe.path}`, async () => {
        if (sp.child.exitCode !== null || sp.child.signalCode !== null) throw new Error(`${p.podName} exited (${sp.child.exitCode ?? sp.child.signalCode}): ${sp.stderr.join('').slice(-2000)} ${JSON.stringify(sp.logs.slice(-5))}`);
        return (await httpStatus(p.port(probe.port), probe.path)) === 200;
      }, 90_000, 200);
    }
    // Every login and game pod registered before the wave.
    await waitFor('all pods in /apps', async () => {
      const res = await fetch(`${adminUrl()}/apps`, { signal: AbortSignal.timeout(2000) });
      const body = (await res.json()) as { apps: { app_id: string; state: string }[] };
      return procs.filter((p) => p.component !== 'appmgr').every((p) => body.apps.some((a) => a.app_id === p.podName && a.state === 'ready'));
    }, 20_000, 200);
  });

  after(async () => {
    await prom?.stop();
    await Promise.all(running.map((p) => p.stop()));
    await redis?.stop();
  });

  test('probes answer on the rendered ports and a robot wave passes through the rendered cluster', async () => {
    for (const p of procs) {
      const ctr = mainContainer(find(objs, 'Deployment', p.deployment));
      for (const probe of [ctr.livenessProbe.httpGet, ctr.readinessProbe.httpGet] as { path: string; port: string }[]) {
        assert.equal(await httpStatus(p.port(probe.port), probe.path), 200, `${p.podName} ${probe.path}`);
      }
    }
    const r = robots(PLAYERS, 2);
    const code = await r.exited;
    assert.equal(code, 0, `robots failed: ${r.stderr.join('').slice(-2000)}`);
    // appmgr answered /login with a pod it learnt about through the rendered env (heartbeats to the same Redis).
    const res = await fetch(`${adminUrl()}/metrics`);
    const text = await res.text();
    assert.match(text, /gamecluster_appmgr_requests_total\{[^}]*route="login"[^}]*result="ok"[^}]*\} [1-9]/);
  });

  test('Prometheus: every panel and alert evaluates; online-players panel equals the robots online', async () => {
    const dash = JSON.parse(find(objs, 'ConfigMap', `${RELEASE}-dashboard`).data![`gamecluster-games-${RELEASE}.json`]!);
    const rules = (await renderChart({ set: ['metrics.prometheusRule.enabled=true'] })).find((o) => o.kind === 'PrometheusRule')!.spec;
    const byComponent = (c: string, port: string) => procs.filter((p) => p.component === c).map((p) => `127.0.0.1:${p.port(port)}`);
    // The target labels Kubernetes discovery gives every scrape (the rules select this release's pods by them); the
    // process names are the Deployment's pod names as a ReplicaSet would make them.
    const targetLabels: Record<string, Record<string, string>> = {};
    for (const p of procs) targetLabels[`127.0.0.1:${p.port(p.component === 'appmgr' ? 'admin' : 'metrics')}`] = { namespace: 'games', pod: `${p.deployment}-7c9d8f6b5d-${p.podName.slice(-1)}x9k2` };
    prom = await startPrometheus({
      targets: { appmgr: byComponent('appmgr', 'admin'), login: byComponent('login', 'metrics'), game: byComponent('game', 'metrics') },
      targetLabels,
      scrapeIntervalS: 1,
      rules: [rules],
    });
    await prom.waitForTargetsUp();

    // A rejected frame, so the "rejected frames by reason" panel has a series.
    await sendShortFrame(procs.find((p) => p.component === 'login')!.port('tcp'));
    const wave = robots(PLAYERS, 25);
    const q = (expr: string) => prom!.query(grafanaToPromQL(expr, '1m'));
    const queries = dashboardQueries(dash);
    const onlineByType = queries.find((x) => x.panel.startsWith('Online players (total'))!;
    const onlinePerPod = queries.find((x) => x.panel === 'Online players per pod')!;
    // The robots hold PLAYERS players online in game pods for the wave's duration.
    await waitFor(`${PLAYERS} players online in the panel`, async () => (await q(onlineByType.expr)).find((s) => s.metric.app_type === 'game')?.value === PLAYERS, 40_000, 500);
    const perPod = (await q(onlinePerPod.expr)).filter((s) => s.metric.app_type === 'game');
    assert.equal(perPod.reduce((a, s) => a + s.value, 0), PLAYERS, 'per-pod panel sums to the robots online');
    assert.equal(perPod.length, 2, 'both game pods appear');
    // Rates need two samples inside the window after the wave's logins.
    await new Promise((r) => setTimeout(r, 3000));
    for (const x of queries) {
      const result = await q(x.expr);
      assert.ok(result.length > 0, `panel "${x.panel}" ${x.refId} returned no data: ${x.expr}`);
      assert.ok(result.every((s) => !Number.isNaN(s.value)), `panel "${x.panel}" ${x.refId} returned NaN: ${x.expr}`);
    }
    const cluster = (await q(queries.find((x) => x.panel.startsWith('Cluster online'))!.expr)).find((s) => s.metric.app_type === 'game');
    assert.ok(cluster && Math.abs(cluster.value - PLAYERS) <= 2, `cluster online (registry view) ${cluster?.value} ≈ ${PLAYERS}`);
    // A healthy cluster fires nothing.
    for (const a of alertRules(rules)) assert.deepEqual(await prom.query(a.expr), [], `${a.alert} fires on a healthy cluster`);
    // Redis dies: the Redis-down expression turns up.
    await redis.kill();
    const redisDown = alertRules(rules).find((a) => a.alert === 'GameclusterRedisDown')!;
    await waitFor('GameclusterRedisDown expression', async () => (await prom!.query(redisDown.expr)).length > 0, 20_000, 500);
    await redis.restart();
    await wave.stop();
  });
});
