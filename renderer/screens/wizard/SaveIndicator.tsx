import { useTranslation } from 'react-i18next';
import { useWizard } from './store';

/** The visible "Saved" state; announced politely to screen readers. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const status = useWizard((s) => s.saveStatus);
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      {status === 'saved' && `✓ ${t('save.saved')}`}
      {status === 'pending' && t('save.pending')}
      {status === 'saving' && t('save.saving')}
      {status === 'error' && t('save.error')}
    </span>
  );
}
