/**
 * Strict validation of rendered chart objects: unknown fields and wrong primitive types are errors, as the API
 * server's strict field validation (and `kubectl apply --validate=strict`) would make them. kubernetes-models'
 * validate() accepts unknown properties, so a misspelt key in a template would otherwise pass.
 * Core kinds are walked against the OpenAPI type metadata @kubernetes/client-node ships (each model's
 * attributeTypeMap, recursively); the custom resources (ServiceMonitor, PodMonitor, PrometheusRule from
 * @kubernetes-models/prometheus-operator's type definitions, KEDA's ScaledObject from the minimal interface in
 * keda-scaled-object.ts) are type-checked by the TypeScript compiler as object literals, whose excess-property check
 * refuses unknown keys at any depth.
 */
import * as k8s from '@kubernetes/client-node';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

interface Attr {
  name: string;
  baseName: string;
  type: string;
  format: string;
}
type ModelClass = { getAttributeTypeMap(): Attr[] };

const models = k8s as unknown as Record<string, ModelClass | undefined>;

/**
 * Fields the Kubernetes OpenAPI types as resource.Quantity (int-or-string); client-node's metadata flattens them to
 * `string`, so they are listed here by `<Model>.<field>`.
 */
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1ResourceFieldSelector.divisor',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1PodSpec.overhead',
  'V2MetricTarget.value',
  'V2MetricTarget.averageValue',
]);

/** The client-node model name of an object: apiVersion `apps/v1` + kind `Deployment` → `V1Deployment`. */
export function modelName(apiVersion: string, kind: string): string {
  const version = apiVersion.split('/').pop()!;
  return `${version[0]!.toUpperCase()}${version.slice(1)}${kind}`;
}

