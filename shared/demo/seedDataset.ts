/**
 * A realistic dataset built from the published Kazakhstan report (Annex I stakeholders,
 * Annex III/IV consolidated answers): the same people and the same answers, spread over
 * one interview per organisation and three interviewers. Used by `readiness demo`, the
 * report tests and the browser tests. Deterministic: the same input gives the same ids.
 *
 * The fixtures themselves live in tests/fixtures/seed/ (derived from the seed report);
 * callers pass them in, so this module stays pure.
 */
import { CATALOGUE_VERSION, getItem } from '../checklist/catalogue';
import type {
  AnswerRevision,
  AnswerValue,
  Assessment,
  ChecklistPart,
  ConsolidatedRevision,
  Dataset,
  Interview,
  Sector,
  Stakeholder,
} from '../model/types';
import { withSeedNarrative } from './seedTexts';

export interface SeedStakeholder {
  organization: string;
  honorific: string;
  name: string;
  position: string;
  sector: string;
}

/** One seed answer: a structured value (token, option ids or number) and the texts. */
export interface SeedAnswer {
  value?: string | number | string[];
  elaboration?: string;
  timeline?: string;
  response?: string;
  furtherInfo?: string;
}

export interface SeedFixtures {
  stakeholders: readonly SeedStakeholder[];
  /** Annex III + appendix + Annex IV answers keyed by item id. */
  answers: Readonly<Record<string, SeedAnswer>>;
}

export interface SeedInterviewer {
  id: string;
  name: string;
  organization: string;
  deviceId: string;
}

export interface SeedDataset {
  dataset: Dataset;
  interviewers: SeedInterviewer[];
}

/** A stable UUID-shaped id derived from a label (FNV-1a, not random: tests need stability). */
export function seededId(label: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < label.length; i++) {
      h1 = Math.imul(h1 ^ label.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (label.charCodeAt(i) + round), 0x5bd1e995) >>> 0;
    }
    h1 = Math.imul(h1 ^ round, 0x01000193) >>> 0;
    out += ((h1 ^ h2) >>> 0).toString(16).padStart(8, '0');
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

const SECTORS: readonly string[] = ['government', 'private', 'association', 'international', 'other'];

/** Which parts each organisation was interviewed on (a plausible split of the fieldwork). */
function partsFor(organization: string, sector: string): ChecklistPart[] {
  const legal: ChecklistPart[] = ['legalI', 'legalII', 'legalIII', 'legalIV'];
  const tech: ChecklistPart[] = ['techA', 'techB'];
  if (/State Revenue Committee/.test(organization)) return [...tech, ...legal];
  if (/Ministry of trade and integration/.test(organization)) return [...tech, 'appendix', ...legal];
  if (/Digital Development|National Information Technologies|KazStandard|National Bank/.test(organization)) return [...tech, ...legal];
  if (sector === 'association') return tech;
  return tech;
}

function valueFromSeed(questionId: string, seed: SeedAnswer): AnswerValue {
  const item = getItem(questionId);
  const v: { -readonly [K in keyof AnswerValue]: AnswerValue[K] } = {};
  if (seed.value !== undefined && item) {
    if (Array.isArray(seed.value)) v.choices = seed.value;
    else if (typeof seed.value === 'number') v.number = seed.value;
    else if (item.kind === 'date') v.date = seed.value;
    else if (item.kind === 'text') v.response = seed.value;
    else v.choice = seed.value;
  }
  if (seed.elaboration) v.elaboration = seed.elaboration;
  if (seed.timeline) v.timeline = seed.timeline;
  if (seed.response) v.response = seed.response;
  if (seed.furtherInfo) v.furtherInfo = seed.furtherInfo;
  return v;
}

/** The last paragraph of an answer, as a second stakeholder's partial account of it. */
function secondaryValue(value: AnswerValue): AnswerValue | undefined {
  const text = value.elaboration ?? value.response;
  if (!text) return undefined;
  const paragraphs = text.split('\n').filter((p) => p.trim() !== '');
  if (paragraphs.length < 2) return undefined;
  const last = paragraphs[paragraphs.length - 1]!;
  return {
    ...(value.choice ? { choice: value.choice } : {}),
    ...(value.elaboration ? { elaboration: last } : { response: last }),
  };
}

function hashIndex(label: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h % n;
}

export interface SeedOptions {
  /** Also record the seed's consolidated answers as the lead's consolidated revisions. */
  withConsolidated?: boolean;
  /** Also write the seed's narrative (sections, findings, recommendations, action plan, survey figures), report date and workshop participants. */
  withNarrative?: boolean;
}

