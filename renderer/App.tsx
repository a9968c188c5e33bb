import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { HomeScreen } from './screens/HomeScreen';
import { useRouter } from './state/router';

export function App() {
  const { t } = useTranslation();
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <button type="button" className="brand" onClick={() => navigate({ name: 'home' })}>
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </button>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'home' && <HomeScreen />}
      </main>
    </>
  );
}
