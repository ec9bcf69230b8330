/**
 * The chart under test through the real helm binary (scripts/helm-bin.ts), plus the typed views of rendered objects
 * the chart tests share: render, look objects up, read a container's env as a kubelet would, validate against the
 * Kubernetes schemas (kubernetes-models, offline).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { helmEnv, helmPath } from '../../scripts/helm-bin.js';
import { isCoreKind, isCrdKind, strictCoreErrors, strictCrdErrors } from './strict-schema.js';

export const chartDir = fileURLToPath(new URL('../../charts/gamecluster/', import.meta.url));
export const RELEASE = 'gc';

/** ci/*-values.yaml scenarios, as absolute paths keyed by file name. */
export function ciValuesFiles(): Record<string, string> {
  const dir = join(chartDir, 'ci');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('-values.yaml'))
      .sort()
      .map((f) => [f, join(dir, f)]),
  );
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function helm(args: string[], timeoutMs = 60_000): Promise<HelmResult> {
  return new Promise((resolve) => {
    execFile(helmPath(), args, { env: helmEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Loose shapes of the rendered objects: enough typing for the invariants without a full Kubernetes type tree.
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  [k: string]: unknown;
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string }; secretKeyRef?: { name: string; key: string } };
}
export interface ContainerPort {
  name?: string;
  containerPort: number;
  hostPort?: number;
  protocol?: string;
}
export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  args?: string[];
  env?: EnvVar[];
  ports?: ContainerPort[];
  livenessProbe?: any;
  readinessProbe?: any;
  lifecycle?: any;
  securityContext?: any;
  resources?: any;
}

export interface RenderOptions {
  valuesFiles?: string[];
  set?: string[];
  release?: string;
}

function renderArgs(opts: RenderOptions): string[] {
  const args = ['template', opts.release ?? RELEASE, chartDir, '--namespace', 'games'];
  for (const f of opts.valuesFiles ?? []) args.push('-f', f);
  for (const s of opts.set ?? []) args.push('--set', s);
  return args;
}

/** `helm template` → parsed objects; throws with helm's stderr on failure. */
export async function renderChart(opts: RenderOptions = {}): Promise<K8sObject[]> {
  const r = await helm(renderArgs(opts));
  if (r.code !== 0) throw new Error(`helm template failed (${r.code}): ${r.stderr}`);
  const docs = parseAllDocuments(r.stdout);
  const out: K8sObject[] = [];
  for (const d of docs) {
    if (d.errors.length) throw new Error(`rendered YAML does not parse: ${d.errors[0]!.message}`);
    const obj = d.toJS() as K8sObject | null;
    if (obj) out.push(obj);
  }
  return out;
}

/** `helm template` expected to fail: returns helm's stderr. */
export async function renderError(opts: RenderOptions): Promise<string> {
  const r = await helm(renderArgs(opts));
  if (r.code === 0) throw new Error('helm template succeeded but was expected to fail');
  return r.stderr;
}

export function byKind(objs: K8sObject[], kind: string): K8sObject[] {
  return objs.filter((o) => o.kind === kind);
}

export function find(objs: K8sObject[], kind: string, name: string): K8sObject {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name} in the render (have: ${objs.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')})`);
  return o;
}

/** The pod spec of a Deployment or Pod. */
export function podSpec(o: K8sObject): any {
  return o.kind === 'Pod' ? o.spec : o.spec.template.spec;
}

export function podLabels(o: K8sObject): Record<string, string> {
  return (o.kind === 'Pod' ? o.metadata.labels : o.spec.template.metadata.labels) ?? {};
}

export function mainContainer(o: K8sObject): Container {
  const c = podSpec(o).containers[0] as Container | undefined;
  if (!c) throw new Error(`${o.kind}/${o.metadata.name} has no container`);
  return c;
}

export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * A container's env as the kubelet would hand it to the process: downward-API fields and Secret refs resolved from
 * `fields` / `secrets`, `$(VAR)` references to earlier variables expanded. An unresolved source throws.
 */
export function resolveEnv(c: Container, fields: Record<string, string>, secrets: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) {
    let v: string;
    if (e.value !== undefined) v = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string) => env[name] ?? m);
    else if (e.valueFrom?.fieldRef) {
      const f = fields[e.valueFrom.fieldRef.fieldPath];
      if (f === undefined) throw new Error(`no value given for fieldRef ${e.valueFrom.fieldRef.fieldPath} (${e.name})`);
      v = f;
    } else if (e.valueFrom?.secretKeyRef) {
      const ref = e.valueFrom.secretKeyRef;
      const s = secrets[`${ref.name}/${ref.key}`];
      if (s === undefined) throw new Error(`no value given for secret ${ref.name}/${ref.key} (${e.name})`);
      v = s;
    } else throw new Error(`env ${e.name} has no value source`);
    env[e.name] = v;
  }
  return env;
}

