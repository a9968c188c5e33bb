import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLang } from '../shared/i18n';
import { initI18n } from './i18n';
import { getBridge } from './platform';
import { App } from './App';
import { db, repo, requestPersistentStorage } from './db';
import { checkDatabaseVersion } from './db/open';
import { NewerDatabaseScreen } from './screens/NewerDatabaseScreen';
import { replayJournals } from './screens/wizard/autosave';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

const i18n = initI18n();
// The desktop shell's menu and dialogs follow the UI language.
const tellShell = (lang: string) => {
  if (isLang(lang)) void getBridge().setUiLanguage(lang).catch(() => undefined);
};
tellShell(i18n.language);
i18n.on('languageChanged', tellShell);

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  // Before anything touches the database: a newer version's data is left alone.
  const found = await checkDatabaseVersion(db).catch(() => undefined);
  if (found?.kind === 'newer') {
    db.close({ disableAutoOpen: true });
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary>
          <NewerDatabaseScreen found={found.found} supported={found.supported} />
        </ErrorBoundary>
      </StrictMode>,
    );
    return;
  }
  // Edits written ahead just before the previous session ended abruptly are stored first.
  try {
    await repo.foldPendingEdits();
    await replayJournals(localStorage, async (edit) => {
      // An edit of this version is stored only if nothing newer reached the slot meanwhile.
      if (edit.at) {
        const current = (await repo.interviewAnswers(edit.slot.interviewId)).get(edit.slot.questionId);
        if (current && current.head.at > edit.at) return;
      }
      await repo.saveAnswer(edit.slot, edit.value, edit.who);
    });
  } catch {
    // They stay for the next start; the app must still open.
  }
  void requestPersistentStorage();
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();

// The service worker makes the web build work offline after the first load. Electron
// serves from app:// and needs none.
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
