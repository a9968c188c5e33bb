/**
 * Translation units: what there is to translate, states (missing, translated, reviewed,
 * outdated with what changed after a source edit), progress, filters, saving, and two
 * translators' versions of one text merged into a conflict the lead resolves.
 */
import { describe, expect, it } from 'vitest';
import { consolidatedHeads, filterUnits, translationProgress, translationRevisions, translationUnits, untranslated } from '../../../shared/translation';
import { consolidatedKey, currentText, textIn } from '../../../shared/narrative';
import { mergeAll } from '../../../shared/merge';
import type { ConsolidatedRevision } from '../../../shared/model/types';
import { author, ids, seed, withConsolidated, withTexts } from './helpers';

const AT = '2026-11-28T02:00:00.000Z';

describe('translation units', () => {
  it('lists names, narrative and consolidated answers with context, all missing at first', () => {
    const d = seed();
    const units = translationUnits(d, 'ru');
    expect(units.length).toBeGreaterThan(200);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    expect(units.every((u) => u.state === 'missing' && u.target === undefined)).toBe(true);
    const country = units.find((u) => u.id === 'name.country')!;
    expect(country.source).toBe('Kazakhstan');
    // One unit per distinct organisation name, standing for every stakeholder of it.
    const orgs = units.filter((u) => u.id.startsWith('org.'));
    expect(new Set(orgs.map((u) => u.source)).size).toBe(orgs.length);
    expect(orgs.some((u) => u.slots.length > 1)).toBe(true);
    const answer = units.find((u) => u.part === 'answers')!;
    expect(answer.itemId).not.toBe('');
    expect(answer.context).toContain(answer.itemId);
    expect(units.some((u) => u.id.startsWith('finding:') && u.rich)).toBe(true);
    // The source language has nothing to translate.
    expect(translationUnits(d, 'en')).toEqual([]);
    expect(translationProgress(units, 'ru')).toMatchObject({ total: units.length, done: 0, missing: units.length });
  });

  it('saves translations as revisions that the report lookup prints, and counts progress', () => {
    const d = seed();
    const units = translationUnits(d, 'ru');
    const answer = units.find((u) => u.part === 'answers' && u.slots[0]!.field === 'elaboration')!;
    const finding = units.find((u) => u.id.startsWith('finding:'))!;
    const { revisions, unknown } = translationRevisions(
      d,
      'ru',
      [
        { unitId: answer.id, target: 'Перевод ответа.' },
        { unitId: finding.id, target: 'Выводы: **важно** и ссылка [[A2.1.1]].', reviewed: true },
        { unitId: 'finding:NOPE_body', target: 'x' },
      ],
      { author: author('tr'), at: AT, newId: ids('r') },
    );
    expect(unknown).toEqual(['finding:NOPE_body']);
    expect(revisions).toHaveLength(2);
    expect(revisions.every((r) => r.translates && r.lang === 'ru')).toBe(true);
    const d2 = withTexts(d, revisions);
    const after = translationUnits(d2, 'ru');
    expect(after.find((u) => u.id === answer.id)).toMatchObject({ state: 'translated', target: 'Перевод ответа.' });
    expect(after.find((u) => u.id === finding.id)).toMatchObject({ state: 'reviewed' });
    const shown = textIn(d2, finding.slots[0]!.key, 'ru')!;
    expect(shown.translated).toBe(true);
    expect(JSON.stringify(shown.value)).toContain('важно');
    expect(translationProgress(after, 'ru')).toMatchObject({ done: 2, reviewed: 1 });
    expect(untranslated(d2, 'ru').length).toBe(after.length - 2);
    // Saving the same text again writes nothing.
    const again = translationRevisions(d2, 'ru', [{ unitId: answer.id, target: 'Перевод ответа.' }], { author: author('tr'), at: AT, newId: ids('r') });
    expect(again.revisions).toEqual([]);
    expect(again.unchanged).toEqual([answer.id]);
    // Filters.
    expect(filterUnits(after, { states: ['missing'] })).toHaveLength(after.length - 2);
    expect(filterUnits(after, { states: ['notReviewed'] }).map((u) => u.id)).toEqual([answer.id]);
    expect(filterUnits(after, { part: 'answers', group: answer.group }).every((u) => u.group === answer.group)).toBe(true);
  });

  it('translates the survey comparison labels; the figures come from the source', () => {
    const d = seed();
    const unit = translationUnits(d, 'kk').find((u) => u.id.startsWith('survey:'))!;
    expect(unit.source).not.toBe('');
    const revs = translationRevisions(d, 'kk', [{ unitId: unit.id, target: 'Азия-Тынық мұхиты' }], { author: author('t'), at: AT, newId: ids('s') }).revisions;
    const shown = textIn(withTexts(d, revs), unit.slots[0]!.key, 'kk')!;
    const source = textIn(d, unit.slots[0]!.key, 'en')!;
    if (shown.value.kind !== 'survey' || source.value.kind !== 'survey') throw new Error('not a survey');
    const i = Number(unit.id.slice(unit.id.lastIndexOf('label') + 5));
    expect(shown.value.comparisons[i]!.label).toBe('Азия-Тынық мұхиты');
    expect(shown.value.comparisons[i]!.overall).toBe(source.value.comparisons[i]!.overall);
  });

  it('marks a translation outdated after a source edit and shows what changed', () => {
    const d = seed();
    const unit = translationUnits(d, 'ru').find((u) => u.part === 'answers' && u.slots[0]!.field === 'elaboration')!;
    const tr = translationRevisions(d, 'ru', [{ unitId: unit.id, target: 'Перевод.' }], { author: author('tr'), at: AT, newId: ids('o') }).revisions;
    const d2 = withTexts(d, tr);
    // The lead edits the consolidated answer: a child revision of the head.
    const head = consolidatedHeads(d2).get(unit.itemId)!.head;
    const edited: ConsolidatedRevision = { ...head, id: 'lead-edit-1', at: '2026-11-28T03:00:00.000Z', parents: [head.id], value: { ...head.value, elaboration: `${head.value.elaboration} Since 2024 more agencies joined.` } };
    const d3 = withConsolidated(d2, [edited]);
    const after = translationUnits(d3, 'ru').find((u) => u.id === unit.id)!;
    expect(after.state).toBe('outdated');
    expect(after.target).toBe('Перевод.');
    expect(after.previousSource).toBe(unit.source);
    const added = after.changes!.filter((c) => c.kind === 'onlyB').map((c) => (c.kind === 'onlyB' ? c.b : '')).join('');
    expect(added).toContain('Since 2024 more agencies joined.');
    expect(after.changes!.some((c) => c.kind === 'onlyA')).toBe(false);
    // A renamed organisation makes its name translations outdated (hash of the source text).
    const org = translationUnits(d3, 'ru').find((u) => u.id.startsWith('org.'))!;
    const orgTr = translationRevisions(d3, 'ru', [{ unitId: org.id, target: 'Министерство' }], { author: author('tr'), at: AT, newId: ids('o') }).revisions;
    expect(orgTr).toHaveLength(org.slots.length);
    const d4 = withTexts(d3, orgTr);
    expect(translationUnits(d4, 'ru').find((u) => u.id === org.id)!.state).toBe('translated');
    const renamedId = org.slots[0]!.key.split(':')[1]!;
    const d5 = { ...d4, stakeholders: d4.stakeholders.map((s) => (s.id === renamedId ? { ...s, organization: `${s.organization} (renamed)` } : s)) };
    const units5 = translationUnits(d5, 'ru');
    const renamed = units5.find((u) => u.slots.some((s) => s.key === org.slots[0]!.key))!;
    expect(renamed.id).not.toBe(org.id);
    expect(renamed.state).toBe('outdated');
    expect(renamed.target).toBe('Министерство');
  });

  it('merges two translators of the same text into a conflict that the lead resolves', () => {
    const d = seed();
    const unit = translationUnits(d, 'ru').find((u) => u.part === 'answers')!;
    const a = translationRevisions(d, 'ru', [{ unitId: unit.id, target: 'Вариант Анны.' }], { author: author('anna'), at: '2026-11-28T02:00:00.000Z', newId: ids('a') }).revisions;
    const b = translationRevisions(d, 'ru', [{ unitId: unit.id, target: 'Вариант Бориса.' }], { author: author('boris'), at: '2026-11-28T02:05:00.000Z', newId: ids('b') }).revisions;
    const { dataset: merged } = mergeAll([withTexts(d, a), withTexts(d, b)]);
    const key = consolidatedKey(unit.itemId);
    const slot = currentText(merged, key, 'ru');
    expect(slot.conflict).toBe(true);
    expect(slot.heads).toHaveLength(2);
    const conflicted = translationUnits(merged, 'ru').find((u) => u.id === unit.id)!;
    expect(conflicted.conflict).toBe(true);
    // The lead keeps one version (or writes a combined one): a revision over both heads.
    const resolved = translationRevisions(merged, 'ru', [{ unitId: unit.id, target: 'Вариант Анны, исправленный.', reviewed: true }], { author: author('lead'), at: '2026-11-28T02:10:00.000Z', newId: ids('l') }).revisions;
    expect(resolved[0]!.parents).toHaveLength(2);
    const final = mergeAll([merged, withTexts(merged, resolved)]).dataset;
    expect(currentText(final, key, 'ru').conflict).toBe(false);
    expect(translationUnits(final, 'ru').find((u) => u.id === unit.id)).toMatchObject({ state: 'reviewed', target: 'Вариант Анны, исправленный.', conflict: false });
  });
});
