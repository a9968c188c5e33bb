/**
 * The seed's narrative (shared/demo/seedNarrative.ts) as text revisions of the lead, the
 * report date, and the workshop participants of Annex II: what `readiness demo` writes
 * into the lead's bundle so the demo report reads like the published one.
 */
import type { Dataset, Stakeholder, TextRevision, TextValue } from '../model/types';
import { actionKey, findingKey, nameKey, recKey, sectionKey, surveyKey, type SectionId } from '../narrative/keys';
import { plainToRich } from '../narrative/rich';
import { textRevision, type TextAuthor } from '../narrative/write';
import { SEED_ACTIONS, SEED_FINDINGS, SEED_RECOMMENDATIONS, SEED_REPORT_DATE, SEED_SECTIONS, SEED_SURVEY, SEED_WORKSHOP_INTERVIEWED, SEED_WORKSHOP_ONLY } from './seedNarrative';
import { seededId } from './seedDataset';
import { nameVersion } from '../translation/units';

const WRITTEN_AT = '2021-12-10T09:00:00.000Z';

/** Every text of the seed's narrative, written in English by `author`. */
export function seedTexts(assessmentId: string, author: TextAuthor): TextRevision[] {
  let minute = 0;
  const out: TextRevision[] = [];
  const add = (key: string, value: TextValue) => {
    const at = new Date(Date.parse(WRITTEN_AT) + 60_000 * minute++).toISOString();
    out.push(textRevision({ id: seededId(`text:${key}`), assessmentId, key, lang: 'en', value, at, author }));
  };
  for (const [id, text] of Object.entries(SEED_SECTIONS)) add(sectionKey(id as SectionId), { kind: 'section', body: plainToRich(text), state: 'reviewed' });
  for (const [area, text] of Object.entries(SEED_FINDINGS)) add(findingKey(area), { kind: 'finding', body: plainToRich(text), state: 'reviewed' });
  for (const part of ['technical', 'legal'] as const) {
    const recIds = SEED_RECOMMENDATIONS[part].map((_, i) => seededId(`rec:${part}:${i + 1}`));
    SEED_RECOMMENDATIONS[part].forEach((r, i) =>
      add(recKey(recIds[i]!), {
        kind: 'recommendation',
        part,
        area: r.area,
        order: i + 1,
        body: plainToRich(r.text),
        items: [...(r.items ?? [])],
        findings: SEED_FINDINGS[r.area] ? [findingKey(r.area)] : [],
        state: 'reviewed',
      }),
    );
    const idOf = (number: string) => seededId(`action:${part}:${number}`);
    for (const row of SEED_ACTIONS[part]) {
      const dot = row.number.lastIndexOf('.');
      const parent = dot < 0 ? '' : idOf(row.number.slice(0, dot));
      add(actionKey(idOf(row.number)), {
        kind: 'action',
        part,
        area: row.area,
        parent,
        order: Number(row.number.slice(dot + 1)),
        text: plainToRich(row.text),
        priority: row.priority,
        timeline: row.timeline,
        capacityBuilding: { needed: row.capacity, text: '' },
        agencies: [...new Set(row.agencies)],
        recommendations: row.recs.map((n) => recKey(recIds[n - 1]!)),
      });
    }
  }
  // The country's name in the other report languages (the translation mechanism of names).
  for (const [lang, text] of [['ru', 'Казахстан'], ['kk', 'Қазақстан']] as const) {
    const at = new Date(Date.parse(WRITTEN_AT) + 60_000 * minute++).toISOString();
    // A translation names its source version: for a name, the hash of the source text ("Kazakhstan").
    const revision = textRevision({ id: seededId(`text:name:country:${lang}`), assessmentId, key: nameKey('country'), lang, value: { kind: 'name', text }, at, author });
    out.push({ ...revision, translates: nameVersion('Kazakhstan'), translationState: 'reviewed' });
  }
  add(surveyKey(SEED_SURVEY.year), {
    kind: 'survey',
    year: SEED_SURVEY.year,
    overall: SEED_SURVEY.overall,
    rates: SEED_SURVEY.rates.map((r) => ({ ...r })),
    comparisons: SEED_SURVEY.comparisons.map((c) => ({ label: c.label, overall: c.overall, rates: [] })),
  });
  return out;
}

/** The dataset with the seed's narrative, its report date and its workshop participants. */
export function withSeedNarrative(dataset: Dataset, author: TextAuthor): Dataset {
  const { assessment } = dataset;
  const at = '2021-11-19T12:00:00.000Z'; // the national consultation
  const stakeholders: Stakeholder[] = dataset.stakeholders.map((s) => (SEED_WORKSHOP_INTERVIEWED.includes(s.name) ? { ...s, workshop: true, updatedAt: at } : s));
  for (const p of SEED_WORKSHOP_ONLY) {
    stakeholders.push({
      id: seededId(`stakeholder:${p.organization}:${p.name}`),
      assessmentId: assessment.id,
      organization: p.organization,
      honorific: p.honorific,
      name: p.name,
      position: p.position,
      sector: p.sector as Stakeholder['sector'],
      contacts: '',
      notes: '',
      createdAt: at,
      updatedAt: at,
      updatedBy: author.by,
      workshop: true,
    });
  }
  return {
    ...dataset,
    assessment: { ...assessment, reportDate: SEED_REPORT_DATE, sourceLanguage: 'en', updatedAt: WRITTEN_AT },
    stakeholders,
    texts: [...dataset.texts, ...seedTexts(assessment.id, author)],
  };
}