export function isCoreKind(apiVersion: string, kind: string): boolean {
  return models[modelName(apiVersion, kind)]?.getAttributeTypeMap !== undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkValue(value: unknown, type: string, format: string, path: string, quantity: boolean, errors: string[]): void {
  if (value === null || value === undefined) return; // omitted: the API server treats null as unset
  const array = /^Array<(.+)>$/.exec(type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return void errors.push(`${path}: want an array, got ${typeof value}`);
    value.forEach((v, i) => checkValue(v, array[1]!, '', `${path}[${i}]`, quantity, errors));
    return;
  }
  if (map) {
    if (!isPlainObject(value)) return void errors.push(`${path}: want an object, got ${Array.isArray(value) ? 'array' : typeof value}`);
    for (const [k, v] of Object.entries(value)) checkValue(v, map[1]!, '', `${path}.${k}`, quantity, errors);
    return;
  }
  switch (type) {
    case 'any':
    case 'object':
      return;
    case 'string':
    case 'Date':
      if (quantity && typeof value === 'number') return;
      if (typeof value !== 'string') errors.push(`${path}: want string, got ${typeof value} (${JSON.stringify(value)})`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: want boolean, got ${typeof value} (${JSON.stringify(value)})`);
      return;
    case 'number':
      if (typeof value !== 'number') errors.push(`${path}: want ${format || 'number'}, got ${typeof value} (${JSON.stringify(value)})`);
      else if (/^int/.test(format) && !Number.isInteger(value)) errors.push(`${path}: want ${format}, got ${value}`);
      return;
    case 'IntOrString':
      if (!(typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) errors.push(`${path}: want int-or-string, got ${typeof value}`);
      return;
  }
  const model = models[type];
  if (!model?.getAttributeTypeMap) return void errors.push(`${path}: no type metadata for ${type}`);
  if (!isPlainObject(value)) return void errors.push(`${path}: want ${type} (an object), got ${Array.isArray(value) ? 'array' : typeof value}`);
  const attrs = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a]));
  for (const [k, v] of Object.entries(value)) {
    const a = attrs.get(k);
    if (!a) {
      errors.push(`${path}.${k}: unknown field of ${type} (known: ${[...attrs.keys()].join(', ')})`);
      continue;
    }
    checkValue(v, a.type, a.format, `${path}.${k}`, QUANTITY_FIELDS.has(`${type}.${k}`), errors);
  }
}

/** Errors of a core object (empty when strictly valid); throws for a kind client-node does not know. */
export function strictCoreErrors(o: { apiVersion: string; kind: string }): string[] {
  const name = modelName(o.apiVersion, o.kind);
  if (!isCoreKind(o.apiVersion, o.kind)) throw new Error(`${o.apiVersion}/${o.kind}: no client-node model ${name}`);
  const errors: string[] = [];
  checkValue(o, name, '', '', false, errors);
  return errors.map((e) => e.replace(/^\./, ''));
}

/** The TypeScript type each custom resource is checked against (module specifier, exported interface). */
const CRD_TYPES: Record<string, [string, string]> = {
  'monitoring.coreos.com/v1/ServiceMonitor': ['@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor', 'IServiceMonitor'],
  'monitoring.coreos.com/v1/PodMonitor': ['@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor', 'IPodMonitor'],
  'monitoring.coreos.com/v1/PrometheusRule': ['@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule', 'IPrometheusRule'],
  'keda.sh/v1alpha1/ScaledObject': [fileURLToPath(new URL('./keda-scaled-object.ts', import.meta.url)), 'IScaledObject'],
};

export function isCrdKind(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in CRD_TYPES;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sourceCache = new Map<string, ts.SourceFile | undefined>();
let oldProgram: ts.Program | undefined;

/**
 * Type-checks custom resources as object literals of their declared types; returns one list of errors per object
 * (in order). One compiler program for the whole batch (declaration files are parsed once per process).
 */
export function strictCrdErrors(objs: { apiVersion: string; kind: string }[]): string[][] {
  const virtual = `${repoRoot}__strict_crds__.ts`;
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const lineOf: number[] = [];
  objs.forEach((o, i) => {
    const t = CRD_TYPES[`${o.apiVersion}/${o.kind}`];
    if (!t) throw new Error(`${o.apiVersion}/${o.kind}: no strict type known for this custom resource`);
    const alias = `T${imports.size}`;
    if (!imports.has(t.join('#'))) imports.set(t.join('#'), alias);
    lineOf.push(lines.length);
    lines.push(`export const o${i}: ${imports.get(t.join('#'))} = ${JSON.stringify(o, null, 1)};`);
  });
  const header = [...imports].map(([k, alias]) => {
    const [mod, name] = k.split('#');
    return `import type { ${name} as ${alias} } from ${JSON.stringify(mod!.replace(/\.ts$/, '.js'))};`;
  });
  const text = [...header, ...lines].join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, lang, onError, create) => {
    if (fileName === virtual) return ts.createSourceFile(fileName, text, lang, true);
    if (!sourceCache.has(fileName)) sourceCache.set(fileName, getSourceFile(fileName, lang, onError, create));
    return sourceCache.get(fileName);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === virtual || fileExists(f);
  const program = ts.createProgram([virtual], options, host, oldProgram);
  oldProgram = program;
  const sf = program.getSourceFile(virtual)!;
  const headerLines = header.length;
  const out: string[][] = objs.map(() => []);
  const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  for (const d of diags) {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.start === undefined) throw new Error(`strict CRD check: ${msg}`);
    const line = sf.getLineAndCharacterOfPosition(d.start).line - headerLines;
    if (line < 0) throw new Error(`strict CRD check (imports): ${msg}`);
    // The object whose literal starts at or before this line.
    let idx = 0;
    for (let i = 0; i < objs.length; i++) if (sumLines(lines, lineOf[i]!) <= line) idx = i;
    const at = d.length ? ` (at ${text.slice(d.start, d.start + Math.min(d.length, 60)).replace(/\s+/g, ' ')})` : '';
    out[idx]!.push(`${msg.split('\n').slice(0, 3).join(' / ')}${at}`);
  }
  return out;
}

/** The first source line of literal number `upto` (literals span several lines each). */
function sumLines(lines: string[], upto: number): number {
  let n = 0;
  for (let i = 0; i < upto; i++) n += lines[i]!.split('\n').length;
  return n;
}
