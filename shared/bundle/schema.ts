/**
 * The bundle format, defined once. The zod schemas below validate every bundle that is
 * read, and `build/gen-bundle-schema.ts` turns them into docs/bundle.schema.json for
 * anyone writing a bundle outside this app. See docs/bundle-format.md.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { CHECKLIST_PARTS, SECTORS } from '../model/types';
import type { Dataset, DatasetV1 } from '../model/types';
import { generateChecker } from './codegen';
import type { JsonSchemaNode } from './compiled';

/** The value of the top-level "format" member of every bundle, plain or encrypted. */
export const BUNDLE_FORMAT = 'readiness-studio-bundle';
/** The format version this code writes. Readers refuse a greater version. */
export const BUNDLE_FORMAT_VERSION = 2;
/** Every format version this code reads. */
export const READABLE_FORMAT_VERSIONS = [1, 2] as const;
export type FormatVersion = (typeof READABLE_FORMAT_VERSIONS)[number];
/** File extension (without the dot) and MIME type. */
export const BUNDLE_EXTENSION = 'rsb';
export const BUNDLE_MIME = 'application/json';

/** Hard limits: every string and array is capped so a hostile file cannot exhaust memory. */
export const LIMITS = {
  /** Whole file, checked before anything is decoded (same as the bridge's MAX_FILE_BYTES). */
  fileBytes: 200 * 1024 * 1024,
  /** Nesting of objects and arrays; a valid bundle nests 6 deep. Checked before JSON.parse. */
  depth: 12,
  id: 100,
  token: 100,
  short: 500,
  /** Answer texts (elaboration, response, …). The longest seed answer is under 5,000. */
  text: 50_000,
  stakeholders: 50_000,
  interviews: 50_000,
  /** 1,000 interviews × 170 questions × ~6 revisions each. */
  answers: 1_000_000,
  consolidated: 200_000,
  /** Answer, consolidated and text revisions together. */
  revisions: 1_000_000,
  /** Any other array: at the top levels (checked by the pre-scan) … */
  arrayItems: 1_000_000,
  /** … and inside a record (the largest is a rich text's blocks or inlines). */
  nestedItems: 10_000,
  parents: 100,
  stakeholderIds: 1_000,
  choices: 200,
  /** Format 2. */
  texts: 200_000,
  tombstones: 200_000,
  attachments: 50_000,
  /** Blocks of one rich text, inlines of one block. */
  blocks: 10_000,
  inlines: 10_000,
  /** Items, findings, agencies, recommendations listed on one text; links of one attachment. */
  refs: 1_000,
  /** Survey groups and comparisons of one survey year. */
  surveyRates: 100,
} as const;

const id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9._:-]+$/);
const questionId = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9._-]+$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
/** ISO 8601 in UTC ("…Z"), so that string order is time order (last-writer-wins relies on it). */
const timestamp = z.iso.datetime();
const calendarDate = z.union([z.iso.date(), z.literal('')]);
const short = z.string().max(LIMITS.short);
const text = z.string().max(LIMITS.text);
const token = z.string().max(LIMITS.token);
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const LangSchema = z.enum(LANGUAGES);

const assessmentFieldsV1 = {
  id,
  country: short,
  title: short,
  periodStart: calendarDate,
  periodEnd: calendarDate,
  reportLanguages: z.array(LangSchema).max(LANGUAGES.length),
  catalogueVersion: z.string().max(LIMITS.token),
  createdAt: timestamp,
  updatedAt: timestamp,
};
export const AssessmentSchemaV1 = z.strictObject(assessmentFieldsV1);
export const AssessmentSchema = z.strictObject({
  ...assessmentFieldsV1,
  reportDate: calendarDate.optional(),
  sourceLanguage: LangSchema.optional(),
});

const stakeholderFieldsV1 = {
  id,
  assessmentId: id,
  organization: short,
  honorific: short,
  name: short,
  position: short,
  sector: z.enum(SECTORS),
  contacts: text,
  notes: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: id,
};
export const StakeholderSchemaV1 = z.strictObject(stakeholderFieldsV1);
export const StakeholderSchema = z.strictObject({ ...stakeholderFieldsV1, workshop: z.boolean().optional() });

