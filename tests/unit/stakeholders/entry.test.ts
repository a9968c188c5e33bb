/** Titles in three languages, pasting and duplicate checks where people are entered. */
import { describe, expect, it } from 'vitest';
import { canonicalHonorific, formatPersonName, splitHonorific } from '../../../shared/stakeholders/honorific';
import { PeopleIndex, screenRows } from '../../../shared/stakeholders/match';
import { parsePastedStakeholders } from '../../../shared/stakeholders/paste';

describe('honorifics', () => {
  it.each([
    ['Mr. Aidar Essembayev', 'Mr.', 'Aidar Essembayev'],
    ['MS Diana Ospanova', 'Ms.', 'Diana Ospanova'],
    ['г-жа Омарова Сауле', 'Ms.', 'Омарова Сауле'],
    ['Г-Н Иванов', 'Mr.', 'Иванов'],
    ['Асқар Тоқаев мырза', 'Mr.', 'Асқар Тоқаев'],
    ['Сәуле ханым', 'Ms.', 'Сәуле'],
    ['Dr. Dmitry Kovalenko', 'Dr.', 'Dmitry Kovalenko'],
    ['Drew Barrymore', '', 'Drew Barrymore'],
    ['Мырзахметов Ерлан', '', 'Мырзахметов Ерлан'],
  ])('%j → %j + %j', (raw, honorific, name) => {
    expect(splitHonorific(raw)).toEqual({ honorific, name });
  });

  it('shows a title in the UI language, where that language puts it', () => {
    expect(formatPersonName('en', 'Mr.', 'Aidar Essembayev')).toBe('Mr. Aidar Essembayev');
    expect(formatPersonName('ru', 'Ms.', 'Сауле Омарова')).toBe('г-жа Сауле Омарова');
    expect(formatPersonName('kk', 'Mr.', 'Асқар Тоқаев')).toBe('Асқар Тоқаев мырза');
    // Titles typed in another language or an old form are recognised, never mangled.
    expect(formatPersonName('kk', 'мырза', 'Асқар')).toBe('Асқар мырза');
    expect(formatPersonName('en', 'мырза', 'Askar')).toBe('Mr. Askar');
    expect(formatPersonName('ru', 'Г-жа.', 'Омарова')).toBe('г-жа Омарова');
    expect(formatPersonName('ru', 'Sir', 'John')).toBe('Sir John');
    expect(formatPersonName('kk', '', 'Сауле')).toBe('Сауле');
    expect(canonicalHonorific('Г-ЖА.')).toBe('Ms.');
  });

  it('pasted names keep their title in canonical form ("г-жа" does not become "Г-жа.")', () => {
    const { rows } = parsePastedStakeholders('Министерство торговли\tг-жа Омарова Сауле\tэксперт\n\tАсқар Тоқаев мырза\tсарапшы');
    expect(rows.map((r) => [r.honorific, r.name])).toEqual([
      ['Ms.', 'Омарова Сауле'],
      ['Mr.', 'Асқар Тоқаев'],
    ]);
  });
});

describe('duplicates where people are entered', () => {
  const existing = [
    { id: 'a', organization: 'Ministry of Trade and Integration', name: 'Aigerim Sarsenbayeva' },
    { id: 'b', organization: 'QazTrade JSC', name: 'Saule Omarova' },
  ];

  it('finds the same person typed in Cyrillic, and the same name at another organisation', () => {
    const index = new PeopleIndex(existing);
    expect(index.match({ organization: 'ministry of trade and integration', name: 'Сәрсенбаева Айгерім' })).toMatchObject({ reason: 'samePerson', existing: { id: 'a' } });
    expect(index.match({ organization: 'Kazpost JSC', name: 'Omarova Saule' })).toMatchObject({ reason: 'sameNameElsewhere', existing: { id: 'b' } });
    expect(index.match({ organization: 'Kazpost JSC', name: 'Saule Omarov' })).toBeUndefined();
  });

  it('pasting the same rows twice adds nothing the second time', () => {
    const text = 'QazTrade JSC\tMs. Saule Omarova\tDirector\n\tMr. Marat Ospanov\tExpert';
    const first = screenRows(parsePastedStakeholders(text).rows, existing);
    expect(first.map((r) => r.addByDefault)).toEqual([false, true]);
    const afterFirst = [...existing, ...first.filter((r) => r.addByDefault).map((r, i) => ({ id: `n${i}`, ...r.row }))];
    const second = screenRows(parsePastedStakeholders(text).rows, afterFirst);
    expect(second.every((r) => !r.addByDefault)).toBe(true);
    expect(second.map((r) => r.match?.reason)).toEqual(['samePerson', 'samePerson']);
  });

  it('a row repeated inside one paste is added once', () => {
    const rows = parsePastedStakeholders('Kazpost JSC\tMarat Ospanov\n\tОспанов Марат').rows;
    expect(screenRows(rows, []).map((r) => r.addByDefault)).toEqual([true, false]);
  });
});
