/**
 * The chart's alert rules under `promtool test rules`, for every expose.mode × monitoring mode: the input series carry
 * exactly the target labels that mode's scrape gives them (test/helpers/scrape-targets.ts runs the Operator's
 * ServiceMonitor/PodMonitor discovery or the classic annotation job over the rendered objects), so a rule that does not
 * match what really gets scraped fails here. In each: a healthy release fires nothing; appmgr down fires
 * GameclusterAppmgrDown (while the "no login/game available" alerts, computed from appmgr's own metric, fall silent);
 * every login (game) pod down fires LoginPodsDown + NoLoginAvailable (GamePodsDown + NoGameAvailable) and nothing else;
 * Redis unreachable fires RedisDown. Then, once: a one-minute blip fires nothing; another release in the namespace
 * neither masks nor doubles ours; heartbeat errors page on a ratio, not on one error; every rule has a runbook_url
 * whose anchor is a runbook in docs/operations.md. promtool compares annotations too, so the unit tests run on the
 * rules without them (the annotations are checked by `promtool check rules` and the runbook test).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { RELEASE, find, renderChart, type K8sObject } from './helpers/helm.js';
import { scrapeTargets, simulatePods, type MonitoringMode, type Target } from './helpers/scrape-targets.js';

const tmp = mkdtempSync(join(tmpdir(), 'gc-alerts-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Rule {
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleSpec {
  groups: { name: string; rules: Rule[] }[];
}

const ALERTS = ['GameclusterAppmgrDown', 'GameclusterLoginPodsDown', 'GameclusterGamePodsDown', 'GameclusterNoLoginAvailable', 'GameclusterNoGameAvailable', 'GameclusterRedisDown', 'GameclusterHeartbeatErrors'];

function promtool(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('promtool', args, { timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

const MODES: Record<string, string[]> = {
  podIP: [],
  hostPort: ['expose.mode=hostPort'],
  hostNetwork: ['expose.mode=hostNetwork', 'networkPolicy.nodeCIDRs={10.0.0.0/16}'],
};
const MONITORING: Record<MonitoringMode, string[]> = {
  annotations: ['metrics.prometheusRule.enabled=true'],
  operator: ['metrics.prometheusRule.enabled=true', 'metrics.serviceMonitor.enabled=true'],
};

async function rulesOf(objs: K8sObject[]): Promise<RuleSpec> {
  return find(objs, 'PrometheusRule', `${RELEASE}-alerts`).spec as RuleSpec;
}

/** The rules as promtool's unit tests see them: without annotations (checked elsewhere). */
function writeRules(spec: RuleSpec, name: string): string {
  const bare = { groups: spec.groups.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _a, ...r }) => r) })) };
  const f = join(tmp, `${name}-rules.yaml`);
  writeFileSync(f, stringify(bare));
  return f;
}

const fmt = (name: string, labels: Record<string, string>) => `${name}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(', ')}}`;

interface Health {
  down?: 'appmgr' | 'login' | 'game';
  gone?: 'appmgr';
  redisDown?: boolean;
  /** Per-pod heartbeat errors per minute (of 30 per minute). */
  heartbeatErrorsPerMin?: number;
  /** up values of every target of this component, e.g. a blip `1 1 1 0 1 1 1 1`. */
  upValues?: Partial<Record<string, string>>;
}

