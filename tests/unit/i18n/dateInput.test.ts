/** Dates typed as each UI language writes them, stored as ISO. */
import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from '../../../shared/dateInput';

describe('date input', () => {
  it('shows day first: dd.mm.yyyy in Kazakh and Russian, dd/mm/yyyy in English', () => {
    expect(formatDateInput('kk', '2021-11-09')).toBe('09.11.2021');
    expect(formatDateInput('ru', '2021-11-09')).toBe('09.11.2021');
    expect(formatDateInput('en', '2021-11-09')).toBe('09/11/2021');
    expect(formatDateInput('kk', '2027-03', 'month')).toBe('03.2027');
    expect(formatDateInput('ru', '')).toBe('');
  });

  it.each([
    ['09.11.2021', '2021-11-09'],
    ['9.11.21', '2021-11-09'],
    ['9/11/2021', '2021-11-09'],
    [' 09-11-2021 ', '2021-11-09'],
    ['2021-11-09', '2021-11-09'],
    ['29.02.2024', '2024-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseDateInput(text)).toEqual({ kind: 'date', iso });
  });

  it.each(['31.02.2021', '29.02.2023', '11/31/2021', '2021', 'вчера', '1.1', '00.01.2021', '01.13.2021'])('%j is not a date', (text) => {
    expect(parseDateInput(text)).toEqual({ kind: 'invalid' });
  });

  it('reads months and empties', () => {
    expect(parseDateInput('3.2027', 'month')).toEqual({ kind: 'date', iso: '2027-03' });
    expect(parseDateInput('2027-03', 'month')).toEqual({ kind: 'date', iso: '2027-03' });
    expect(parseDateInput('13.2027', 'month')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('  ')).toEqual({ kind: 'empty' });
  });

  it('round-trips every day of a year in every language', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateInput(formatDateInput(lang, iso))).toEqual({ kind: 'date', iso });
      }
    }
  });
});
