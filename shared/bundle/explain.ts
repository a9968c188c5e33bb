/**
 * Explains why a value does not match a JSON Schema node: the path of the first problem
 * and what was found there, as a BundleError. Used only after the fast check said "no".
 *
 * Why not ask zod: zod collects every issue of the whole value, and without eval (the
 * app's Content-Security-Policy) it spreads them into one `push(...)`: 150,000 `null`
 * answers overflow the stack, 2,000,000 `{}` take gigabytes. This explainer stops at the
 * first problem. In an array it finds the first failing item with the compiled check (no
 * allocation), then explains that one item, so its time is linear in the input, its memory
 * is the depth of the schema, and it recurses per schema level, never per item.
 */
import { compileCheck, type Check, type JsonSchemaNode } from './compiled';
import { bundleError, formatPath, type BundleError } from './errors';

interface Node {
  readonly schema: JsonSchemaNode;
  readonly check: Check;
  readonly anyOf?: readonly Node[];
  readonly items?: Node;
  readonly properties?: ReadonlyArray<{ readonly key: string; readonly node: Node; readonly required: boolean }>;
  readonly known?: ReadonlySet<string>;
}

function build(schema: JsonSchemaNode): Node {
  const required = new Set(schema.required ?? []);
  return {
    schema,
    check: compileCheck(schema),
    ...(schema.anyOf ? { anyOf: schema.anyOf.map(build) } : {}),
    ...(schema.items ? { items: build(schema.items) } : {}),
    ...(schema.properties
      ? {
          properties: Object.entries(schema.properties).map(([key, sub]) => ({ key, node: build(sub), required: required.has(key) })),
          known: new Set(Object.keys(schema.properties)),
        }
      : {}),
  };
}

/** What a value is, for "expected string, got number". */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** A short, printable rendering of a found value (strings cut to 40 characters). */
export function foundValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  if (v === null || typeof v === 'boolean') return String(v);
  return kindOf(v);
}

function list(values: readonly unknown[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** The alternative of a union that the value meant: the one whose constant members it matches. */
function chooseAlternative(alts: readonly Node[], v: unknown): Node {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const alt of alts) {
      const consts = (alt.properties ?? []).filter((p) => 'const' in p.node.schema);
      if (consts.length > 0 && consts.every((p) => Object.prototype.hasOwnProperty.call(o, p.key) && o[p.key] === p.node.schema.const)) return alt;
    }
  }
  return alts[0]!;
}

function explainNumber(s: JsonSchemaNode, v: number, where: string): BundleError | undefined {
  const int = s.type === 'integer';
  const found = `found ${foundValue(v)}`;
  const min = s.minimum;
  const max = s.maximum;
  const outside = (min !== undefined && v < min) || (max !== undefined && v > max);
  if (int && !Number.isInteger(v)) {
    const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
    return bundleError('schema', `${where}: expected an integer${range}, ${found}`);
  }
  if (outside) {
    if (min !== undefined && max !== undefined) return bundleError('schema', `${where}: expected ${int ? 'an integer' : 'a number'} from ${min} to ${max}, ${found}`);
    if (min !== undefined) return bundleError('schema', `${where}: must be at least ${min}, ${found}`);
    return bundleError('schema', `${where}: must be at most ${max}, ${found}`);
  }
  if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return bundleError('schema', `${where}: must be more than ${s.exclusiveMinimum}, ${found}`);
  if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return bundleError('schema', `${where}: must be less than ${s.exclusiveMaximum}, ${found}`);
  return undefined;
}

function explainString(s: JsonSchemaNode, v: string, where: string): BundleError | undefined {
  if (s.maxLength !== undefined && v.length > s.maxLength)
    return bundleError('stringTooLong', `${where}: longer than ${s.maxLength} characters`, { limit: s.maxLength });
  if (s.minLength !== undefined && v.length < s.minLength)
    return bundleError('schema', s.minLength === 1 ? `${where}: must not be empty` : `${where}: must be at least ${s.minLength} characters`);
  if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) {
    const what =
      s.format === 'date-time'
        ? 'a UTC date and time such as 2026-11-25T12:43:53.123Z'
        : s.format === 'date'
          ? 'a date such as 2026-11-25'
          : `text matching ${s.pattern}`;
    return bundleError('schema', `${where}: expected ${what}, found ${foundValue(v)}`);
  }
  return undefined;
}

