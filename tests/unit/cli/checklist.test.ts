import { describe, expect, it } from 'vitest';
import { runCli as run } from './capture';

describe('readiness checklist', () => {
  it.each(['en', 'ru', 'kk'])('--format json prints all 160 numbered items and the appendix in %s', async (lang) => {
    const { code, out } = await run(['checklist', '--lang', lang, '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(out) as { language: string; items: Array<{ id: string; role: string; checklist: string; kind?: string; texts: { text?: string; title?: string } }> };
    expect(data.language).toBe(lang);
    const technicalNumbered = data.items.filter((i) => i.checklist === 'technical' && /^[AB]\d+\.\d/.test(i.id));
    const legalQuestions = data.items.filter((i) => i.checklist === 'legal' && i.role === 'question');
    expect(technicalNumbered.length + legalQuestions.length).toBe(160);
    expect(data.items.filter((i) => i.checklist === 'appendix' && i.role === 'question')).toHaveLength(14);
    for (const i of data.items) expect((i.texts.text ?? i.texts.title ?? '').length, i.id).toBeGreaterThan(0);
    const a11 = data.items.find((i) => i.id === 'A1.3')!;
    expect(a11.kind).toBe('text');
  });

  it('--format md is readable Markdown with headings, answers and conditions', async () => {
    const { code, out } = await run(['checklist', '--lang', 'en', '--format', 'md']);
    expect(code).toBe(0);
    expect(out).toContain('# Cross-border paperless trade: a technical readiness checklist');
    expect(out).toMatch(/\*\*A2\.1\.1\.1\*\* Does it have the capability to receive, process and issue documents electronically\?/);
    expect(out).toContain('Asked when A2.1.1 is «Yes» or «Partially»');
    expect(out).toContain('# Cross-border paperless trade: a legal readiness checklist');
  });

  it('--format values prints what each question takes in a bundle, and what takes no answer', async () => {
    const { code, out } = await run(['checklist', '--format', 'values']);
    expect(code).toBe(0);
    const data = JSON.parse(out) as {
      catalogueVersion: string;
      questions: Array<{ id: string; kind: string; choice?: string[]; choices?: string[]; number?: { min: number; max: number }; date?: string; fields: string[] }>;
      noAnswer: string[];
    };
    const json = JSON.parse((await run(['checklist', '--format', 'json'])).out) as { catalogueVersion: string; items: Array<{ id: string; role: string; kind?: string; options?: string[] }> };
    expect(data.catalogueVersion).toBe(json.catalogueVersion);
    const questions = json.items.filter((i) => i.role === 'question');
    expect(data.questions.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    expect(data.noAnswer).toContain('B7.1');
    for (const q of data.questions) {
      const item = questions.find((i) => i.id === q.id)!;
      if (q.kind === 'status') expect(q.choice).toEqual(['yes', 'partial', 'no', 'dontKnow', 'na']);
      if (q.kind === 'percentage') expect(q.number).toEqual({ min: 0, max: 100 });
      if (q.kind === 'date') expect(q.date).toBe('YYYY-MM');
      if (q.kind === 'multiSelect') expect(q.choices).toEqual(item.options);
      if (q.kind === 'text') expect([q.choice, q.choices, q.number, q.date]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('refuses an unknown language or format with a usage error', async () => {
    expect((await run(['checklist', '--lang', 'de'])).code).toBe(2);
    const bad = await run(['checklist', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown format 'xml'");
  });
});
