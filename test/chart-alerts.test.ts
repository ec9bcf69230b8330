/**
 * The chart's alert rules under `promtool test rules` (offline, deterministic time series): the scrape-health group
 * fires when appmgr is down or gone — the case where the "no login/game available" alerts, computed from appmgr's own
 * metric, fall silent — and when every login or game pod is down; a healthy release fires nothing, and another
 * release's appmgr in the same namespace does not mask ours. Rules are read from the rendered PrometheusRule.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { RELEASE, ciValuesFiles, find, renderChart } from './helpers/helm.js';

const NS = 'games';
const tmp = mkdtempSync(join(tmpdir(), 'gc-alerts-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Rule {
  alert?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
let rules: Rule[] = [];
let rulesFile = '';

function promtool(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('promtool', args, { timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

const up = (job: string, service: string, instance: string, values: string) => ({
  series: `up{job="${job}", namespace="${NS}", service="${service}", instance="${instance}"}`,
  values,
});
const apps = (type: string, values: string) => ({
  series: `gamecluster_appmgr_apps{job="appmgr", namespace="${NS}", app_type="${type}", state="ready", instance="a1"}`,
  values,
});
const healthyTargets = [up('login', `${RELEASE}-login`, 'l1', '1x15'), up('game', `${RELEASE}-game`, 'g1', '1x15')];

/** An expected firing alert of the rendered rule, labels and annotations as promtool compares them. */
function firing(alert: string): { exp_labels: Record<string, string>; exp_annotations: Record<string, string> } {
  const r = rules.find((x) => x.alert === alert);
  if (!r) throw new Error(`no rule ${alert}`);
  return { exp_labels: { ...r.labels }, exp_annotations: { ...r.annotations } };
}

/** Runs one promtool unit test: input series, and for each alert name the alerts expected at eval_time. */
async function promtoolCase(name: string, series: { series: string; values: string }[], expect: Record<string, string[]>, evalTime = '5m') {
  const spec = {
    rule_files: [rulesFile],
    evaluation_interval: '1m',
    tests: [
      {
        name,
        interval: '1m',
        input_series: series,
        alert_rule_test: Object.entries(expect).map(([alertname, want]) => ({ eval_time: evalTime, alertname, exp_alerts: want.map(firing) })),
      },
    ],
  };
  const f = join(tmp, `${name.replace(/\W+/g, '-')}.yaml`);
  writeFileSync(f, stringify(spec));
  const r = await promtool(['test', 'rules', f]);
  assert.equal(r.code, 0, `${name}:\n${r.out}`);
}

describe('alert rules (promtool test rules)', () => {
  before(async () => {
    const objs = await renderChart({ valuesFiles: [ciValuesFiles()['full-values.yaml']!] });
    const spec = find(objs, 'PrometheusRule', `${RELEASE}-alerts`).spec as { groups: { rules: Rule[] }[] };
    rules = spec.groups.flatMap((g) => g.rules);
    rulesFile = join(tmp, 'rules.yaml');
    writeFileSync(rulesFile, stringify(spec));
  });

  test('the scrape-health alerts are rendered for this release and pass promtool check', async () => {
    const names = rules.map((r) => r.alert);
    for (const a of ['GameclusterAppmgrDown', 'GameclusterLoginPodsDown', 'GameclusterGamePodsDown']) assert.ok(names.includes(a), a);
    const r = await promtool(['check', 'rules', rulesFile]);
    assert.equal(r.code, 0, r.out);
  });

  test('a healthy release fires nothing', async () => {
    await promtoolCase(
      'healthy',
      [up('appmgr', `${RELEASE}-appmgr-admin`, 'a1', '1x15'), ...healthyTargets, apps('login', '2x15'), apps('game', '2x15')],
      { GameclusterAppmgrDown: [], GameclusterLoginPodsDown: [], GameclusterGamePodsDown: [], GameclusterNoLoginAvailable: [], GameclusterNoGameAvailable: [] },
    );
  });

  test('appmgr down (up == 0): AppmgrDown fires while the appmgr-metric alerts stay silent', async () => {
    await promtoolCase('appmgr-up-0', [up('appmgr', `${RELEASE}-appmgr-admin`, 'a1', '0x15'), up('appmgr', `${RELEASE}-appmgr-admin`, 'a2', '0x15'), ...healthyTargets], {
      GameclusterAppmgrDown: ['GameclusterAppmgrDown'],
      // The gap this closes: no appmgr, no gamecluster_appmgr_apps, so these cannot fire.
      GameclusterNoLoginAvailable: [],
      GameclusterNoGameAvailable: [],
    });
  });

  test('appmgr gone (no target at all): AppmgrDown fires', async () => {
    await promtoolCase('appmgr-absent', [...healthyTargets], { GameclusterAppmgrDown: ['GameclusterAppmgrDown'], GameclusterLoginPodsDown: [] });
  });

  test('not before its 2 minutes: a one-minute blip fires nothing', async () => {
    await promtoolCase('appmgr-blip', [up('appmgr', `${RELEASE}-appmgr-admin`, 'a1', '1 1 1 0 1 1 1 1'), ...healthyTargets], { GameclusterAppmgrDown: [] });
  });

  test('another release’s appmgr in the namespace does not mask ours', async () => {
    await promtoolCase('other-release', [up('appmgr', `${RELEASE}-appmgr-admin`, 'a1', '0x15'), up('appmgr', 'other-appmgr-admin', 'o1', '1x15'), ...healthyTargets], {
      GameclusterAppmgrDown: ['GameclusterAppmgrDown'],
    });
  });

  test('every login pod down: LoginPodsDown fires, GamePodsDown does not', async () => {
    await promtoolCase(
      'logins-down',
      [up('appmgr', `${RELEASE}-appmgr-admin`, 'a1', '1x15'), up('login', `${RELEASE}-login`, 'l1', '0x15'), up('game', `${RELEASE}-game`, 'g1', '1x15')],
      { GameclusterLoginPodsDown: ['GameclusterLoginPodsDown'], GameclusterGamePodsDown: [], GameclusterAppmgrDown: [] },
    );
  });

  test('without ServiceMonitors (no job/service labels to select) the scrape-health group is not rendered', async () => {
    const objs = await renderChart({ set: ['metrics.prometheusRule.enabled=true'] });
    const names = (find(objs, 'PrometheusRule', `${RELEASE}-alerts`).spec.groups as { rules: Rule[] }[]).flatMap((g) => g.rules.map((r) => r.alert));
    assert.ok(!names.includes('GameclusterAppmgrDown'));
    assert.ok(names.includes('GameclusterNoLoginAvailable'));
  });
});