/** The container port with this name (or number). */
export function portOf(c: Container, nameOrNumber: string | number): ContainerPort | undefined {
  return (c.ports ?? []).find((p) => (typeof nameOrNumber === 'number' ? p.containerPort === nameOrNumber : p.name === nameOrNumber));
}

// Custom resources whose kubernetes-models validator exists (ScaledObject has none: the strict check covers it).
const crdModelModules: Record<string, string> = {
  'monitoring.coreos.com/v1/ServiceMonitor': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PodMonitor': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor',
  'monitoring.coreos.com/v1/PrometheusRule': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule',
};

/** The kubernetes-models module of a kind: core kinds by their apiVersion (`apps/v1` → kubernetes-models/apps/v1/…). */
function modelModule(o: K8sObject): string | undefined {
  if (isCrdKind(o.apiVersion, o.kind)) return crdModelModules[`${o.apiVersion}/${o.kind}`];
  return `kubernetes-models/${o.apiVersion}/${o.kind}`;
}

/**
 * Validates one object against its Kubernetes (or CRD) OpenAPI schema; throws naming the object and the failing
 * path. A kind the chart is not expected to render is an error too. Strict: unknown fields and wrong primitive types
 * are refused (strict-schema.ts), which kubernetes-models' validate() alone lets through; kubernetes-models adds the
 * required fields, enums and patterns.
 */
