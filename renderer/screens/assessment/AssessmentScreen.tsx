import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletedBy, indexTombstones } from '../../../shared/merge/tombstones';
import { Tabs } from '../../components/Tabs';
import { db, repo, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useRouter, type AssessmentTab } from '../../state/router';
import { StakeholdersTab } from './StakeholdersTab';
import { InterviewsTab } from './InterviewsTab';
import { ExchangeTab } from '../exchange/ExchangeTab';
import { ConsolidationTab } from '../consolidation/ConsolidationTab';
import { ReportTab } from '../report/ReportTab';
import { DeleteAssessmentDialog, EditAssessmentDialog } from './AssessmentDialogs';
import { WritingTab } from '../writing/WritingTab';
import { TranslateTab } from '../translate/TranslateTab';

export function AssessmentScreen(props: { assessmentId: string; tab: AssessmentTab; itemId?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const profile = useProfile();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const found = useLiveQuery(async () => {
    const assessment = (await db.assessments.get(props.assessmentId)) ?? null;
    const tombstone = assessment ? indexTombstones(await repo.tombstones(assessment.id)).assessment.get(assessment.id) : undefined;
    return { assessment, deletion: assessment && deletedBy(tombstone, assessment.updatedAt) ? tombstone : undefined };
  }, [props.assessmentId]);
  if (found === undefined) return null;
  const { assessment, deletion } = found;
  if (deletion) {
    return (
      <section className="screen">
        <p className="notice" role="alert" data-testid="assessment-deleted">
          {t('deletion.assessmentDeletedNotice', { date: formatDate(i18n.language, deletion.at.slice(0, 10)), name: deletion.byName })}
        </p>
        <button type="button" onClick={() => navigate({ name: 'home' })}>
          {t('nav.home')}
        </button>
      </section>
    );
  }
  if (assessment === null) {
    return (
      <section className="screen">
        <p className="notice error" role="alert">
          {t('assessment.notFound')}
        </p>
        <button type="button" onClick={() => navigate({ name: 'home' })}>
          {t('nav.home')}
        </button>
      </section>
    );
  }
  const tabs: Array<{ id: AssessmentTab; label: string }> = [
    { id: 'interviews', label: t('tabs.interviews') },
    { id: 'stakeholders', label: t('tabs.stakeholders') },
    { id: 'exchange', label: t('tabs.exchange') },
    { id: 'consolidation', label: t('tabs.consolidation') },
    { id: 'report', label: t('tabs.report') },
    { id: 'writing', label: t('writing.tab') },
    { id: 'translate', label: t('translate.tab') },
  ];
  return (
    <section className="screen" aria-labelledby="assessment-title">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          {t('home.title')}
        </button>
        <span aria-hidden="true"> / </span>
        <span>{assessment.country}</span>
      </nav>
      <div className="screen-header">
        <div>
          <h1 id="assessment-title">{assessment.title}</h1>
          <p className="muted">
            {assessment.country}
            {assessment.periodStart && ` · ${formatDate(i18n.language, assessment.periodStart)} – ${formatDate(i18n.language, assessment.periodEnd)}`}
          </p>
        </div>
        <div className="header-buttons">
          <button type="button" onClick={() => setDialog('edit')} data-testid="edit-assessment">
            {t('corrections.editAssessment')}
          </button>
          <button type="button" className="danger" onClick={() => setDialog('delete')} data-testid="delete-assessment" disabled={!profile}>
            {t('deletion.deleteAssessment')}
          </button>
        </div>
      </div>
      {dialog === 'edit' && <EditAssessmentDialog assessment={assessment} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && profile && <DeleteAssessmentDialog assessment={assessment} who={profile} onClose={() => setDialog(null)} />}
      <Tabs
        label={t('tabs.label')}
        idPrefix="assessment"
        tabs={tabs}
        selected={props.tab}
        onSelect={(tab) => navigate({ name: 'assessment', assessmentId: assessment.id, tab }, { replace: true })}
      />
      <div role="tabpanel" id="assessment-panel" aria-labelledby={`assessment-tab-${props.tab}`} className="tab-panel">
        {props.tab === 'interviews' && <InterviewsTab assessment={assessment} />}
        {props.tab === 'stakeholders' && <StakeholdersTab assessment={assessment} />}
        {props.tab === 'exchange' && <ExchangeTab assessment={assessment} />}
        {props.tab === 'consolidation' && <ConsolidationTab assessment={assessment} itemId={props.itemId} />}
        {props.tab === 'writing' && <WritingTab assessment={assessment} />}
        {props.tab === 'report' && <ReportTab assessment={assessment} />}
        {props.tab === 'translate' && <TranslateTab assessment={assessment} />}
      </div>
    </section>
  );
}