export const InterviewSchema = z.strictObject({
  id,
  assessmentId: id,
  stakeholderIds: z.array(id).max(LIMITS.stakeholderIds),
  organization: short,
  date: calendarDate,
  place: short,
  language: LangSchema,
  parts: z.array(z.enum(CHECKLIST_PARTS)).max(CHECKLIST_PARTS.length),
  status: z.enum(['draft', 'completed']),
  interviewerId: id,
  interviewerName: short,
  deviceId: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const valueFields = {
  choice: token.optional(),
  choices: z.array(token).max(LIMITS.choices).optional(),
  number: z.number().optional(),
  date: token.optional(),
  other: text.optional(),
  elaboration: text.optional(),
  timeline: text.optional(),
  response: text.optional(),
  furtherInfo: text.optional(),
  documents: text.optional(),
};

export const AnswerValueSchema = z.strictObject({ ...valueFields, notes: text.optional() });

export const ConsolidatedValueSchema = z.strictObject({
  ...valueFields,
  review: z.enum(['draft', 'reviewed', 'hasIssues']),
  comment: text.optional(),
});

const revisionFields = {
  id,
  assessmentId: id,
  questionId,
  at: timestamp,
  by: id,
  byName: short,
  deviceId: id,
  parents: z.array(id).max(LIMITS.parents),
};

export const AnswerRevisionSchema = z.strictObject({
  ...revisionFields,
  interviewId: id,
  value: AnswerValueSchema,
});

export const ConsolidatedRevisionSchema = z.strictObject({
  ...revisionFields,
  value: ConsolidatedValueSchema,
});

// ---- Format 2: texts, tombstones, attachments --------------------------------------------

const richText = z.strictObject({
  blocks: z
    .array(
      z.strictObject({
        kind: z.enum(['paragraph', 'bullet', 'numbered']),
        level: z.int().min(0).max(2).optional(),
        inlines: z
          .array(
            z.union([
              z.strictObject({ t: z.literal('text'), text, bold: z.boolean().optional(), italic: z.boolean().optional() }),
              z.strictObject({ t: z.literal('ref'), itemId: questionId }),
              z.strictObject({ t: z.literal('footnote'), text }),
            ]),
          )
          .max(LIMITS.inlines),
      }),
    )
    .max(LIMITS.blocks),
});
const textState = z.enum(['draft', 'reviewed']);
const reportPart = z.enum(['technical', 'legal']);
/** A rate in percent, or null when not given. */
const rate = z.union([z.number().min(0).max(100), z.null()]);
const surveyRates = z.array(z.strictObject({ group: token, rate })).max(LIMITS.surveyRates);
const refs = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.refs);

export const TextValueSchema = z.union([
  z.strictObject({ kind: z.literal('section'), title: short.optional(), body: richText, state: textState }),
  z.strictObject({ kind: z.literal('finding'), body: richText, state: textState }),
  z.strictObject({
    kind: z.literal('recommendation'),
    part: reportPart,
    area: token,
    order: z.number(),
    body: richText,
    items: refs(questionId),
    findings: refs(token),
    state: textState,
  }),
  z.strictObject({
    kind: z.literal('action'),
    part: reportPart,
    area: token,
    parent: token,
    order: z.number(),
    text: richText,
    priority: z.enum(['high', 'medium', 'low', '']),
    timeline: short,
    capacityBuilding: z.strictObject({ needed: z.enum(['yes', 'no', '']), text }),
    agencies: refs(short),
    recommendations: refs(token),
  }),
  z.strictObject({
    kind: z.literal('survey'),
    year: z.int().min(1900).max(2999),
    rates: surveyRates,
    overall: rate,
    comparisons: z.array(z.strictObject({ label: short, overall: rate, rates: surveyRates })).max(LIMITS.surveyRates),
  }),
  z.strictObject({ kind: z.literal('name'), text: short }),
  z.strictObject({
    kind: z.literal('answer'),
    elaboration: text.optional(),
    timeline: text.optional(),
    response: text.optional(),
    other: text.optional(),
    furtherInfo: text.optional(),
    documents: text.optional(),
  }),
  z.strictObject({ kind: z.literal('deleted'), reason: text.optional() }),
]);

export const TextRevisionSchema = z.strictObject({
  id,
  assessmentId: id,
  key: token,
  lang: LangSchema,
  translates: id.optional(),
  translationState: z.enum(['translated', 'reviewed']).optional(),
  value: TextValueSchema,
  at: timestamp,
  by: id,
  byName: short,
  deviceId: id,
  parents: z.array(id).max(LIMITS.parents),
});

export const TombstoneSchema = z.strictObject({
  id,
  assessmentId: id,
  target: z.enum(['assessment', 'stakeholder', 'interview', 'attachment']),
  targetId: id,
  reason: text,
  replacedBy: id.optional(),
  at: timestamp,
  by: id,
  byName: short,
  deviceId: id,
});

export const AttachmentSchema = z.strictObject({
  id,
  assessmentId: id,
  sha256: hex(64),
  size: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  mediaType: token,
  fileName: short,
  title: short,
  received: calendarDate,
  organization: short,
  links: refs(
    z.union([
      z.strictObject({ kind: z.literal('answer'), interviewId: id, questionId }),
      z.strictObject({ kind: z.literal('consolidated'), questionId }),
      z.strictObject({ kind: z.literal('text'), key: token }),
    ]),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: id,
});

/** The payload of format 1. */
export const DatasetSchemaV1 = z.strictObject({
  assessment: AssessmentSchemaV1,
  stakeholders: z.array(StakeholderSchemaV1).max(LIMITS.stakeholders),
  interviews: z.array(InterviewSchema).max(LIMITS.interviews),
  answers: z.array(AnswerRevisionSchema).max(LIMITS.answers),
  consolidated: z.array(ConsolidatedRevisionSchema).max(LIMITS.consolidated),
});

/** The payload (format 2): one assessment and everything recorded for it. Same shape as Dataset. */
export const DatasetSchema = z.strictObject({
  assessment: AssessmentSchema,
  stakeholders: z.array(StakeholderSchema).max(LIMITS.stakeholders),
  interviews: z.array(InterviewSchema).max(LIMITS.interviews),
  answers: z.array(AnswerRevisionSchema).max(LIMITS.answers),
  consolidated: z.array(ConsolidatedRevisionSchema).max(LIMITS.consolidated),
  texts: z.array(TextRevisionSchema).max(LIMITS.texts),
  tombstones: z.array(TombstoneSchema).max(LIMITS.tombstones),
  attachments: z.array(AttachmentSchema).max(LIMITS.attachments),
});

export const BUNDLE_KINDS = ['interviews', 'backup'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const manifestFieldsV1 = {
  bundleId: uuid,
  exportedAt: timestamp,
  interviewer: z.strictObject({ id, name: short, organization: short }),
  deviceId: id,
  appVersion: token,
  catalogueVersion: token,
  catalogueHash: z.string().regex(/^[0-9a-f]{1,64}$/),
  kind: z.enum(BUNDLE_KINDS),
  assessmentId: id,
  counts: z.strictObject({ stakeholders: count, interviews: count, answers: count, consolidated: count }),
  /** SHA-256 (lower-case hex) of the payload's bytes exactly as they appear in the file. */
  payloadSha256: hex(64),
};
export const ManifestSchemaV1 = z.strictObject(manifestFieldsV1);
export const ManifestSchema = z.strictObject({
  ...manifestFieldsV1,
  /**
   * Answer values the writer carries knowingly although its checklists do not allow them:
   * kept and flagged by an earlier import of a bundle from other checklists (see
   * docs/bundle-format.md, "Answer values"). Absent means 0.
   */
  flaggedValues: count.optional(),
  counts: z.strictObject({
    stakeholders: count,
    interviews: count,
    answers: count,
    consolidated: count,
    texts: count,
    tombstones: count,
    attachments: count,
  }),
});

/** A plain bundle of format 1. */
export const PlainBundleSchemaV1 = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  manifest: ManifestSchemaV1,
  payload: DatasetSchemaV1,
});

/**
 * A plain bundle (format 2): the JSON document of a format 2 container (`bundle.json`), or
 * a file of its own when there are no attachments. Writers put `payload` last; see
 * docs/bundle-format.md for the checksum.
 */
export const PlainBundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  manifest: ManifestSchema,
  payload: DatasetSchema,
});