/** The input series of a release scraped through `targets`, in the given health. */
function series(targets: Target[], h: Health): { series: string; values: string }[] {
  const out: { series: string; values: string }[] = [];
  const readyLogin = h.down === 'login' ? 0 : 2;
  const readyGame = h.down === 'game' ? 0 : 2;
  for (const t of targets) {
    const c = t.pod.component;
    if (h.gone === c) continue;
    const down = h.down === c;
    out.push({ series: fmt('up', t.labels), values: h.upValues?.[c] ?? (down ? '0x15' : '1x15') });
    if (down) continue;
    out.push({ series: fmt('gamecluster_redis_up', t.labels), values: h.redisDown ? '0x15' : '1x15' });
    if (c === 'appmgr') {
      out.push({ series: fmt('gamecluster_appmgr_apps', { ...t.labels, app_type: 'login', state: 'ready' }), values: `${readyLogin}x15` });
      out.push({ series: fmt('gamecluster_appmgr_apps', { ...t.labels, app_type: 'game', state: 'ready' }), values: `${readyGame}x15` });
    } else {
      const err = h.heartbeatErrorsPerMin ?? 0;
      out.push({ series: fmt('gamecluster_heartbeats_total', { ...t.labels, app_type: c, result: 'ok' }), values: `0+${30 - err}x15` });
      out.push({ series: fmt('gamecluster_heartbeats_total', { ...t.labels, app_type: c, result: 'error' }), values: `0+${err}x15` });
    }
  }
  return out;
}

interface Case {
  name: string;
  input: { series: string; values: string }[];
  /** alert → the labels of each expected firing instance (besides alertname and the rule's labels). */
  firing: Partial<Record<string, Record<string, string>[]>>;
  evalTime?: string;
}

/** One promtool run for several cases; every alert not listed as firing must stay silent. */
async function promtoolCases(spec: RuleSpec, name: string, cases: Case[]): Promise<void> {
  const byAlert = new Map(spec.groups.flatMap((g) => g.rules).filter((r) => r.alert).map((r) => [r.alert!, r]));
  const file = {
    rule_files: [writeRules(spec, name)],
    evaluation_interval: '1m',
    tests: cases.map((c) => ({
      name: c.name,
      interval: '1m',
      input_series: c.input,
      alert_rule_test: ALERTS.map((alertname) => ({
        eval_time: c.evalTime ?? '5m',
        alertname,
        exp_alerts: (c.firing[alertname] ?? []).map((labels) => ({ exp_labels: { ...byAlert.get(alertname)!.labels, ...labels } })),
      })),
    })),
  };
  const f = join(tmp, `${name}-test.yaml`);
  writeFileSync(f, stringify(file));
  const r = await promtool(['test', 'rules', f]);
  assert.equal(r.code, 0, `${name}:\n${r.out}`);
}

const NS = { namespace: 'games' };

describe('alerts per expose.mode × monitoring mode (promtool test rules on the series each mode scrapes)', () => {
  for (const [mode, modeSet] of Object.entries(MODES)) {
    for (const [monitoring, monSet] of Object.entries(MONITORING) as [MonitoringMode, string[]][]) {
      test(`${mode} × ${monitoring}: healthy fires nothing; each component down fires its alert; Redis down`, async () => {
        const objs = await renderChart({ set: [...modeSet, ...monSet] });
        const spec = await rulesOf(objs);
        const targets = scrapeTargets(objs, simulatePods(objs), monitoring);
        for (const c of ['appmgr', 'login', 'game']) assert.ok(targets.some((t) => t.pod.component === c), `${mode} × ${monitoring}: no ${c} target`);
        await promtoolCases(spec, `${mode}-${monitoring}`, [
          { name: 'healthy', input: series(targets, {}), firing: {} },
          { name: 'appmgr down', input: series(targets, { down: 'appmgr' }), firing: { GameclusterAppmgrDown: [NS] } },
          { name: 'appmgr gone', input: series(targets, { gone: 'appmgr' }), firing: { GameclusterAppmgrDown: [NS] } },
          { name: 'logins down', input: series(targets, { down: 'login' }), firing: { GameclusterLoginPodsDown: [NS], GameclusterNoLoginAvailable: [NS] } },
          { name: 'games down', input: series(targets, { down: 'game' }), firing: { GameclusterGamePodsDown: [NS], GameclusterNoGameAvailable: [NS] } },
          { name: 'redis down', input: series(targets, { redisDown: true }), firing: { GameclusterRedisDown: [NS] } },
        ]);
      });
    }
  }
});

