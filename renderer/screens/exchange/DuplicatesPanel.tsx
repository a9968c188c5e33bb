import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { findDuplicateStakeholders } from '../../../shared/merge';
import type { Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import { repo, useProfile } from '../../db';
import { useUndo } from '../../state/undo';

/** Probable duplicate stakeholders (different spellings of one person) for the lead to merge. */
export function DuplicatesPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const offerUndo = useUndo((u) => u.offerUndo);
  // Live stakeholders only: a merged duplicate is tombstoned (replacedBy) and leaves the list.
  const groups = useLiveQuery(async () => findDuplicateStakeholders((await repo.liveRecords(assessment.id)).stakeholders), [assessment.id]);
  if (!groups || !profile) return null;
  return (
    <section className="card panel" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">
        {t('duplicates.title')} <span className="badge">{groups.length}</span>
      </h2>
      {groups.length === 0 ? (
        <p className="muted">{t('duplicates.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="duplicate-list">
          {groups.map((g) => (
            <li key={g.stakeholderIds.join()} className="duplicate-group">
              <p className="muted">{t(`duplicates.reason.${g.reason}`)}</p>
              <ul className="plain-list">
                {g.stakeholders.map((s) => (
                  <li key={s.id} className="duplicate-row">
                    <span>
                      {formatPersonName(i18n.language as Lang, s.honorific, s.name)} — {s.organization}
                      {s.position && <span className="muted"> · {s.position}</span>}
                    </span>
                    <button type="button" className="small" onClick={async () => {
                        const undo = await repo.mergeStakeholders(s.id, g.stakeholderIds, profile);
                        offerUndo({ message: t('deletion.merged', { name: formatPersonName(i18n.language as Lang, s.honorific, s.name) }), undo });
                      }}>
                      {t('duplicates.keepThis')}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