export function buildSeedDataset(fixtures: SeedFixtures, options: SeedOptions = {}): SeedDataset {
  const assessmentId = seededId('assessment:kazakhstan');
  const created = '2021-10-01T08:00:00.000Z';
  const assessment: Assessment = {
    id: assessmentId,
    country: 'Kazakhstan',
    title: 'Readiness assessment for cross-border paperless trade: Kazakhstan',
    periodStart: '2021-10-01',
    periodEnd: '2021-11-30',
    reportLanguages: ['en', 'ru', 'kk'],
    catalogueVersion: CATALOGUE_VERSION,
    createdAt: created,
    updatedAt: created,
  };

  const interviewers: SeedInterviewer[] = [
    { name: 'Aigerim Sarsenbayeva', organization: 'ESCAP national consultant team' },
    { name: 'Dmitry Kovalenko', organization: 'ESCAP national consultant team' },
    { name: 'Saule Omarova', organization: 'ESCAP national consultant team' },
  ].map((p, i) => ({ ...p, id: seededId(`interviewer:${i}`), deviceId: seededId(`device:${i}`) }));

  const stakeholders: Stakeholder[] = fixtures.stakeholders.map((s, i) => ({
    id: seededId(`stakeholder:${s.organization}:${s.name}`),
    assessmentId,
    organization: s.organization,
    honorific: s.honorific,
    name: s.name,
    position: s.position,
    sector: (SECTORS.includes(s.sector) ? s.sector : 'other') as Sector,
    contacts: '',
    notes: '',
    createdAt: created,
    updatedAt: created,
    updatedBy: interviewers[i % interviewers.length]!.id,
  }));

  const organizations = [...new Set(stakeholders.map((s) => s.organization))];
  const interviews: Interview[] = organizations.map((org, i) => {
    const people = stakeholders.filter((s) => s.organization === org);
    const interviewer = interviewers[i % interviewers.length]!;
    const day = String(4 + i * 3).padStart(2, '0');
    const date = i * 3 + 4 <= 31 ? `2021-10-${day}` : `2021-11-${String(i * 3 + 4 - 31).padStart(2, '0')}`;
    return {
      id: seededId(`interview:${org}`),
      assessmentId,
      stakeholderIds: people.map((p) => p.id),
      organization: org,
      date,
      place: 'Nur-Sultan',
      language: 'en',
      parts: partsFor(org, people[0]!.sector),
      status: 'completed',
      interviewerId: interviewer.id,
      interviewerName: interviewer.name,
      deviceId: interviewer.deviceId,
      createdAt: `${date}T09:00:00.000Z`,
      updatedAt: `${date}T12:00:00.000Z`,
    };
  });

  const answers: AnswerRevision[] = [];
  const consolidated: ConsolidatedRevision[] = [];
  const lead = interviewers[0]!;
  for (const [questionId, seed] of Object.entries(fixtures.answers)) {
    const item = getItem(questionId);
    if (!item) continue;
    const eligible = interviews.filter((iv) => iv.parts.includes(item.part));
    if (eligible.length === 0) continue;
    const value = valueFromSeed(questionId, seed);
    const primary = eligible[hashIndex(questionId, eligible.length)]!;
    const add = (iv: Interview, v: AnswerValue, minute: number) =>
      answers.push({
        id: seededId(`answer:${iv.id}:${questionId}`),
        assessmentId,
        interviewId: iv.id,
        questionId,
        value: v,
        at: `${iv.date}T10:${String(minute % 60).padStart(2, '0')}:00.000Z`,
        by: iv.interviewerId,
        byName: iv.interviewerName,
        deviceId: iv.deviceId,
        parents: [],
      });
    add(primary, value, item.index);
    const partial = secondaryValue(value);
    if (partial && eligible.length > 1) {
      const second = eligible[(hashIndex(questionId, eligible.length) + 1) % eligible.length]!;
      add(second, partial, item.index + 1);
    }
    if (options.withConsolidated) {
      consolidated.push({
        id: seededId(`consolidated:${questionId}`),
        assessmentId,
        questionId,
        value: { ...value, review: 'reviewed' },
        at: '2021-12-01T10:00:00.000Z',
        by: lead.id,
        byName: lead.name,
        deviceId: lead.deviceId,
        parents: [],
      });
    }
  }

  const dataset: Dataset = { assessment, stakeholders, interviews, answers, consolidated, texts: [], tombstones: [], attachments: [] };
  return { dataset: options.withNarrative ? withSeedNarrative(dataset, { by: lead.id, byName: lead.name, deviceId: lead.deviceId }) : dataset, interviewers };
}
