import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressOfPages } from '../../../shared/answers/progress';
import { answerTokens, isAnswered, skipReason } from '../../../shared/checklist/answerLabels';
import { itemsForParts, itemTexts, getItem } from '../../../shared/checklist/catalogue';
import { pageOf, wizardPages, type WizardPage } from '../../../shared/checklist/pages';
import { evaluateRelevance } from '../../../shared/checklist/relevance';
import { isLang, LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import { deletedBy, indexTombstones } from '../../../shared/merge/tombstones';
import { db, repo, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useRouter } from '../../state/router';
import { CompletionDialog } from './CompletionDialog';
import { QuestionCard } from './QuestionCard';
import { SectionTree } from './SectionTree';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { QuestionFinder } from './QuestionFinder';
import { saver, useWizard } from './store';
import { SectionIntro } from './SectionIntro';
import { normaliseItemId } from './normaliseItemId';
import { WizardProgress } from './WizardProgress';

/**
 * The sticky bar's height, published as a CSS variable: the document's scroll padding
 * uses it, so a question scrolled to (jump, search, Tab) is never under the bar, however
 * many rows the bar wraps to.
 */
function usePublishedHeight(ref: React.RefObject<HTMLElement | null>, shown: boolean) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--wizard-bar-height', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    publish();
    root.classList.add('wizard-open');
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(publish);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.classList.remove('wizard-open');
      root.style.removeProperty('--wizard-bar-height');
    };
  }, [ref, shown]);
}

