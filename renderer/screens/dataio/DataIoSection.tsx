import { useLiveQuery } from 'dexie-react-hooks';
import type { Assessment } from '../../../shared/model/types';
import { repo } from '../../db';
import { AnalysisExportPanel } from './AnalysisExportPanel';
import { QuestionnaireImportPanel } from './QuestionnaireImportPanel';
import { QuestionnairePanel } from './QuestionnairePanel';

/** Spreadsheets for analysis and questionnaires out and back (Import and export tab). */
export function DataIoSection({ assessment }: { assessment: Assessment }) {
  const interviews = useLiveQuery(async () => (await repo.liveRecords(assessment.id)).interviews.length, [assessment.id]);
  return (
    <>
      <div className="exchange-grid">
        <AnalysisExportPanel assessment={assessment} interviews={interviews ?? 0} />
        <QuestionnairePanel assessment={assessment} />
      </div>
      <QuestionnaireImportPanel assessment={assessment} />
    </>
  );
}
