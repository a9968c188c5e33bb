/**
 * Synthetic bundles for benchmarks and the fuzzer, built in memory from the seed dataset:
 * interviews cloned with new ids, each answering every question of the catalogue with a
 * seed answer text (so sizes are realistic), one interviewer per bundle.
 */
import { CATALOGUE_ITEMS } from '../../shared/checklist/catalogue';
import { buildSeedDataset } from '../../shared/demo/seedDataset';
import type { AnswerRevision, AnswerValue, Dataset, Interview } from '../../shared/model/types';
import { CHECKLIST_PARTS } from '../../shared/model/types';
import { allowedValues } from '../../shared/checklist/values';

const TEXT_FIELDS = ['elaboration', 'timeline', 'response', 'furtherInfo', 'other', 'documents'] as const;

/**
 * A seed answer's value fitted to another question, so the bundle passes the checklist's
 * value rules: the question's own kind of answer (a token, options, a percentage or a
 * month), and the seed's texts moved to the text fields the question has.
 */
function fitValue(questionId: string, seedValue: AnswerValue, n: number): AnswerValue {
  const allowed = allowedValues(questionId)!;
  const out: Record<string, unknown> = {};
  if (allowed.choice) out.choice = allowed.choice[n % allowed.choice.length];
  if (allowed.choices && allowed.choices.length > 0) out.choices = [allowed.choices[n % allowed.choices.length]];
  if (allowed.number) out.number = (n * 7) % 101;
  if (allowed.date) out.date = `20${String(20 + (n % 5))}-${String((n % 12) + 1).padStart(2, '0')}`;
  const texts = TEXT_FIELDS.filter((f) => allowed.fields.includes(f) && f !== 'other' && f !== 'documents');
  const given = TEXT_FIELDS.map((f) => seedValue[f]).filter((t): t is string => !!t);
  given.forEach((t, i) => {
    const field = texts[i] ?? 'documents';
    out[field] = out[field] ? `${String(out[field])}\n${t}` : t;
  });
  if (seedValue.notes) out.notes = seedValue.notes;
  return out as AnswerValue;
}
import { seedFixtures } from '../fixtures/seed';

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);

/** A deterministic UUID-shaped id: kind, bundle, interview, question. */
export function syntheticId(kind: number, bundle: number, interview: number, question: number): string {
  return `${hex(bundle, 8)}-${hex(interview, 4)}-4${hex(question, 3)}-8${hex(kind, 3)}-${hex(bundle * 1_000_003 + interview * 1009 + question, 12)}`;
}

export interface SyntheticBundle {
  readonly dataset: Dataset;
  readonly interviewer: { id: string; name: string; organization: string; deviceId: string };
}

export function syntheticBundles(bundles: number, interviewsPerBundle: number): SyntheticBundle[] {
  const seed = buildSeedDataset(seedFixtures).dataset;
  const values: AnswerValue[] = seed.answers.map((a) => a.value);
  const questions = CATALOGUE_ITEMS.filter((i) => i.role === 'question').map((i) => i.id);
  const out: SyntheticBundle[] = [];
  for (let b = 0; b < bundles; b++) {
    const interviewer = {
      id: syntheticId(1, b, 0, 0),
      name: `Interviewer ${b + 1}`,
      organization: 'ESCAP national consultant team',
      deviceId: syntheticId(2, b, 0, 0),
    };
    const interviews: Interview[] = [];
    const answers: AnswerRevision[] = [];
    for (let i = 0; i < interviewsPerBundle; i++) {
      const template = seed.interviews[(b * interviewsPerBundle + i) % seed.interviews.length]!;
      const interview: Interview = {
        ...template,
        id: syntheticId(3, b, i, 0),
        parts: [...CHECKLIST_PARTS],
        interviewerId: interviewer.id,
        interviewerName: interviewer.name,
        deviceId: interviewer.deviceId,
      };
      interviews.push(interview);
      questions.forEach((questionId, q) => {
        answers.push({
          id: syntheticId(4, b, i, q),
          assessmentId: seed.assessment.id,
          interviewId: interview.id,
          questionId,
          value: fitValue(questionId, values[(b * 7 + i * 13 + q) % values.length]!, b * 7 + i * 13 + q),
          at: `${template.date}T10:${String(q % 60).padStart(2, '0')}:00.000Z`,
          by: interviewer.id,
          byName: interviewer.name,
          deviceId: interviewer.deviceId,
          parents: [],
        });
      });
    }
    out.push({ interviewer, dataset: { assessment: seed.assessment, stakeholders: seed.stakeholders, interviews, answers, consolidated: [], texts: [], tombstones: [], attachments: [] } });
  }
  return out;
}