export async function validateObject(o: K8sObject): Promise<void> {
  const key = `${o.apiVersion}/${o.kind}`;
  if (!isCrdKind(o.apiVersion, o.kind) && !isCoreKind(o.apiVersion, o.kind)) throw new Error(`${key} ${o.metadata?.name}: no schema known for this kind`);
  const strict = isCrdKind(o.apiVersion, o.kind) ? strictCrdErrors([o])[0]! : strictCoreErrors(o);
  if (strict.length) throw new Error(`${key} ${o.metadata?.name} is not strictly valid: ${strict.join('; ')}`);
  const mod = modelModule(o);
  if (!mod) return;
  const { default: _d, ...named } = (await import(mod)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = named[o.kind] ?? _d;
  if (!Model) throw new Error(`${mod} exports no ${o.kind}`);
  try {
    new Model(o).validate();
  } catch (err) {
    throw new Error(`${key} ${o.metadata.name} does not validate: ${(err as Error).message}`);
  }
}

/** One documented value of values.yaml: its dotted path, default (as YAML flow text) and comment. */
export interface ValueDoc {
  path: string;
  default: string;
  comment: string | undefined;
  /** The schema node for it (after $ref), or undefined when the schema does not know the path. */
  schema: Record<string, any> | undefined;
}

/**
 * Walks values.yaml beside values.schema.json: every key of an object whose schema lists `properties` is a
 * documented value (free-form maps such as resources or annotations are documented as a whole).
 */
export async function valueDocs(): Promise<ValueDoc[]> {
  const { readFileSync } = await import('node:fs');
  const { parseDocument, isMap, isScalar } = await import('yaml');
  const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')) as Record<string, any>;
  const deref = (n: Record<string, any> | undefined): Record<string, any> | undefined => {
    if (!n?.$ref) return n;
    const target = (n.$ref as string).replace(/^#\//, '').split('/').reduce<any>((o, k) => o?.[k], schema);
    return deref(target);
  };
  const doc = parseDocument(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
  const out: ValueDoc[] = [];
  const clean = (c: string | null | undefined) => {
    if (!c) return undefined;
    const last = c.split(/\n\s*\n/).pop()!; // a file-level comment above the first key is not the key's
    return last
      .split('\n')
      .map((l) => l.trim().replace(/^-- ?/, ''))
      .join(' ')
      .trim();
  };
  const walk = (map: unknown, sch: Record<string, any> | undefined, prefix: string) => {
    if (!isMap(map)) return;
    map.items.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      // yaml attaches the comment above a nested map's first key to the map itself.
      const comment = clean((pair.key as { commentBefore?: string }).commentBefore ?? (i === 0 ? (map as { commentBefore?: string }).commentBefore : undefined));
      const s = deref(sch?.properties?.[key]);
      const nested = isMap(pair.value) && s?.properties;
      out.push({ path, comment, schema: s, default: nested ? '' : JSON.stringify((pair.value as { toJSON(): unknown } | null)?.toJSON() ?? null) });
      if (nested) walk(pair.value, s, path);
    });
  };
  walk(doc.contents, schema, '');
  return out;
}

/** The values table of docs/operations.md, generated from values.yaml. */
export async function valuesTable(): Promise<string> {
  const rows = (await valueDocs()).map((v) => `| \`${v.path}\` | ${v.default ? `\`${v.default.replace(/\|/g, '\\|')}\`` : ''} | ${(v.comment ?? '').replace(/\|/g, '\\|')} |`);
  return ['| value | default | what |', '| --- | --- | --- |', ...rows].join('\n');
}

/** One process started from a rendered workload. */
export interface ChartProcess {
  deployment: string;
  component: string;
  podName: string;
  /** Container port (as rendered) → the free loopback port this process got instead. */
  ports: Map<number, number>;
  env: Record<string, string>;
  args: string[];
  /** Loopback port for a named container port of this process. */
  port(name: string): number;
}

/**
 * Turns the rendered Deployments into local process specs, as the kubelet would start them but on loopback: each
 * replica gets free ports in place of its container ports, downward-API fields become its pod name and 127.0.0.1,
 * and `<service>:<port>` references (REDIS_URL, APPMGR_GRPC) point at the first process behind that Service (or at
 * `redisAddress` for the dev Redis, which the test runs itself). `maxReplicas` bounds each Deployment's count.
 */
export async function processesFromChart(objs: K8sObject[], redisAddress: string, maxReplicas = 2): Promise<ChartProcess[]> {
  const { freePort } = await import('./free-port.js');
  const procs: ChartProcess[] = [];
  // secretKeyRef env from the Secrets the chart renders itself (e.g. appmgr's generated gRPC token).
  const secrets = secretValues(objs);
  for (const d of byKind(objs, 'Deployment')) {
    const component = podLabels(d)['app.kubernetes.io/component']!;
    if (component === 'redis') continue;
    const ctr = mainContainer(d);
    const replicas = Math.min(d.spec.replicas ?? 1, maxReplicas);
    for (let i = 0; i < replicas; i++) {
      const ports = new Map<number, number>();
      for (const p of ctr.ports ?? []) ports.set(p.containerPort, await freePort());
      const podName = `${d.metadata.name}-${i}`;
      const env = resolveEnv(ctr, { 'metadata.name': podName, 'status.podIP': '127.0.0.1', 'status.hostIP': '127.0.0.1' }, secrets);
      const proc: ChartProcess = {
        deployment: d.metadata.name,
        component,
        podName,
        ports,
        env,
        args: [...(ctr.args ?? [])],
        port(name) {
          const cp = portOf(ctr, name);
          if (!cp) throw new Error(`${podName} has no port ${name}`);
          return ports.get(cp.containerPort)!;
        },
      };
      procs.push(proc);
    }
  }
  // Service name:port → loopback address of the first process behind it.
  const services = new Map<string, string>();
  for (const s of byKind(objs, 'Service')) {
    const target = byKind(objs, 'Deployment').find((d) => labelsMatch(s.spec.selector, podLabels(d)))!;
    for (const p of s.spec.ports as { port: number; targetPort: string | number }[]) {
      if (target.metadata.name.endsWith('-redis')) {
        services.set(`${s.metadata.name}:${p.port}`, redisAddress);
        continue;
      }
      const proc = procs.find((x) => x.deployment === target.metadata.name);
      const cp = portOf(mainContainer(target), p.targetPort);
      if (proc && cp) services.set(`${s.metadata.name}:${p.port}`, `127.0.0.1:${proc.ports.get(cp.containerPort)}`);
    }
  }
  for (const proc of procs) {
    for (const [k, v] of Object.entries(proc.env)) {
      let nv = v;
      // Port variables: the rendered container port → this process's loopback port.
      if (/^\d+$/.test(v) && /PORT$/.test(k) && proc.ports.has(Number(v))) nv = String(proc.ports.get(Number(v)));
      for (const [svc, addr] of services) nv = nv.replace(new RegExp(`(^|[/@])${svc.replace(/[.]/g, '\\.')}(?=$|/)`), `$1${addr}`);
      proc.env[k] = nv;
    }
  }
  return procs;
}

/** The rendered Secrets' values, keyed `<secret>/<key>` (data base64-decoded, stringData as is). */
export function secretValues(objs: K8sObject[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sec of byKind(objs, 'Secret')) {
    for (const [k, v] of Object.entries((sec.data ?? {}) as Record<string, string>)) out[`${sec.metadata.name}/${k}`] = Buffer.from(v, 'base64').toString('utf8');
    for (const [k, v] of Object.entries((sec.stringData ?? {}) as Record<string, string>)) out[`${sec.metadata.name}/${k}`] = v;
  }
  return out;
}

/**
 * The bundled Redis as the kubelet would start it: the rendered container's args with `$(VAR)` references expanded
 * from its env (the password from the rendered Secret), and that password.
 */
export function devRedisFromChart(objs: K8sObject[]): { args: string[]; password: string } {
  const d = byKind(objs, 'Deployment').find((x) => podLabels(x)['app.kubernetes.io/component'] === 'redis');
  if (!d) throw new Error('no bundled Redis in the render');
  const ctr = mainContainer(d);
  const env = resolveEnv(ctr, {}, secretValues(objs));
  const password = env.REDIS_PASSWORD;
  if (!password) throw new Error('the bundled Redis has no REDIS_PASSWORD');
  const args = (ctr.args ?? []).map((a) => a.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env[n] ?? m));
  return { args, password };
}
