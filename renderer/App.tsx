import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { UndoToast } from './components/UndoToast';
import { LanguageSwitch } from './components/LanguageSwitch';
import { HomeScreen } from './screens/HomeScreen';
import { AssessmentScreen } from './screens/assessment/AssessmentScreen';
import { WizardScreen } from './screens/wizard/WizardScreen';
import { useRouter } from './state/router';
import { screenKey, useUndo } from './state/undo';

export function App() {
  const { t } = useTranslation();
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const withdrawUndo = useUndo((s) => s.withdraw);
  const offeredOn = useUndo((s) => s.offer?.screen);
  const where = screenKey(route);
  // Undo is for the screen where the action was done: leaving it withdraws the offer.
  useEffect(() => {
    if (offeredOn !== undefined && offeredOn !== where) withdrawUndo();
  }, [where, offeredOn, withdrawUndo]);
  return (
    <>
      <a href="#main" className="skip-link" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className={route.name === 'interview' ? 'app-header scrolls' : 'app-header'}>
        <button type="button" className="brand" onClick={() => navigate({ name: 'home' })} aria-label={t('nav.home')}>
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </button>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className={route.name === 'interview' ? 'wide' : ''}>
        {route.name === 'home' && <HomeScreen />}
        {route.name === 'assessment' && <AssessmentScreen assessmentId={route.assessmentId} tab={route.tab} itemId={route.itemId} />}
        {route.name === 'interview' && <WizardScreen assessmentId={route.assessmentId} interviewId={route.interviewId} {...(route.itemId ? { itemId: route.itemId } : {})} />}
      </main>
      <UndoToast />
    </>
  );
}
