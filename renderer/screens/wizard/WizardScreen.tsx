import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerTokens, isAnswered, skipReason } from '../../../shared/checklist/answerLabels';
import { itemsForParts, itemTexts, getItem } from '../../../shared/checklist/catalogue';
import { pageOf, wizardPages, type WizardPage } from '../../../shared/checklist/pages';
import { evaluateRelevance } from '../../../shared/checklist/relevance';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import { db, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useRouter } from '../../state/router';
import { QuestionCard } from './QuestionCard';
import { SectionTree } from './SectionTree';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { QuestionFinder } from './QuestionFinder';
import { saver, useWizard } from './store';
import { SectionIntro } from './SectionIntro';
import { normaliseItemId } from './normaliseItemId';

export function WizardScreen(props: { assessmentId: string; interviewId: string; itemId?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const profile = useProfile();
  const interview = useLiveQuery(async () => (await db.interviews.get(props.interviewId)) ?? null, [props.interviewId]);
  const stakeholders = useLiveQuery(
    async () => (interview ? await db.stakeholders.bulkGet([...interview.stakeholderIds]) : []),
    [interview],
  );
  const loadedFor = useWizard((s) => s.interview?.id);
  const load = useWizard((s) => s.load);
  const choiceVersion = useWizard((s) => s.choiceVersion);
  const conflicts = useWizard((s) => s.conflicts);
  const [secondLang, setSecondLang] = useState<Lang | ''>('');
  const [pageId, setPageId] = useState<string | undefined>(undefined);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [allAnswered, setAllAnswered] = useState(false);
  const mainRef = useRef<HTMLDivElement>(null);
  const jumpRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Load the interview's answers into the editing store once per interview.
  useEffect(() => {
    if (interview && profile && loadedFor !== interview.id) void load(interview, profile);
  }, [interview, profile, loadedFor, load]);

  const pages = useMemo(() => (interview ? wizardPages(interview.parts) : []), [interview]);
  const items = useMemo(() => (interview ? itemsForParts(interview.parts) : []), [interview]);

  // Skip logic: recomputed when a structured answer changes (choiceVersion), not per keystroke.
  const relevance = useMemo(() => {
    const values = useWizard.getState().values;
    return evaluateRelevance(items, (id) => answerTokens(values[id]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, choiceVersion]);

  const currentPage: WizardPage | undefined = pages.find((p) => p.id === pageId) ?? pages[0];
  const pageIndex = currentPage ? pages.indexOf(currentPage) : -1;
  const lang: Lang = interview?.language ?? 'en';

  const focusItem = useCallback((itemId: string) => {
    requestAnimationFrame(() => {
      const el = document.getElementById(`item-${itemId}`);
      if (!el) return;
      el.scrollIntoView({ block: 'start' });
      const input = el.querySelector<HTMLElement>('input, textarea, button:not(.link-button)');
      (input ?? el).focus({ preventScroll: true });
    });
  }, []);

  const goToPage = useCallback(
    (id: string, focus?: string) => {
      void saver.flush(); // a section change saves immediately
      setPageId(id);
      const page = pages.find((p) => p.id === id);
      setAnnouncement(page ? itemTexts(lang, page.id).title ?? page.id : '');
      if (focus) focusItem(focus);
      else requestAnimationFrame(() => mainRef.current?.scrollTo?.({ top: 0 }));
      if (!focus) requestAnimationFrame(() => document.getElementById('wizard-page-title')?.focus());
    },
    [pages, lang, focusItem],
  );

  const jumpTo = useCallback(
    (raw: string): boolean => {
      const id = normaliseItemId(raw);
      const item = getItem(id);
      const page = item ? pageOf(id) : undefined;
      if (!item || !page) {
        setAnnouncement(t('wizard.jumpNotFound', { id: raw.trim() }));
        return false;
      }
      if (!pages.some((p) => p.id === page.id)) {
        setAnnouncement(t('wizard.jumpNotInInterview', { id }));
        return false;
      }
      goToPage(page.id, item.role === 'section' ? undefined : id);
      return true;
    },
    [pages, goToPage, t],
  );

  // Deep link: #/a/…/i/…/A3.5 opens at that item.
  useEffect(() => {
    if (props.itemId && pages.length > 0) jumpTo(props.itemId);
  }, [props.itemId, pages.length, jumpTo]);

  const nextUnanswered = useCallback(() => {
    const values = useWizard.getState().values;
    const questions = items.filter((i) => i.role === 'question' && relevance.get(i.id)?.relevant);
    const focused = document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id');
    const start = focused ? questions.findIndex((q) => q.id === focused) + 1 : currentPage ? questions.findIndex((q) => pageOf(q.id)?.id === currentPage.id) : 0;
    for (let k = 0; k < questions.length; k++) {
      const q = questions[(Math.max(0, start) + k) % questions.length]!;
      if (!isAnswered(values[q.id])) {
        setAllAnswered(false);
        goToPage(pageOf(q.id)!.id, q.id);
        return;
      }
    }
    setAnnouncement(t('wizard.allAnswered'));
    setAllAnswered(true);
  }, [items, relevance, currentPage, goToPage, t]);

  const moveQuestion = useCallback((delta: number) => {
    const cards = [...document.querySelectorAll<HTMLElement>('.wizard-page [data-item-id].question-card')];
    const focused = document.activeElement?.closest('[data-item-id]');
    const index = focused ? cards.indexOf(focused as HTMLElement) : -1;
    const target = cards[Math.min(cards.length - 1, Math.max(0, index + delta))];
    if (target) {
      target.scrollIntoView({ block: 'start' });
      (target.querySelector<HTMLElement>('input, textarea') ?? target).focus({ preventScroll: true });
    }
  }, []);

  // Keyboard shortcuts (listed in ShortcutsHelp).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.matches('input[type=text], input[type=search], input[type=number], textarea');
      if (e.altKey && e.key === 'PageDown' && pageIndex < pages.length - 1) {
        e.preventDefault();
        goToPage(pages[pageIndex + 1]!.id);
      } else if (e.altKey && e.key === 'PageUp' && pageIndex > 0) {
        e.preventDefault();
        goToPage(pages[pageIndex - 1]!.id);
      } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        moveQuestion(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.altKey && (e.key === 'n' || e.code === 'KeyN')) {
        e.preventDefault();
        nextUnanswered();
      } else if ((e.ctrlKey || e.metaKey) && (e.key === 'g' || e.code === 'KeyG')) {
        e.preventDefault();
        jumpRef.current?.focus();
      } else if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.code === 'KeyK')) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.code === 'KeyS')) {
        e.preventDefault();
        void saver.flush();
      } else if (e.altKey && /^Digit[1-5]$/.test(e.code)) {
        const card = document.activeElement?.closest('[data-item-id]');
        const radio = card?.querySelector<HTMLInputElement>(`input[type=radio][data-shortcut="${e.code.slice(5)}"]`);
        if (radio) {
          e.preventDefault();
          radio.click();
          radio.focus();
        }
      } else if (e.key === 'F1' || (e.key === '?' && !typing)) {
        e.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pageIndex, pages, goToPage, moveQuestion, nextUnanswered]);

  // Save immediately when the page is hidden or closed (what was written ahead covers a hard kill).
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  if (interview === null) {
    return (
      <section className="screen">
        <p className="notice error" role="alert">
          {t('wizard.notFound')}
        </p>
      </section>
    );
  }
  if (!interview || !profile || loadedFor !== interview.id || !currentPage) {
    return <p className="loading" aria-busy="true">{t('common.loading')}</p>;
  }

  const people = (stakeholders ?? []).filter(Boolean).map((s) => [s!.honorific, s!.name].filter(Boolean).join(' '));
  const pageTexts = itemTexts(lang, currentPage.id);

  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <div className="wizard-header">
        <div className="wizard-title-block">
          <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
            <button type="button" className="link-button" onClick={() => navigate({ name: 'assessment', assessmentId: props.assessmentId, tab: 'interviews' })}>
              {t('wizard.backToInterviews')}
            </button>
          </nav>
          <h1 id="wizard-title">{interview.organization}</h1>
          <p className="muted">
            {people.join(', ')} · {formatDate(i18n.language, interview.date)} · <span lang={interview.language}>{LANGUAGE_NAMES[interview.language]}</span> ·{' '}
            {t('interviews.by', { name: interview.interviewerName })}
          </p>
        </div>
        <div className="wizard-header-actions">
          <SaveIndicator />
          <button
            type="button"
            className={interview.status === 'completed' ? '' : 'primary'}
            onClick={async () => {
              await saver.flush();
              await db.interviews.update(interview.id, { status: interview.status === 'completed' ? 'draft' : 'completed', updatedAt: new Date().toISOString() });
            }}
          >
            {interview.status === 'completed' ? t('wizard.reopen') : t('wizard.markCompleted')}
          </button>
        </div>
      </div>

      <div className="wizard-toolbar" role="toolbar" aria-label={t('wizard.toolbar')}>
        <form
          className="jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (jumpRef.current && jumpTo(jumpRef.current.value)) jumpRef.current.value = '';
          }}
        >
          <label>
            <span className="visually-hidden">{t('wizard.jumpLabel')}</span>
            <input ref={jumpRef} type="text" placeholder={t('wizard.jumpPlaceholder')} className="jump-input" data-testid="jump-input" aria-keyshortcuts="Control+G" />
          </label>
          <button type="submit">{t('wizard.go')}</button>
        </form>
        <QuestionFinder inputRef={searchRef} items={items} langs={secondLang && secondLang !== lang ? [lang, secondLang] : [lang]} onPick={(id) => jumpTo(id)} />
        <button type="button" onClick={nextUnanswered} aria-keyshortcuts="Alt+N" data-testid="next-unanswered">
          {t('wizard.nextUnanswered')}
        </button>
        <label className="inline-field">
          <span>{t('wizard.alsoShowIn')}</span>
          <select value={secondLang} onChange={(e) => setSecondLang(e.target.value as Lang | '')} data-testid="second-language">
            <option value="">—</option>
            {LANGUAGES.filter((l) => l !== lang).map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">
          {t('wizard.shortcuts')}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="wizard-announcement" data-all-answered={allAnswered}>
        {announcement}
      </p>

      <div className="wizard-body">
        <SectionTree pages={pages} currentId={currentPage.id} lang={lang} relevance={relevance} onSelect={(id) => goToPage(id)} />
        <div className="wizard-page" ref={mainRef}>
          <h2 id="wizard-page-title" tabIndex={-1} lang={lang}>
            <span className="item-number">{currentPage.id.startsWith('APP') ? '' : currentPage.id}</span> {pageTexts.title}
          </h2>
          {secondLang && secondLang !== lang && (
            <p className="secondary" lang={secondLang}>
              {itemTexts(secondLang, currentPage.id).title}
            </p>
          )}
          <SectionIntro page={currentPage} lang={lang} />
          {currentPage.items.map((item) => (
            <QuestionCard
              key={item.id}
              item={item}
              lang={lang}
              secondLang={secondLang}
              skipReason={skipReason(i18n.language as Lang, relevance.get(item.id) ?? { relevant: true })}
              conflict={conflicts.has(item.id)}
            />
          ))}
          <nav className="page-nav" aria-label={t('wizard.pageNav')}>
            <button type="button" disabled={pageIndex <= 0} onClick={() => goToPage(pages[pageIndex - 1]!.id)} aria-keyshortcuts="Alt+PageUp">
              ← {t('wizard.previous')}
            </button>
            <span className="muted">{t('wizard.pageOf', { current: pageIndex + 1, total: pages.length })}</span>
            <button type="button" className="primary" disabled={pageIndex >= pages.length - 1} onClick={() => goToPage(pages[pageIndex + 1]!.id)} aria-keyshortcuts="Alt+PageDown">
              {t('wizard.next')} →
            </button>
          </nav>
        </div>
      </div>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