export const KDF_MIN_ITERATIONS = 600_000;
/** Readers refuse more than this, so a hostile file cannot keep the app busy for minutes. */
export const KDF_MAX_ITERATIONS = 5_000_000;
/** Readers accept files made with fewer iterations than writers use (tests, older writers). */
export const KDF_READ_MIN_ITERATIONS = 1_000;

const base64 = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const EncryptionHeaderSchema = z.strictObject({
  cipher: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().min(KDF_READ_MIN_ITERATIONS).max(KDF_MAX_ITERATIONS),
  /** 16 random bytes, base64. */
  salt: base64(24),
  /** 12 random bytes, base64. */
  iv: base64(16),
  /** 32 bytes (HKDF "verifier" output), base64: tells a wrong passphrase from a damaged file. */
  verifier: base64(44),
});

/** An encrypted bundle: the whole plain bundle, encrypted; the manifest is inside. */
export const EncryptedBundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(BUNDLE_FORMAT_VERSION)]),
  encrypted: z.literal(true),
  encryption: EncryptionHeaderSchema,
  /** SHA-256 (hex) of the authenticated header bytes followed by the ciphertext bytes. */
  sha256: hex(64),
  /** AES-GCM output (ciphertext and 16-byte tag), base64. */
  ciphertext: base64(Math.ceil((LIMITS.fileBytes * 4) / 3) + 4),
});

