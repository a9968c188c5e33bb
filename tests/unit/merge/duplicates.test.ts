/** Probable duplicate stakeholders. */
import { describe, expect, it } from 'vitest';
import { findDuplicateStakeholders, normalizeOrganization, normalizePersonName } from '../../../shared/merge';
import type { Stakeholder } from '../../../shared/model/types';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';

let n = 0;
function person(organization: string, name: string, extra: Partial<Stakeholder> = {}): Stakeholder {
  n++;
  return {
    id: `s${n}`,
    assessmentId: 'A',
    organization,
    honorific: '',
    name,
    position: '',
    sector: 'government',
    contacts: '',
    notes: '',
    createdAt: '2021-10-01T08:00:00.000Z',
    updatedAt: '2021-10-01T08:00:00.000Z',
    updatedBy: 'u1',
    ...extra,
  };
}

describe('normalisation', () => {
  it.each([
    ['Ministry of trade and integration', 'Ministry of Trade and Integration'],
    ['"Zerde" National Infocommunication Holding JSC', '«Zerde» National Infocommunication Holding JSC'],
    ['“National Company” KTZ JSC', "'National Company' KTZ JSC"],
    ['Kazpost  JSC', ' Kazpost JSC. '],
    ['Kazakhstan Institute of Standardization and Metrology (KazStandard)', 'Kazakhstan Institute of Standardization and Metrology, KazStandard'],
    // Cyrillic look-alikes typed in a Latin name: К, а, о, р, с, Т, М, Н, В, е, х, у.
    ['Kazpost JSC', 'Кazроst JSC'],
    ['MTI', 'МТI'],
    ['HBX', 'НВХ'],
    ['Tax Service', 'Таx Sеrviсе'],
    ['Ministry of Economy', 'Ministry of Есоnоmу'],
    ['Qazaqstan Temir Zholy', 'QAZAQSTAN TEMIR ZHOLY'],
  ])('organisation %j ≈ %j', (a, b) => {
    expect(normalizeOrganization(a)).toBe(normalizeOrganization(b));
  });

  it.each([
    ['Mr. Tanatar Sergaziyev', 'Tanatar Sergaziyev'],
    ['Ms. Aigerim Sarsenbayeva', 'aigerim sarsenbayeva'],
    ['Mrs Saule Omarova', 'Saule  Omarova'],
    ['Dr. Dmitry Kovalenko', 'Kovalenko Dmitry'],
    ['Г-н Иванов Иван', 'Иван Иванов'],
    ['Г-жа Омарова Сауле', 'г-жа  Сауле Омарова'],
    ['Ernar Nurlanuly', 'Еrnаr Nurlаnuly'],
    ['Nurlan Ermekov', 'NURLAN ERMEKOV'],
    ['Zhanna Ospanova', '“Zhanna Ospanova”'],
    ['Aliya Ospanova', 'Aliya Ospanova’'],
  ])('name %j ≈ %j', (a, b) => {
    expect(normalizePersonName(a)).toBe(normalizePersonName(b));
  });

  it('keeps different people different', () => {
    expect(normalizePersonName('Aigerim Sarsenbayeva')).not.toBe(normalizePersonName('Aigerim Sarsenbayev'));
    expect(normalizeOrganization('Ministry of Trade')).not.toBe(normalizeOrganization('Ministry of Finance'));
    // "Dr"/"Ms" at the start of a name are not titles.
    expect(normalizePersonName('Drew Barrymore')).not.toBe(normalizePersonName('Barrymore'));
    expect(normalizePersonName('Drew Barrymore')).toBe(normalizePersonName('Barrymore Drew'));
    expect(normalizePersonName('Msaken Ali')).not.toBe(normalizePersonName('Ali'));
    expect(normalizePersonName('Айгерім Сәрсенбаева')).not.toBe(normalizePersonName('Айгерім Сәрсенбаев'));
    expect(normalizePersonName('Marat Ospanov')).not.toBe(normalizePersonName('Марат Оспанова'));
  });

  it.each([
    // Kazakh and Russian Cyrillic against the Latin spellings of passports and Annex I.
    ['Aigerim Sarsenbayeva', 'Айгерім Сәрсенбаева'],
    ['Kairat Zhaksylykov', 'Қайрат Жақсылықов'],
    ['Tanatar Sergaziyev', 'Танатар Серғазиев'],
    ['Yerlan Nurlanuly', 'Ерлан Нұрланұлы'],
    ['Dmitry Kovalenko', 'Коваленко Дмитрий'],
    ['Yuliya Tsoi', 'Юлия Цой'],
    ['Gulsara Kappasova', 'Гүлсара Каппасова'],
    ['Adilbek Aubakirov', 'Әділбек Аубакиров'],
    ['Askar Tokayev', 'Асқар Тоқаев мырза'],
    ['Ms. Saule Omarova', 'Сауле Омарова ханым'],
  ])('transliterated name %j ≈ %j', (a, b) => {
    expect(normalizePersonName(a)).toBe(normalizePersonName(b));
  });

  it('transliterates organisation names too', () => {
    expect(normalizeOrganization('"Atameken" National Chamber')).toBe(normalizeOrganization('«Атамекен» National Chamber'));
  });
});

describe('findDuplicateStakeholders', () => {
  it('groups the same person entered on two laptops, with the reason', () => {
    const a = person('Ministry of trade and integration of the Republic of Kazakhstan', 'Mr. Kairat Zhaksylykov');
    const b = person('Ministry of Trade and Integration of the Republic of Kazakhstan', 'Zhaksylykov Kairat', { honorific: 'Mr.' });
    const c = person('Ministry of Trade and Integration of the Republic of Kazakhstan', 'Aliya Bekova');
    const groups = findDuplicateStakeholders([a, b, c]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ reason: 'sameNameAndOrganization', stakeholderIds: [a.id, b.id].sort() });
  });

  it('flags the same full name at different organisations separately', () => {
    const a = person('QazTrade JSC', 'Saule Omarova');
    const b = person('Kazpost JSC', 'Omarova Saule');
    const c = person('Kazpost JSC', 'Omarova');
    const d = person('QazTrade JSC', 'Omarova');
    const groups = findDuplicateStakeholders([a, b, c, d]);
    expect(groups.map((g) => g.reason)).toEqual(['sameName']);
    expect(groups[0]!.stakeholderIds).toEqual([a.id, b.id].sort());
  });

  it('groups unnamed entries of one organisation, and ignores the same id listed twice', () => {
    const a = person('Kazpost JSC', '');
    const b = person('«Kazpost» JSC', ' ');
    const groups = findDuplicateStakeholders([a, b, a]);
    expect(groups).toEqual([expect.objectContaining({ reason: 'sameOrganizationUnnamed', stakeholderIds: [a.id, b.id].sort() })]);
    expect(findDuplicateStakeholders([a, a])).toEqual([]);
  });

  it('finds no duplicates in the seed stakeholder list (Annex I)', () => {
    const seed = buildSeedDataset(seedFixtures).dataset;
    expect(findDuplicateStakeholders(seed.stakeholders)).toEqual([]);
  });
});