/** The first problem of `v` against `node` at `path`, or undefined if there is none. */
function explainAt(node: Node, v: unknown, prefix: string, path: PropertyKey[]): BundleError | undefined {
  const s = node.schema;
  const where = formatPath(prefix, path);
  if (node.anyOf && !node.anyOf.some((a) => a.check(v))) {
    const inner = explainAt(chooseAlternative(node.anyOf, v), v, prefix, path);
    return inner ?? bundleError('schema', `${where}: not an accepted value`);
  }
  switch (s.type) {
    case 'string':
      if (typeof v !== 'string') return bundleError('schema', `${where}: expected string, got ${kindOf(v)}`);
      {
        const e = explainString(s, v, where);
        if (e) return e;
      }
      break;
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) return bundleError('schema', `${where}: expected number, got ${kindOf(v)}`);
      {
        const e = explainNumber(s, v, where);
        if (e) return e;
      }
      break;
    case 'boolean':
      if (typeof v !== 'boolean') return bundleError('schema', `${where}: expected boolean, got ${kindOf(v)}`);
      break;
    case 'null':
      if (v !== null) return bundleError('schema', `${where}: expected null, got ${kindOf(v)}`);
      break;
    case 'array': {
      if (!Array.isArray(v)) return bundleError('schema', `${where}: expected array, got ${kindOf(v)}`);
      if (s.maxItems !== undefined && v.length > s.maxItems) return bundleError('tooMany', `${where}: more than ${s.maxItems} items (${v.length})`, { limit: s.maxItems, count: v.length });
      if (s.minItems !== undefined && v.length < s.minItems) return bundleError('schema', `${where}: must have at least ${s.minItems} items`);
      const item = node.items;
      if (item) {
        for (let i = 0; i < v.length; i++) {
          if (item.check(v[i])) continue;
          path.push(i);
          const e = explainAt(item, v[i], prefix, path);
          path.pop();
          return e ?? bundleError('schema', `${formatPath(prefix, [...path, i])}: does not match the bundle schema`);
        }
      }
      break;
    }
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bundleError('schema', `${where}: expected object, got ${kindOf(v)}`);
      const o = v as Record<string, unknown>;
      for (const p of node.properties ?? []) {
        const has = Object.prototype.hasOwnProperty.call(o, p.key) && o[p.key] !== undefined;
        if (!has) {
          if (p.required) return bundleError('schema', `${formatPath(prefix, [...path, p.key])}: required field is missing`);
          continue;
        }
        if (p.node.check(o[p.key])) continue;
        path.push(p.key);
        const e = explainAt(p.node, o[p.key], prefix, path);
        path.pop();
        if (e) return e;
      }
      if (s.additionalProperties === false) {
        for (const k in o) {
          if (!node.known?.has(k)) return bundleError('schema', `${formatPath(prefix, [...path, k])}: unexpected field`);
        }
      }
      break;
    }
    default:
      break;
  }
  if (s.enum && !s.enum.includes(v)) return bundleError('schema', `${where}: expected ${list(s.enum)}, found ${foundValue(v)}`);
  if ('const' in s && v !== s.const) return bundleError('schema', `${where}: expected ${list([s.const])}, found ${foundValue(v)}`);
  return undefined;
}

export interface Explainer {
  /** The first problem of `value`, named by its path under `prefix`; undefined if it matches. */
  explain(value: unknown): BundleError | undefined;
}

export function compileExplainer(schema: JsonSchemaNode, prefix: string): Explainer {
  let root: Node | undefined;
  return {
    explain(value) {
      root ??= build(schema);
      if (root.check(value)) return undefined;
      return explainAt(root, value, prefix, []) ?? bundleError('schema', `${prefix || '(root)'}: does not match the bundle schema`);
    },
  };
}
