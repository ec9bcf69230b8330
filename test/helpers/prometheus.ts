/**
 * A real Prometheus for tests (Debian's `prometheus` binary): static scrape targets on loopback, TSDB in a temp dir,
 * listening on a free 127.0.0.1 port, stopped by the test. Plus the PromQL the chart ships: the Grafana dashboard's
 * panel queries (with Grafana's variables replaced) and the alert rules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

export interface DashboardQuery {
  panel: string;
  refId: string;
  expr: string;
  legendFormat?: string;
}

/** Every target expression of every panel (rows' nested panels included). */
export function dashboardQueries(dashboard: { panels?: unknown[] }): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  const visit = (panels: unknown[] | undefined) => {
    for (const p of (panels ?? []) as { title: string; targets?: { refId: string; expr?: string; legendFormat?: string }[]; panels?: unknown[] }[]) {
      for (const t of p.targets ?? []) if (t.expr) out.push({ panel: p.title, refId: t.refId, expr: t.expr, legendFormat: t.legendFormat });
      visit(p.panels);
    }
  };
  visit(dashboard.panels);
  return out;
}

/** Grafana's variables → plain PromQL: every namespace, and a fixed rate window. */
export function grafanaToPromQL(expr: string, rateInterval: string): string {
  return expr
    .replace(/\$__rate_interval|\$\{__rate_interval\}/g, rateInterval)
    .replace(/\$__interval|\$\{__interval\}/g, rateInterval)
    .replace(/\$namespace|\$\{namespace\}/g, '.*');
}

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
}

/** The alert rules of a rule-file object (`{groups:[{rules:[...]}]}`, i.e. a PrometheusRule's spec). */
export function alertRules(spec: { groups: { rules: AlertRule[] }[] }): AlertRule[] {
  return spec.groups.flatMap((g) => g.rules.filter((r) => r.alert));
}

export interface Sample {
  metric: Record<string, string>;
  value: number;
}

export interface TestPrometheus {
  readonly url: string;
  /** Instant query; throws with Prometheus' error text when the expression fails. */
  query(expr: string): Promise<Sample[]>;
  /** Scrape target health as Prometheus sees it. */
  targets(): Promise<{ job: string; instance: string; health: string; lastError: string }[]>;
  /** Waits until every configured target has been scraped successfully (discovery syncs only every 5 s). */
  waitForTargetsUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** job name → host:port targets serving /metrics. */
  targets: Record<string, string[]>;
  /** host:port → extra target labels, as Kubernetes discovery would attach them (namespace, pod, …). */
  targetLabels?: Record<string, Record<string, string>>;
  scrapeIntervalS?: number;
  /** Rule files' contents (rule-file YAML objects) to load, e.g. the chart's alert rules. */
  rules?: unknown[];
}

export async function startPrometheus(opts: PrometheusOptions): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-prom-'));
  const interval = `${opts.scrapeIntervalS ?? 1}s`;
  const ruleFiles = (opts.rules ?? []).map((r, i) => {
    const f = join(dir, `rules-${i}.yaml`);
    writeFileSync(f, stringify(r));
    return f;
  });
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    rule_files: ruleFiles,
    scrape_configs: Object.entries(opts.targets).map(([job, targets]) => ({
      job_name: job,
      static_configs: targets.map((t) => ({ targets: [t], ...(opts.targetLabels?.[t] ? { labels: opts.targetLabels[t] } : {}) })),
    })),
  };
  writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      // Series look current for 30 s after their last sample by default; short windows keep the test's view fresh.
      '--query.lookback-delta=10s',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const api = async (path: string): Promise<any> => {
    const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { status: string; data?: any; error?: string; errorType?: string };
    if (body.status !== 'success') throw new Error(`prometheus ${path}: ${body.errorType ?? ''} ${body.error ?? res.status}`);
    return body.data;
  };
  try {
    await waitFor(
      'prometheus ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr.join('').slice(-2000)}`);
        return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok;
      },
      20_000,
      100,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  const self: TestPrometheus = {
    url,
    async query(expr) {
      const data = await api(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      if (data.resultType === 'scalar') return [{ metric: {}, value: Number(data.result[1]) }];
      return (data.result as { metric: Record<string, string>; value: [number, string] }[]).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    async targets() {
      const data = await api('/api/v1/targets?state=active');
      return (data.activeTargets as { labels: Record<string, string>; health: string; lastError: string }[]).map((t) => ({
        job: t.labels.job ?? '',
        instance: t.labels.instance ?? '',
        health: t.health,
        lastError: t.lastError,
      }));
    },
    async waitForTargetsUp(timeoutMs = 30_000) {
      const want = Object.values(opts.targets).flat().length;
      await waitFor(
        `${want} scrape targets up`,
        async () => {
          const t = await self.targets();
          return t.length === want && t.every((x) => x.health === 'up');
        },
        timeoutMs,
        250,
      );
    },
    stop,
  };
  return self;
}
