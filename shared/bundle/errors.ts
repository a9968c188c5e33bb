/**
 * What can go wrong reading a bundle, as data: a code the UI translates (see messages.ts
 * and locales/<lang>/bundle.json), an optional technical detail (a JSON path and the
 * problem, an id) and parameters for the message.
 */
import type { z } from 'zod';

export const BUNDLE_ERROR_CODES = [
  'empty',
  'tooLarge',
  'notJson',
  'truncated',
  'tooDeep',
  'forbiddenKey',
  'foreign',
  'futureVersion',
  'schema',
  'stringTooLong',
  'tooMany',
  'duplicateId',
  'revisionCycle',
  'invalidValue',
  'checksumMismatch',
  'incompatibleCatalogue',
  'passphraseRequired',
  'wrongPassphrase',
  'tampered',
  // Format 2 container (ZIP): see shared/bundle/container.ts.
  'damaged',
  'unsafeEntry',
  'unexpectedEntry',
  'tooManyEntries',
  'entryTooLarge',
  'fileMismatch',
  'missingFile',
  'internal',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export interface BundleError {
  readonly code: BundleErrorCode;
  /** Technical detail, e.g. "payload.answers[3].at: expected string, got number". */
  readonly detail?: string;
  /** Values for the message's placeholders (limit, version, …); `file` when known. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export const BUNDLE_WARNING_CODES = [
  'unknownQuestions',
  'catalogueDiffers',
  'danglingReferences',
  'reformatted',
  'migratedQuestions',
  'danglingParents',
  'unexpectedValues',
] as const;
export type BundleWarningCode = (typeof BUNDLE_WARNING_CODES)[number];

/** Something worth telling the user about a bundle that was read successfully. */
export interface BundleWarning {
  readonly code: BundleWarningCode;
  readonly detail?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function bundleError(code: BundleErrorCode, detail?: string, params?: Record<string, string | number>): BundleError {
  return { code, ...(detail !== undefined ? { detail } : {}), ...(params ? { params } : {}) };
}

/** "payload.answers[3].value.choice" from ["answers", 3, "value", "choice"] under "payload". */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/** Turns the first zod issue into a BundleError with a readable detail. */
export function errorFromIssue(issue: z.core.$ZodIssue, prefix: string, root: unknown): BundleError {
  const where = formatPath(prefix, issue.path);
  if (issue.code !== 'unrecognized_keys' && issue.code !== 'too_big' && issue.code !== 'too_small' && at(root, issue.path) === undefined)
    return bundleError('schema', `${where}: required field is missing`);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string')
        return bundleError('stringTooLong', `${where}: longer than ${String(issue.maximum)} characters`, { limit: Number(issue.maximum) });
      if (issue.origin === 'array') return bundleError('schema', `${where}: more than ${String(issue.maximum)} items`);
      return bundleError('schema', `${where}: must be at most ${String(issue.maximum)}`);
    case 'too_small':
      if (issue.origin === 'string') return bundleError('schema', `${where}: must not be empty`);
      return bundleError('schema', `${where}: must be at least ${String(issue.minimum)}`);
    case 'invalid_type':
      return bundleError('schema', `${where}: expected ${issue.expected}, got ${describe(at(root, issue.path))}`);
    case 'unrecognized_keys':
      return bundleError('schema', `${formatPath(prefix, [...issue.path, issue.keys[0] ?? '?'])}: unexpected field`);
    case 'invalid_value':
      return bundleError(
        'schema',
        `${where}: expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`,
      );
    case 'invalid_format': {
      const what =
        issue.format === 'datetime'
          ? 'a UTC date and time such as 2026-11-25T12:43:53.123Z'
          : issue.format === 'date'
            ? 'a date such as 2026-11-25'
            : issue.format === 'regex'
              ? `text matching ${issue.pattern ?? 'the expected pattern'}`
              : `a valid ${issue.format}`;
      return bundleError('schema', `${where}: expected ${what}`);
    }
    case 'invalid_union': {
      // Report the first alternative's problem (e.g. "expected a date"), at its full path.
      const inner = issue.errors[0]?.[0];
      if (inner) return errorFromIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, prefix, root);
      return bundleError('schema', `${where}: not an accepted value`);
    }
    default:
      return bundleError('schema', `${where}: ${issue.message}`);
  }
}