export function WizardScreen(props: { assessmentId: string; interviewId: string; itemId?: string }) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const navigate = useRouter((s) => s.navigate);
  const profile = useProfile();
  const interview = useLiveQuery(async () => (await db.interviews.get(props.interviewId)) ?? null, [props.interviewId]);
  const stakeholders = useLiveQuery(
    async () => (interview ? await db.stakeholders.bulkGet([...interview.stakeholderIds]) : []),
    [interview],
  );
  // A deleted interview (here, or by a bundle imported since) is not edited: it says so instead.
  const deletion = useLiveQuery(async () => {
    if (!interview) return null;
    const tombstone = indexTombstones(await repo.tombstones(interview.assessmentId)).interview.get(interview.id);
    return deletedBy(tombstone, interview.updatedAt) ? (tombstone ?? null) : null;
  }, [interview]);
  // Questions of this interview with supporting documents attached: their cards mark and open "Documents and notes".
  const withFiles = useLiveQuery(async () => {
    if (!interview) return new Set<string>();
    const files = await repo.liveAttachments(interview.assessmentId);
    return new Set(files.flatMap((f) => f.links.flatMap((l) => (l.kind === 'answer' && l.interviewId === interview.id ? [l.questionId] : []))));
  }, [interview]);
  const loadedFor = useWizard((s) => s.interview?.id);
  const load = useWizard((s) => s.load);
  const choiceVersion = useWizard((s) => s.choiceVersion);
  const conflicts = useWizard((s) => s.conflicts);
  const [secondLang, setSecondLang] = useState<Lang | ''>('');
  const [pageId, setPageId] = useState<string | undefined>(undefined);
  const [helpOpen, setHelpOpen] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [focusMode, setFocusMode] = useState(false);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [allAnswered, setAllAnswered] = useState(false);
  const mainRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
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
  const relevantQuestions = useMemo(() => items.filter((i) => i.role === 'question' && relevance.get(i.id)?.relevant), [items, relevance]);

  const currentPage: WizardPage | undefined = pages.find((p) => p.id === pageId) ?? pages[0];
  usePublishedHeight(barRef, !!interview && !!profile && loadedFor === interview.id && !!currentPage);
  const pageIndex = currentPage ? pages.indexOf(currentPage) : -1;
  const lang: Lang = interview?.language ?? 'en';
  const showSecond = secondLang && secondLang !== lang ? secondLang : '';

  const focusItem = useCallback((itemId: string) => {
    requestAnimationFrame(() => {
      const el = document.getElementById(`item-${itemId}`);
      if (!el) return;
      // The document's scroll padding keeps the card below the sticky bar.
      el.scrollIntoView({ block: 'start' });
      const input = el.querySelector<HTMLElement>('input, textarea, button:not(.link-button):not(.toggle-link)');
      (input ?? el).focus({ preventScroll: true });
    });
  }, []);

  const goToPage = useCallback(
    (id: string, focus?: string) => {
      void saver.flush(); // a section change saves immediately
      setPageId(id);
      const page = pages.find((p) => p.id === id);
      setAnnouncement(page ? itemTexts(lang, page.id).title ?? page.id : '');
      if (focusMode) {
        const target = focus ?? page?.items.find((i) => i.role === 'question' && relevance.get(i.id)?.relevant)?.id;
        if (target) setFocusId(target);
      }
      if (focus) focusItem(focus);
      else {
        requestAnimationFrame(() => {
          window.scrollTo({ top: 0 });
          document.getElementById('wizard-page-title')?.focus({ preventScroll: true });
        });
      }
    },
    [pages, lang, focusItem, focusMode, relevance],
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

  const focusedItemId = () => document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') ?? undefined;

  const nextUnanswered = useCallback(() => {
    const values = useWizard.getState().values;
    const questions = relevantQuestions;
    const from = focusMode ? focusId : focusedItemId();
    const start = from ? questions.findIndex((q) => q.id === from) + 1 : currentPage ? questions.findIndex((q) => pageOf(q.id)?.id === currentPage.id) : 0;
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
  }, [relevantQuestions, currentPage, goToPage, t, focusMode, focusId]);

  const moveQuestion = useCallback(
    (delta: number) => {
      if (focusMode) {
        const index = relevantQuestions.findIndex((q) => q.id === focusId);
        const target = relevantQuestions[Math.min(relevantQuestions.length - 1, Math.max(0, index + delta))];
        if (target) goToPage(pageOf(target.id)!.id, target.id);
        return;
      }
      const cards = [...document.querySelectorAll<HTMLElement>('.wizard-page [data-item-id].question-card')];
      const focused = document.activeElement?.closest('[data-item-id]');
      const index = focused ? cards.indexOf(focused as HTMLElement) : -1;
      const target = cards[Math.min(cards.length - 1, Math.max(0, index + delta))];
      if (target) {
        target.scrollIntoView({ block: 'start' });
        (target.querySelector<HTMLElement>('input, textarea') ?? target).focus({ preventScroll: true });
      }
    },
    [focusMode, focusId, relevantQuestions, goToPage],
  );

  const toggleFocusMode = useCallback(() => {
    if (focusMode) {
      setFocusMode(false);
      if (focusId) focusItem(focusId);
      return;
    }
    const values = useWizard.getState().values;
    const onPage = relevantQuestions.filter((q) => currentPage?.items.includes(q));
    const start = focusedItemId();
    const target = onPage.find((q) => q.id === start) ?? onPage.find((q) => !isAnswered(values[q.id])) ?? onPage[0] ?? relevantQuestions[0];
    if (!target) return;
    setFocusId(target.id);
    setFocusMode(true);
    focusItem(target.id);
  }, [focusMode, focusId, relevantQuestions, currentPage, focusItem]);

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
      } else if (e.altKey && (e.key === 'f' || e.code === 'KeyF')) {
        e.preventDefault();
        toggleFocusMode();
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
  }, [pageIndex, pages, goToPage, moveQuestion, nextUnanswered, toggleFocusMode]);

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

  if (deletion) {
    return (
      <section className="screen">
        <p className="notice" role="alert" data-testid="interview-deleted">
          {t('deletion.interviewDeletedNotice', { date: formatDate(i18n.language, deletion.at.slice(0, 10)), name: deletion.byName })}
        </p>
        <button type="button" onClick={() => navigate({ name: 'assessment', assessmentId: props.assessmentId, tab: 'interviews' })}>
          {t('tabs.interviews')}
        </button>
      </section>
    );
  }
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

  const people = (stakeholders ?? []).filter((s) => !!s).map((s) => formatPersonName(uiLang, s.honorific, s.name));
  const pageTexts = itemTexts(lang, currentPage.id);
  const completed = interview.status === 'completed';
  const setStatus = async (status: 'draft' | 'completed') => {
    await saver.flush();
    await db.interviews.update(interview.id, { status, updatedAt: new Date().toISOString() });
  };
  const focusQuestion = focusMode ? relevantQuestions.find((q) => q.id === focusId) : undefined;
  const focusIndex = focusQuestion ? relevantQuestions.indexOf(focusQuestion) : -1;

  return (
    <section className={`wizard${focusMode ? ' focus-mode' : ''}`} aria-labelledby="wizard-title">
      <div className="wizard-header">
        <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
          <button type="button" className="link-button" onClick={() => navigate({ name: 'assessment', assessmentId: props.assessmentId, tab: 'interviews' })}>
            {t('wizard.backToInterviews')}
          </button>
        </nav>
        <h1 id="wizard-title">{interview.organization}</h1>
        <p className="muted wizard-meta">
          {people.join(', ')} · {formatDate(uiLang, interview.date)} · {t('interviews.by', { name: interview.interviewerName })}
        </p>
        <div className="language-line" data-testid="language-line">
          <span>
            {t('wizardLayout.questionsIn', { language: LANGUAGE_NAMES[lang] })}
          </span>
          {uiLang !== lang && (
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={secondLang === uiLang}
                onChange={(e) => setSecondLang(e.target.checked ? uiLang : '')}
                data-testid="show-ui-language"
              />
              <span>{t('wizardLayout.alsoInUiLanguage', { language: LANGUAGE_NAMES[uiLang] })}</span>
            </label>
          )}
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
        </div>
      </div>

      <div className="wizard-bar" ref={barRef} data-testid="wizard-bar">
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
          <QuestionFinder inputRef={searchRef} items={items} interviewLang={lang} uiLang={uiLang} onPick={(id) => jumpTo(id)} />
          <button type="button" onClick={nextUnanswered} aria-keyshortcuts="Alt+N" data-testid="next-unanswered">
            {t('wizard.nextUnanswered')}
          </button>
          <button type="button" aria-pressed={focusMode} onClick={toggleFocusMode} aria-keyshortcuts="Alt+F" data-testid="focus-mode">
            {t('wizardLayout.focusMode')}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1" aria-label={t('wizard.shortcuts')} title={t('wizard.shortcuts')}>
            ?
          </button>
        </div>
        <div className="wizard-status">
          <WizardProgress pages={pages} relevance={relevance} />
          <SaveIndicator />
          <button
            type="button"
            className={completed ? '' : 'primary'}
            data-testid="complete-interview"
            onClick={async () => {
              if (completed) await setStatus('draft');
              else {
                await saver.flush();
                setCompleting(true);
              }
            }}
          >
            {completed ? t('wizard.reopen') : t('wizard.markCompleted')}
          </button>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="wizard-announcement" data-all-answered={allAnswered}>
        {announcement}
      </p>

      <div className="wizard-body">
        {!focusMode && <SectionTree pages={pages} currentId={currentPage.id} lang={lang} relevance={relevance} onSelect={(id) => goToPage(id)} />}
        <div className="wizard-page" ref={mainRef}>
          <h2 id="wizard-page-title" tabIndex={-1} lang={lang}>
            <span className="item-number">{currentPage.id.startsWith('APP') ? '' : currentPage.id}</span> {pageTexts.title}
          </h2>
          {showSecond && (
            <p className="secondary" lang={showSecond}>
              {itemTexts(showSecond, currentPage.id).title}
            </p>
          )}
          {focusQuestion ? (
            <>
              <QuestionCard
                key={focusQuestion.id}
                item={focusQuestion}
                lang={lang}
                secondLang={showSecond}
                skipReason=""
                conflict={conflicts.has(focusQuestion.id)}
                hasFiles={withFiles?.has(focusQuestion.id) ?? false}
                presenting
              />
              <nav className="page-nav" aria-label={t('wizardLayout.questionNav')}>
                <button type="button" disabled={focusIndex <= 0} onClick={() => moveQuestion(-1)} aria-keyshortcuts="Alt+ArrowUp">
                  ← {t('wizardLayout.previousQuestion')}
                </button>
                <span className="muted">{t('wizardLayout.questionOf', { current: focusIndex + 1, total: relevantQuestions.length })}</span>
                <button type="button" className="primary" disabled={focusIndex >= relevantQuestions.length - 1} onClick={() => moveQuestion(1)} aria-keyshortcuts="Alt+ArrowDown">
                  {t('wizardLayout.nextQuestion')} →
                </button>
              </nav>
            </>
          ) : (
            <>
              <SectionIntro page={currentPage} lang={lang} />
              {currentPage.items.map((item) => (
                <QuestionCard
                  key={item.id}
                  item={item}
                  lang={lang}
                  secondLang={showSecond}
                  skipReason={skipReason(uiLang, relevance.get(item.id) ?? { relevant: true })}
                  conflict={conflicts.has(item.id)}
                  hasFiles={withFiles?.has(item.id) ?? false}
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
            </>
          )}
        </div>
      </div>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {completing && (
        <CompletionDialogFor
          pages={pages}
          relevance={relevance}
          lang={lang}
          onClose={() => setCompleting(false)}
          onJump={(id) => {
            setCompleting(false);
            jumpTo(id);
          }}
          onComplete={async () => {
            setCompleting(false);
            await setStatus('completed');
          }}
        />
      )}
    </section>
  );
}

/** The completion dialog over the answers as they are now. */
function CompletionDialogFor(props: {
  pages: readonly WizardPage[];
  relevance: ReturnType<typeof evaluateRelevance>;
  lang: Lang;
  onClose: () => void;
  onJump: (id: string) => void;
  onComplete: () => void;
}) {
  const values = useWizard((s) => s.values);
  const progress = useMemo(() => progressOfPages(props.pages, props.relevance, (id) => values[id]), [props.pages, props.relevance, values]);
  return (
    <CompletionDialog
      pages={props.pages}
      byPage={progress.byPage}
      relevant={progress.relevant}
      lang={props.lang}
      onJump={props.onJump}
      onComplete={props.onComplete}
      onClose={props.onClose}
    />
  );
}
