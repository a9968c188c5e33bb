import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/model/types';

export function ConsolidationTab(_props: { assessment: Assessment }) {
  const { t } = useTranslation();
  return <p className="empty-state">{t('common.notYet')}</p>;
}
