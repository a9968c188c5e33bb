import { useTranslation } from 'react-i18next';

export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title" className="screen">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="empty-state">{t('home.empty')}</p>
    </section>
  );
}