/** The schema published in docs/bundle.schema.json: a plain or an encrypted bundle. */
export const BundleFileSchema = z.union([PlainBundleSchema, PlainBundleSchemaV1, EncryptedBundleSchema]);

export type BundleManifest = z.infer<typeof ManifestSchema>;
export type EncryptionHeader = z.infer<typeof EncryptionHeaderSchema>;

// The schema and the model must describe the same thing: this fails to compile if a field
// is added, removed or retyped on one side only.
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _SchemaMatchesModel = Assert<Equals<z.infer<typeof DatasetSchema>, Mutable<Dataset>>>;
export type _SchemaV1MatchesModel = Assert<Equals<z.infer<typeof DatasetSchemaV1>, Mutable<DatasetV1>>>;

/** The JSON Schema of a bundle file, as published in docs/bundle.schema.json. */
export function bundleJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(BundleFileSchema) as Record<string, unknown>;
  return {
    $schema,
    title: 'Readiness Studio bundle (.rsb)',
    description:
      'Generated from shared/bundle/schema.ts by build/gen-bundle-schema.ts; do not edit. A plain bundle (manifest and payload) or an encrypted one (the plain bundle, encrypted). See docs/bundle-format.md for the checksum, encryption and the rules a schema cannot express.',
    ...rest,
  };
}

/** The exact text of docs/bundle.schema.json. */
export function bundleJsonSchemaText(): string {
  return `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
}

/** The exact text of shared/bundle/checkDataset.generated.ts: the payload validator (format 2). */
export function datasetCheckerSource(): string {
  const header = [
    '// Generated by build/gen-bundle-schema.ts from DatasetSchema in shared/bundle/schema.ts: do not edit.',
    '// The fast path of payload validation (see shared/bundle/codegen.ts); zod explains failures.',
  ].join('\n');
  return generateChecker(z.toJSONSchema(DatasetSchema) as JsonSchemaNode, 'checkDataset', header);
}

/** The exact text of shared/bundle/checkDatasetV1.generated.ts: the payload validator of format 1. */
export function datasetV1CheckerSource(): string {
  const header = [
    '// Generated by build/gen-bundle-schema.ts from DatasetSchemaV1 in shared/bundle/schema.ts: do not edit.',
    '// The fast path of payload validation for format 1 bundles (see shared/bundle/codegen.ts).',
  ].join('\n');
  return generateChecker(z.toJSONSchema(DatasetSchemaV1) as JsonSchemaNode, 'checkDatasetV1', header);
}
