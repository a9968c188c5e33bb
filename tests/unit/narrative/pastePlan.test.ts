import { describe, expect, it } from 'vitest';
import { parseAgencies, parseCapacity, parsePastedActions, parsePriority, splitTsv } from '../../../shared/narrative/pastePlan';

describe('action plan rows pasted from a spreadsheet', () => {
  it('reads the five columns, numbers as sub-actions and area rows', () => {
    const text = [
      'Indicative action\tPriority level\tTimeline\tCapacity-building needs\tPotential key agencies',
      'A1. Governance',
      '1. Establish a working group on paperless trade\tHigh\t2024\tYes, training for the secretariat\tMTI; SRC',
      '1.1 Draft its terms of reference\tMedium\t2024 Q2\tNo\tMTI',
      'B2',
      '2. Review e-signature law\tжоғары\t2025\tИә\tМинистерство юстиции, Парламент',
    ].join('\n');
    const { rows, skipped } = parsePastedActions(text);
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ depth: 0, text: 'Establish a working group on paperless trade', priority: 'high', timeline: '2024', capacityBuilding: { needed: 'yes', text: 'training for the secretariat' }, agencies: ['MTI', 'SRC'], area: 'A1' });
    expect(rows[1]).toMatchObject({ depth: 1, text: 'Draft its terms of reference', priority: 'medium', capacityBuilding: { needed: 'no', text: '' }, agencies: ['MTI'], area: 'A1' });
    expect(rows[2]).toMatchObject({ depth: 0, priority: 'high', capacityBuilding: { needed: 'yes', text: '' }, agencies: ['Министерство юстиции', 'Парламент'], area: 'B2' });
  });

  it('takes a number column, keeps text that only starts with a number, and reports rows without an action', () => {
    const { rows, skipped } = parsePastedActions('2\tSet up a single window\tLow\n2.1\tPilot it\t\n15 ministries sign the MoU\tнизкий\n\tHigh\t2024');
    expect(rows.map((r) => [r.depth, r.text, r.priority])).toEqual([
      [0, 'Set up a single window', 'low'],
      [1, 'Pilot it', ''],
      [0, '15 ministries sign the MoU', 'low'],
    ]);
    expect(skipped).toEqual([4]);
  });

  it('skips a header row in Kazakh or Russian', () => {
    expect(parsePastedActions('Болжамды іс-шара\tБасымдық деңгейі\tМерзімдер\nАкция\tHigh').rows.map((r) => r.text)).toEqual(['Акция']);
    expect(parsePastedActions('Мера\tУровень приоритета\nАкция\tHigh').rows.map((r) => r.text)).toEqual(['Акция']);
  });

  it('splits quoted cells with line breaks and quotes', () => {
    expect(splitTsv('"Line one\nline ""two"""\tHigh\nnext\t')).toEqual([['Line one\nline "two"', 'High'], ['next', '']]);
  });

  it('reads priorities, yes/no and agencies in three languages', () => {
    expect(['High', 'средний', 'Төмен', 'soon'].map(parsePriority)).toEqual(['high', 'medium', 'low', '']);
    expect(parseCapacity('Жоқ')).toEqual({ needed: 'no', text: '' });
    expect(parseCapacity('Training needed')).toEqual({ needed: '', text: 'Training needed' });
    expect(parseAgencies('A; B, C\nD')).toEqual(['A', 'B, C', 'D']);
  });
});
