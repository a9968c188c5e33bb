/**
 * A fast validator compiled from the JSON Schema that zod generates from the bundle schema
 * (the subset z.toJSONSchema emits for it: type, properties, required,
 * additionalProperties, items, maxItems, minLength, maxLength, pattern, enum, const,
 * anyOf, minimum, maximum).
 *
 * Why: zod's safeParse builds a copy of every object it checks; on a bundle of 170,000
 * answer revisions that costs as much as JSON.parse itself. This checker allocates nothing
 * and only answers "valid or not"; when it says "not", the reader asks zod for the precise
 * issue. The schema is still defined once (in zod), and a test checks that both agree.
 *
 * `project` copies a value keeping only the members the schema defines, in schema order;
 * the writer uses it so bundles carry no stray fields (database bookkeeping, say).
 */

export interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  maxItems?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaNode[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  $schema?: string;
  description?: string;
}

export interface CompiledSchema {
  check(value: unknown): boolean;
  project(value: unknown): unknown;
}

export type Check = (v: unknown) => boolean;
type Project = (v: unknown) => unknown;

const SUPPORTED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'maxItems',
  'minItems',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'const',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
  '$schema',
  'description',
]);

function all(checks: Check[]): Check {
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0]!;
  if (checks.length === 2) {
    const [a, b] = checks as [Check, Check];
    return (v) => a(v) && b(v);
  }
  return (v) => {
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}

/** A check of one schema node (no allocation, no recursion per item). */
export function compileCheck(s: JsonSchemaNode): Check {
  for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) throw new Error(`compiled schema: unsupported keyword ${k}`);
  const checks: Check[] = [];
  if (s.anyOf) {
    const alts = s.anyOf.map(compileCheck);
    checks.push((v) => alts.some((c) => c(v)));
  }
  switch (s.type) {
    case undefined:
      break;
    case 'string': {
      const min = s.minLength ?? 0;
      const max = s.maxLength ?? Infinity;
      const re = s.pattern !== undefined ? new RegExp(s.pattern) : undefined;
      if (re) {
        // Ids repeat a lot (assessmentId, interviewId, by, deviceId): remember the last one
        // that passed, so the regular expression runs once per distinct run of values.
        let last: string | undefined;
        checks.push((v) => {
          if (v === last) return true;
          if (typeof v !== 'string' || v.length < min || v.length > max || !re.test(v)) return false;
          last = v;
          return true;
        });
      } else checks.push((v) => typeof v === 'string' && v.length >= min && v.length <= max);
      break;
    }
    case 'number':
    case 'integer': {
      const int = s.type === 'integer';
      const min = s.minimum ?? -Infinity;
      const max = s.maximum ?? Infinity;
      const xmin = s.exclusiveMinimum ?? -Infinity;
      const xmax = s.exclusiveMaximum ?? Infinity;
      checks.push(
        (v) =>
          typeof v === 'number' && Number.isFinite(v) && (!int || Number.isInteger(v)) && v >= min && v <= max && v > xmin && v < xmax,
      );
      break;
    }
    case 'boolean':
      checks.push((v) => typeof v === 'boolean');
      break;
    case 'null':
      checks.push((v) => v === null);
      break;
    case 'array': {
      const item = s.items ? compileCheck(s.items) : () => true;
      const min = s.minItems ?? 0;
      const max = s.maxItems ?? Infinity;
      checks.push((v) => {
        if (!Array.isArray(v) || v.length < min || v.length > max) return false;
        for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
        return true;
      });
      break;
    }
    case 'object': {
      const props: Record<string, { check: Check; required: boolean }> = Object.create(null);
      const required = new Set(s.required ?? []);
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        // Members are read as o[k]: a name inherited from Object.prototype would be found on any object.
        if (k in Object.prototype) throw new Error(`compiled schema: member name ${k} is not supported`);
        props[k] = { check: compileCheck(sub), required: required.has(k) };
      }
      for (const k of required) if (!(k in props)) props[k] = { check: () => true, required: true };
      const list = Object.entries(props).map(([k, p]) => ({ k, check: p.check, required: p.required }));
      const extra: Check | undefined =
        s.additionalProperties === false
          ? undefined
          : typeof s.additionalProperties === 'object'
            ? compileCheck(s.additionalProperties)
            : () => true;
      /** Exact check of members the fast path could not account for. */
      const others = (o: Record<string, unknown>): boolean => {
        for (const k in o) {
          if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
          if (props[k] !== undefined || o[k] === undefined) continue;
          if (!extra || !extra(o[k])) return false;
        }
        return true;
      };
      checks.push((v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        let present = 0;
        for (let i = 0; i < list.length; i++) {
          const p = list[i]!;
          const x = o[p.k];
          if (x === undefined) {
            if (p.required) return false;
            continue;
          }
          if (!p.check(x)) return false;
          present++;
        }
        // Same number of members as known members present: nothing else is there.
        let n = 0;
        for (const _ in o) n++;
        return n === present || others(o);
      });
      break;
    }
    default:
      throw new Error(`compiled schema: unsupported type ${s.type}`);
  }
  if (s.enum) {
    const values = new Set(s.enum);
    checks.push((v) => values.has(v));
  }
  if ('const' in s) {
    const c = s.const;
    checks.push((v) => v === c);
  }
  return all(checks);
}

function compileProject(s: JsonSchemaNode): Project {
  if (s.type === 'object' && s.properties) {
    const entries = Object.entries(s.properties).map(([k, sub]) => [k, compileProject(sub)] as const);
    return (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, p] of entries) if (o[k] !== undefined) out[k] = p(o[k]);
      return out;
    };
  }
  if (s.type === 'array' && s.items) {
    const item = compileProject(s.items);
    return (v) => (Array.isArray(v) ? v.map(item) : v);
  }
  return (v) => v;
}

export function compileJsonSchema(schema: JsonSchemaNode): CompiledSchema {
  return { check: compileCheck(schema), project: compileProject(schema) };
}
