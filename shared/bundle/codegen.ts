/**
 * Generates the source of a validator function from a JSON Schema (the subset that
 * compiled.ts supports), the way ajv's "standalone" mode does. build/gen-bundle-schema.ts
 * writes it to shared/bundle/checkDataset.generated.ts for the bundle payload.
 *
 * Why generate code at build time: the payload of a large import holds ~170,000 answer
 * revisions. Generated code reads members by name (`o.questionId`), which V8 turns into
 * monomorphic property loads, and is several times faster than interpreting the schema.
 * Generating it at run time (new Function) is not an option: the app's Content-Security-
 * Policy forbids eval.
 */
import type { JsonSchemaNode } from './compiled';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function generateChecker(schema: JsonSchemaNode, exportName: string, header: string): string {
  const out: string[] = [];
  let counter = 0;

  function emit(s: JsonSchemaNode): string {
    const name = `c${counter++}`;
    const body: string[] = [];
    const pre: string[] = [];
    if (s.anyOf) {
      const alts = s.anyOf.map(emit);
      body.push(`  if (!(${alts.map((a) => `${a}(v)`).join(' || ')})) return false;`);
    }
    switch (s.type) {
      case undefined:
        break;
      case 'string': {
        const conds = ["typeof v !== 'string'"];
        if (s.minLength !== undefined) conds.push(`v.length < ${s.minLength}`);
        if (s.maxLength !== undefined) conds.push(`v.length > ${s.maxLength}`);
        if (s.pattern !== undefined) {
          pre.push(`const ${name}re = new RegExp(${JSON.stringify(s.pattern)});`);
          pre.push(`let ${name}last: unknown;`);
          conds.push(`!${name}re.test(v)`);
          // Ids repeat a lot: the last value that passed needs no second regular expression.
          body.push(`  if (v === ${name}last) return true;`);
          body.push(`  if (${conds.join(' || ')}) return false;`);
          body.push(`  ${name}last = v;`);
        } else body.push(`  if (${conds.join(' || ')}) return false;`);
        break;
      }
      case 'number':
      case 'integer': {
        const conds = [s.type === 'integer' ? "typeof v !== 'number' || !Number.isInteger(v)" : "typeof v !== 'number' || !Number.isFinite(v)"];
        if (s.minimum !== undefined) conds.push(`v < ${s.minimum}`);
        if (s.maximum !== undefined) conds.push(`v > ${s.maximum}`);
        if (s.exclusiveMinimum !== undefined) conds.push(`v <= ${s.exclusiveMinimum}`);
        if (s.exclusiveMaximum !== undefined) conds.push(`v >= ${s.exclusiveMaximum}`);
        body.push(`  if (${conds.join(' || ')}) return false;`);
        break;
      }
      case 'boolean':
        body.push("  if (typeof v !== 'boolean') return false;");
        break;
      case 'null':
        body.push('  if (v !== null) return false;');
        break;
      case 'array': {
        const item = s.items ? emit(s.items) : undefined;
        const conds = ['!Array.isArray(v)'];
        if (s.minItems !== undefined) conds.push(`v.length < ${s.minItems}`);
        if (s.maxItems !== undefined) conds.push(`v.length > ${s.maxItems}`);
        body.push(`  if (${conds.join(' || ')}) return false;`);
        if (item) body.push(`  for (let i = 0; i < v.length; i++) if (!${item}(v[i])) return false;`);
        break;
      }
      case 'object': {
        if (s.additionalProperties !== false) throw new Error('codegen: only closed objects (additionalProperties: false) are supported');
        const required = new Set(s.required ?? []);
        const props = Object.entries(s.properties ?? {}).map(([k, sub]) => {
          if (!IDENT.test(k) || k in Object.prototype) throw new Error(`codegen: member name ${k} is not supported`);
          return { k, fn: emit(sub), required: required.has(k) };
        });
        for (const k of required) if (!props.some((p) => p.k === k)) throw new Error(`codegen: required member ${k} has no schema`);
        const known = props.map((p) => JSON.stringify(p.k)).join(', ');
        pre.push(`const ${name}known = new Set<string>([${known}]);`);
        body.push("  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;");
        body.push('  const o = v as Record<string, unknown>;');
        body.push('  let n = 0;');
        // One member: a const (lint's prefer-const); more: one variable reused.
        if (props.length > 1) body.push('  let x: unknown;');
        for (const p of props) {
          body.push(props.length > 1 ? `  x = o.${p.k};` : `  const x = o.${p.k};`);
          if (p.required) body.push(`  if (x === undefined || !${p.fn}(x)) return false;`);
          else body.push(`  if (x !== undefined) { if (!${p.fn}(x)) return false; n++; }`);
        }
        const requiredCount = props.filter((p) => p.required).length;
        body.push(`  n += ${requiredCount};`);
        body.push('  let k = 0;');
        body.push('  for (const _ in o) k++;');
        body.push(`  return k === n || onlyKnown(o, ${name}known);`);
        break;
      }
      default:
        throw new Error(`codegen: unsupported type ${s.type}`);
    }
    if (s.enum) body.push(`  if (!(${s.enum.map((e) => `v === ${JSON.stringify(e)}`).join(' || ')})) return false;`);
    if ('const' in s) body.push(`  if (v !== ${JSON.stringify(s.const)}) return false;`);
    if (!body.some((l) => l.startsWith('  return '))) body.push('  return true;');
    out.push(...pre);
    out.push(`function ${name}(v: unknown): boolean {`, ...body, '}');
    return name;
  }

  const root = emit(schema);
  return [
    header,
    '/** Members other than the known ones: only allowed if undefined (as JSON never has them). */',
    'function onlyKnown(o: Record<string, unknown>, known: ReadonlySet<string>): boolean {',
    '  for (const k in o) {',
    '    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;',
    '    if (!known.has(k) && o[k] !== undefined) return false;',
    '  }',
    '  return true;',
    '}',
    '',
    ...out,
    '',
    `export function ${exportName}(value: unknown): boolean {`,
    `  return ${root}(value);`,
    '}',
    '',
  ].join('\n');
}
