import { Component, type ReactNode } from 'react';
import i18next from 'i18next';

/**
 * Never a blank screen: an unexpected rendering error shows a message and a way back.
 * Data is in IndexedDB, so reloading loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <main className="screen narrow" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            location.hash = '#/';
            location.reload();
          }}
        >
          {t('error.reload')}
        </button>
      </main>
    );
  }
}
