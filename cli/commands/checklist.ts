/** `readiness checklist`: the whole catalogue in one language, as JSON or Markdown. */
import { parseArgs } from 'node:util';
import { choiceTokens, describeCondition, ANSWER_LABELS, tokenLabel } from '../../shared/checklist/answerLabels';
import { CATALOGUE_ITEMS, CATALOGUE_VERSION, checklistTexts, displayNumber, itemTexts } from '../../shared/checklist/catalogue';
import type { ChecklistId } from '../../shared/checklist/types';
import { isLang, type Lang } from '../../shared/i18n';
import { CliError, type Command } from '../io';

const CHECKLISTS: readonly ChecklistId[] = ['technical', 'appendix', 'legal'];

export function checklistJson(lang: Lang): string {
  return JSON.stringify(
    {
      catalogueVersion: CATALOGUE_VERSION,
      language: lang,
      checklists: CHECKLISTS.map((c) => ({ id: c, ...checklistTexts(lang, c).checklist })),
      items: CATALOGUE_ITEMS.map((item) => ({
        id: item.id,
        checklist: item.checklist,
        parent: item.parent,
        role: item.role,
        ...(item.kind ? { kind: item.kind } : {}),
        ...(item.fields ? { fields: item.fields } : {}),
        ...(item.options ? { options: item.options } : {}),
        ...(item.otherOption ? { otherOption: item.otherOption } : {}),
        condition: item.condition ?? null,
        texts: itemTexts(lang, item.id),
      })),
    },
    null,
    2,
  );
}

/**
 * The answer values each question takes, as a bundle carries them (docs/bundle-format.md,
 * "Answer values"): which member of `value` holds the structured answer and its allowed
 * tokens or range, and which text members apply. Sections, headings and lead-ins take none.
 */
export function checklistValues(): string {
  const structured = (kind: string | undefined, tokens: readonly string[]) => {
    switch (kind) {
      case 'status':
      case 'yesNo':
      case 'band':
      case 'singleSelect':
        return { choice: tokens };
      case 'multiSelect':
        return { choices: tokens };
      case 'percentage':
        return { number: { min: 0, max: 100 } };
      case 'date':
        return { date: 'YYYY-MM' };
      default:
        return {};
    }
  };
  return JSON.stringify(
    {
      catalogueVersion: CATALOGUE_VERSION,
      alwaysAllowed: { answers: ['documents', 'notes'], consolidated: ['documents', 'review', 'comment'] },
      questions: CATALOGUE_ITEMS.filter((item) => item.role === 'question').map((item) => ({
        id: item.id,
        kind: item.kind,
        ...structured(item.kind, choiceTokens(item)),
        ...(item.otherOption ? { other: { when: item.otherOption } } : {}),
        fields: item.fields ?? [],
      })),
      noAnswer: CATALOGUE_ITEMS.filter((item) => item.role !== 'question').map((item) => item.id),
    },
    null,
    2,
  );
}

export function checklistMarkdown(lang: Lang): string {
  const L = ANSWER_LABELS[lang];
  const out: string[] = [];
  let current: ChecklistId | undefined;
  for (const item of CATALOGUE_ITEMS) {
    if (item.checklist !== current) {
      current = item.checklist;
      const c = checklistTexts(lang, current).checklist;
      out.push(`# ${c.title}`, '', ...c.intro.flatMap((p) => [p, '']));
    }
    const t = itemTexts(lang, item.id);
    const number = displayNumber(item.id);
    if (item.role === 'section' || item.role === 'heading') {
      const level = item.role === 'heading' ? 4 : Math.min(2 + item.depth, 4);
      out.push(`${'#'.repeat(level)} ${number ? `${number} ` : ''}${t.title ?? ''}`, '');
    } else {
      out.push(`**${number || '•'}** ${t.text ?? ''}${t.instruction ? ` *${t.instruction}*` : ''}`, '');
      const tokens = choiceTokens(item);
      const kind = L.kind[item.kind as keyof typeof L.kind] ?? '';
      out.push(`- ${L.md.answer}: ${kind}${tokens.length ? ` — ${tokens.map((tk) => tokenLabel(lang, item.id, tk)).join(' / ')}` : ''}`);
      if (item.fields?.length) out.push(`- ${L.md.fields}: ${item.fields.map((f) => L.field[f]).join('; ')}`);
      if (item.condition) out.push(`- ${describeCondition(lang, item.condition)}`);
      out.push('');
    }
    for (const p of t.intro ?? []) out.push(p, '');
    if (t.provisions?.length) out.push(`*${L.md.provisions}:*`, '', ...t.provisions.map((p) => `- ${p}`), '');
    if (t.note) out.push(`> ${t.note}`, '');
    for (const f of t.footnotes ?? []) out.push(`> ${L.md.footnote}: ${f}`, '');
    if (t.guidance) out.push(`> ${L.md.guidance}: ${t.guidance}`, '');
  }
  return out.join('\n');
}

export const checklistCommand: Command = {
  summary: 'print the whole checklist catalogue in one language (JSON or Markdown)',
  usage: [
    'Usage: readiness checklist [--lang en|ru|kk] [--format json|md|values]',
    '',
    'Prints every section, heading and question of the technical checklist, its agency',
    'appendix form and the legal checklist, with answer kinds, skip-logic conditions and texts.',
    '  --lang    language of the texts (default en)',
    '  --format  json (default), md, or values: the answer values each question takes in a',
    '            bundle (member, allowed tokens or range, text fields), as JSON',
  ].join('\n'),
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...args],
        options: { lang: { type: 'string', default: 'en' }, format: { type: 'string', default: 'json' } },
        strict: true,
      }));
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message : String(err)}. See 'readiness checklist --help'.`, 2);
    }
    if (!isLang(values.lang)) throw new CliError(`unknown language '${values.lang}': use en, ru or kk.`, 2);
    if (values.format !== 'json' && values.format !== 'md' && values.format !== 'values') throw new CliError(`unknown format '${values.format}': use json, md or values.`, 2);
    const out = values.format === 'json' ? checklistJson(values.lang) : values.format === 'md' ? checklistMarkdown(values.lang) : checklistValues();
    io.stdout.write(out + '\n');
    return 0;
  },
};