describe('alert rules', () => {
  test('promtool check rules passes; every rule is scoped to this release’s pods and links its runbook', async () => {
    const objs = await renderChart({ set: MONITORING.operator });
    const spec = await rulesOf(objs);
    const f = join(tmp, 'full-rules.yaml');
    writeFileSync(f, stringify(spec));
    const r = await promtool(['check', 'rules', f]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, new RegExp(`SUCCESS: ${ALERTS.length} rules found`));
    const rules = spec.groups.flatMap((g) => g.rules);
    assert.deepEqual(rules.map((x) => x.alert).sort(), [...ALERTS].sort());
    const ops = readFileSync(fileURLToPath(new URL('../docs/operations.md', import.meta.url)), 'utf8');
    // GitHub's heading anchors: the heading text in lower case.
    const anchors = new Set([...ops.matchAll(/^#{2,6} (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const rule of rules) {
      assert.match(rule.expr, /namespace="games", pod=~"gc-\(/, `${rule.alert}: scoped to this release's pods`);
      const url = rule.annotations?.runbook_url ?? '';
      assert.match(url, /^https:\/\/github\.com\/gamecluster\/gamecluster\/blob\/main\/docs\/operations\.md#/, `${rule.alert} runbook_url`);
      const anchor = url.split('#')[1]!;
      assert.equal(anchor, rule.alert!.toLowerCase());
      assert.ok(anchors.has(anchor), `docs/operations.md has no runbook heading for #${anchor}`);
    }
    const moved = await renderChart({ set: [...MONITORING.operator, 'metrics.prometheusRule.runbookBaseUrl=https://wiki.example.com/games'] });
    for (const rule of (await rulesOf(moved)).groups.flatMap((g) => g.rules)) assert.equal(rule.annotations!.runbook_url, `https://wiki.example.com/games#${rule.alert!.toLowerCase()}`);
  });

  test('a one-minute blip fires nothing; another release in the namespace neither masks nor doubles ours', async () => {
    const objs = await renderChart({ set: MONITORING.operator });
    const spec = await rulesOf(objs);
    const ours = scrapeTargets(objs, simulatePods(objs), 'operator');
    const otherObjs = await renderChart({ release: 'gc-login', set: MONITORING.operator });
    const other = scrapeTargets(otherObjs, simulatePods(otherObjs), 'operator');
    await promtoolCases(spec, 'neighbours', [
      { name: 'appmgr blip', input: series(ours, { upValues: { appmgr: '1 1 1 0 1 1 1 1' } }), firing: {} },
      // A release named gc-login: its pods gc-login-appmgr-… must not count as ours (nor gc-login-login-… as our logins).
      { name: 'ours down, theirs up', input: [...series(ours, { down: 'appmgr' }), ...series(other, {})], firing: { GameclusterAppmgrDown: [NS] } },
      { name: 'ours up, theirs down', input: [...series(ours, {}), ...series(other, { down: 'login', redisDown: true })], firing: {} },
      // One pod scraped twice (two jobs): still one Redis-down alert, no doubled count.
      { name: 'scraped twice', input: [...series(ours, { redisDown: true }), ...series(ours.map((t) => ({ ...t, labels: { ...t.labels, job: 'kubernetes-pods' } })), { redisDown: true })], firing: { GameclusterRedisDown: [NS] } },
    ]);
  });

  test('heartbeat errors page on a ratio (5 % for 5 minutes), not on one error', async () => {
    const objs = await renderChart({ set: MONITORING.operator });
    const spec = await rulesOf(objs);
    const targets = scrapeTargets(objs, simulatePods(objs), 'operator');
    const hb = (app_type: string) => ({ ...NS, app_type });
    await promtoolCases(spec, 'heartbeats', [
      { name: 'one error a minute (3 %)', input: series(targets, { heartbeatErrorsPerMin: 1 }), firing: {} },
      { name: 'a third failing', input: series(targets, { heartbeatErrorsPerMin: 10 }), firing: { GameclusterHeartbeatErrors: [hb('game'), hb('login')] }, evalTime: '15m' },
    ]);
  });
});
